import ChatBetoStore

/// Where the user is: current project and conversation, and the numbered rows of the last listing.
public struct SessionState: Sendable, Equatable {
    public var project: Project?
    public var conversation: ConversationSummary?
    /// The numbered rows of the last listing (`conversations`, `timeline`, `search`, `recall`), so
    /// `show 3` works; each row holds its conversation and the message it cites, so they cannot drift apart.
    public var lastListing: [ListingEntry] = []

    /// No project, no conversation, no listing.
    public init() {}
}
