import ChatBetoOpenAI
import ChatBetoStore

extension ChatSession {
    /// Before `retry`: takes the retried turn (its user message and every item after it) off the
    /// server conversation with the Conversations API's item deletion, so the regenerated reply
    /// continues the same server conversation and nothing is sent again. When the server copy does
    /// not hold that turn, nothing is done (the turn seeds what is missing, as any turn does). A
    /// failure part-way leaves the server copy unusable: it is dropped and re-seeded by the turn.
    func rewindServer(_ conversation: ConversationSummary, to path: [StoredMessage], dropping retried: [StoredMessage]) throws {
        let store = TurnStore(connection: try context.connection)
        let server = try store.serverThread(conversationID: conversation.id)
        guard let threadID = server.id, let seeded = server.seededNode,
              retried.contains(where: { $0.nodeID == seeded }) else { return }
        do {
            let doomed = try itemsFromLastUserMessage(threadID)
            guard let doomed else { return }
            for id in doomed { try client.deleteItem(conversationID: threadID, itemID: id) }
            try store.setServerThread(conversationID: conversation.id, threadID: threadID, seededNode: path.last?.nodeID)
        } catch let error as OpenAIError {
            context.warn("could not take the last turn off the server conversation (\(error.description)); seeding a new one")
            _ = try? client.deleteConversation(id: threadID)
            try store.setServerThread(conversationID: conversation.id, threadID: nil, seededNode: nil)
        }
        output.progress(.clearStatus)
    }

    /// The ids of the newest items down to and including the newest user message (nil if the first
    /// pages hold no user message).
    private func itemsFromLastUserMessage(_ threadID: String) throws -> [String]? {
        var ids: [String] = []
        var after: String?
        for _ in 0..<5 {
            let page = try client.listItems(conversationID: threadID, order: .descending, limit: 100, after: after)
            for item in page.items {
                ids.append(item.id)
                if item.isMessage && item.role == "user" { return ids }
            }
            guard page.hasMore, let last = page.lastID else { return nil }
            after = last
        }
        return nil
    }
}
