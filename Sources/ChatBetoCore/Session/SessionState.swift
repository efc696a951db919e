import ChatBetoStore

/// Where the user is: current project and conversation, and the numbered rows of the last listing.
public struct SessionState: Sendable, Equatable {
    public var project: Project?
    public var conversation: ConversationSummary?
    /// Conversation ids of the last listing (`conversations`, `search`), so `show 3` works.
    public var lastListing: [String] = [] { didSet { lastListingMessages = [] } }
    /// The message each row of the last listing points at (`recall`'s citations), so `show 1` opens
    /// there; empty for listings of whole conversations. Reset whenever `lastListing` changes.
    public var lastListingMessages: [String?] = []

    /// No project, no conversation, no listing.
    public init() {}
}
