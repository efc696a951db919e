import ChatBetoStore

/// Resolves what the user typed for a conversation: a row number of the last listing, an id, or an id prefix.
enum ConversationReference {
    static func resolve(_ key: String, in context: CommandContext) throws -> ConversationSummary {
        let catalog = try context.catalog
        if let n = Int(key), n >= 1, key.count <= 4 {
            guard n <= context.state.lastListing.count else {
                throw LookupError.notFound(kind: "row", key: key,
                                           hint: context.state.lastListing.isEmpty ? "list conversations first ('conversations')"
                                                                                 : "the last listing has \(context.state.lastListing.count) rows")
            }
            return try catalog.findConversation(context.state.lastListing[n - 1].conversationID)
        }
        return try catalog.findConversation(key)
    }
}
