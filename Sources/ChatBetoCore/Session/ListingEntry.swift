/// One numbered row of the last listing: the conversation `show N` / `open N` resolve to, and the
/// message it points at (`recall`'s citations), nil for rows that are whole conversations.
public struct ListingEntry: Sendable, Equatable {
    public var conversationID: String
    public var nodeID: String?

    /// A row for this conversation, at `nodeID` when given.
    public init(conversationID: String, nodeID: String? = nil) {
        self.conversationID = conversationID; self.nodeID = nodeID
    }
}
