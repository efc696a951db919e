/// Conversations API (https://platform.openai.com/docs/api-reference/conversations).
extension OpenAIClient {
    /// The API accepts at most this many items per create or append call.
    public static let maxItemsPerCall = 20

    /// `POST /conversations` with up to 20 seed items; returns the `conv_…` id.
    /// Seed longer histories with `appendItems` afterwards (in order).
    public func createConversation(items: [InputMessage] = [], metadata: [String: String] = [:]) throws -> String {
        guard items.count <= Self.maxItemsPerCall else {
            throw OpenAIError(kind: .invalidRequest,
                              message: "a conversation can be created with at most \(Self.maxItemsPerCall) items (got \(items.count)); append the rest with appendItems",
                              endpoint: "POST /conversations")
        }
        try Self.validate(metadata: metadata, endpoint: "POST /conversations")
        var body: [String: JSONValue] = ["items": .array(items.map(\.json))]
        if !metadata.isEmpty { body["metadata"] = .object(metadata.mapValues { .string($0) }) }
        let json = try requestJSON("POST", "/conversations", body: .object(body))
        guard let id = json["id"]?.string else {
            throw OpenAIError(kind: .decoding, message: "conversation created without an id", endpoint: "POST /conversations")
        }
        return id
    }

    /// `POST /conversations/{id}/items` in batches of 20, in order. `onBatch` receives the number of
    /// items appended so far after each batch (a watermark for resuming after a failure).
    /// Returns the new item ids.
    @discardableResult
    public func appendItems(conversationID: String, items: [InputMessage],
                            onBatch: ((Int) -> Void)? = nil) throws -> [String] {
        var ids: [String] = []
        var done = 0
        while done < items.count {
            let batch = items[done..<min(done + Self.maxItemsPerCall, items.count)]
            let json = try requestJSON("POST", "/conversations/\(conversationID)/items",
                                       body: ["items": .array(batch.map(\.json))])
            ids += (json["data"]?.array ?? []).compactMap { $0["id"]?.string }
            done += batch.count
            onBatch?(done)
        }
        return ids
    }

    /// One page of `GET /conversations/{id}/items` (`limit` 1–100).
    public func listItems(conversationID: String, order: ItemOrder = .ascending, limit: Int = 100,
                          after: String? = nil) throws -> ConversationItemPage {
        var query = [("limit", String(min(max(limit, 1), 100))), ("order", order.rawValue)]
        if let after { query.append(("after", after)) }
        let json = try requestJSON("GET", "/conversations/\(conversationID)/items", query: query)
        return ConversationItemPage(items: (json["data"]?.array ?? []).compactMap(ConversationItem.from),
                                    hasMore: json["has_more"]?.bool ?? false,
                                    firstID: json["first_id"]?.string, lastID: json["last_id"]?.string)
    }

    /// Every message item of a conversation, paging with `after`; reasoning and tool items are skipped.
    public func listAllMessages(conversationID: String, order: ItemOrder = .ascending) throws -> [ConversationItem] {
        var messages: [ConversationItem] = []
        var after: String?
        repeat {
            let page = try listItems(conversationID: conversationID, order: order, limit: 100, after: after)
            messages += page.items.filter(\.isMessage)
            after = page.hasMore ? page.lastID : nil
        } while after != nil
        return messages
    }

    /// `GET /conversations/{id}`: the metadata of a conversation (throws a 404 `OpenAIError` if unknown).
    public func conversationMetadata(id: String) throws -> [String: String] {
        let json = try requestJSON("GET", "/conversations/\(id)")
        return (json["metadata"]?.object ?? [:]).compactMapValues(\.string)
    }

    /// `DELETE /conversations/{id}`; true when the server confirms. Items themselves are not deleted by the API.
    @discardableResult
    public func deleteConversation(id: String) throws -> Bool {
        try requestJSON("DELETE", "/conversations/\(id)")["deleted"]?.bool ?? false
    }

    /// `DELETE /conversations/{id}/items/{item_id}`: removes one item (the API answers with the conversation).
    public func deleteItem(conversationID: String, itemID: String) throws {
        _ = try requestJSON("DELETE", "/conversations/\(conversationID)/items/\(itemID)")
    }

    /// At most 16 pairs, keys ≤ 64 and values ≤ 512 characters (spec `Metadata`).
    static func validate(metadata: [String: String], endpoint: String) throws {
        if metadata.count > 16 || metadata.contains(where: { $0.key.count > 64 || $0.value.count > 512 }) {
            throw OpenAIError(kind: .invalidRequest,
                              message: "metadata allows at most 16 pairs, keys up to 64 and values up to 512 characters",
                              param: "metadata", endpoint: endpoint)
        }
    }
}
