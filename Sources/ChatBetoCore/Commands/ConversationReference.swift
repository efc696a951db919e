import ChatBetoStore

/// Resolves what the user typed for a conversation: a row number of the last listing, an id, or an id prefix.
enum ConversationReference {
    static func resolve(_ key: String, in shell: Shell) throws -> ConversationSummary {
        let catalog = try shell.catalog
        if let n = Int(key), n >= 1, key.count <= 4 {
            guard n <= shell.state.lastListing.count else {
                throw LookupError.notFound(kind: "row", key: key,
                                           hint: shell.state.lastListing.isEmpty ? "list conversations first ('conversations')"
                                                                                 : "the last listing has \(shell.state.lastListing.count) rows")
            }
            return try catalog.findConversation(shell.state.lastListing[n - 1])
        }
        return try catalog.findConversation(key)
    }
}
