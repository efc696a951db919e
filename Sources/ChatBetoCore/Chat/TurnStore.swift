import ChatBetoStore
import Foundation

/// A message to add to a conversation's tree: a user turn or a model reply.
public struct NewMessage: Sendable, Equatable {
    public var role: String
    public var text: String
    public var model: String?
    public var responseID: String?
    /// Tokens the reply read and wrote (nil when the server did not say).
    public var inputTokens: Int?
    public var outputTokens: Int?
    /// Cut short (Ctrl-C, dropped connection, failure, `max_output_tokens`): never shown as complete.
    public var isIncomplete = false
    /// `finished_successfully`, `in_progress` (cut), `incomplete`, `failed`, `cancelled`.
    public var status = "finished_successfully"
    public var time = Date()

    /// A turn to store with its role, text and the model that wrote it.
    public init(role: String, text: String, model: String? = nil) {
        self.role = role; self.text = text; self.model = model
    }
}

/// The server-side conversation a local one is mirrored into, and how far it is seeded.
public struct ServerThread: Sendable, Equatable {
    /// `conv_…`, nil before the first seeding.
    public var id: String?
    /// The last local node the server conversation already holds.
    public var seededNode: String?
    /// The leaf of the visible thread.
    public var currentNode: String?
}

/// Writes chat turns into the conversation tree, each call in one transaction.
public struct TurnStore {
    public let connection: MySQLConnection
    /// Writes turns over this connection.
    public init(connection: MySQLConnection) { self.connection = connection }

    /// Where the conversation's server copy stands.
    public func serverThread(conversationID: String) throws -> ServerThread {
        guard let r = try connection.queryOne(SQL.Chat.conversationState(id: conversationID)) else {
            throw LookupError.notFound(kind: "conversation", key: conversationID, hint: "it may have been deleted")
        }
        return ServerThread(id: r.string("openai_thread_id"), seededNode: r.string("seeded_node"), currentNode: r.string("current_node"))
    }

    /// Appends `messages` as a chain under `parent` (nil = a new root), on the visible path: nodes
    /// that were visible after `parent` leave it (the new chain is a sibling branch, as a regenerated
    /// reply in ChatGPT). Moves `current_node` to the last one. Returns the new node ids in order.
    @discardableResult
    public func append(_ messages: [NewMessage], conversationID: String, parent: String?) throws -> [String] {
        guard !messages.isEmpty else { return [] }
        return try connection.transaction {
            var position = 0
            if let parent {
                guard let r = try connection.queryOne(SQL.Chat.nodeForUpdate(conversationID: conversationID, nodeID: parent)) else {
                    throw LookupError.notFound(kind: "message", key: parent, hint: "the conversation changed; open it again")
                }
                position = Int(r.int("visible_index") ?? -1) + 1
            }
            try connection.query(SQL.Chat.leaveVisiblePath(conversationID: conversationID, from: position))
            var ids: [String] = []
            var parentID = parent
            for (offset, m) in messages.enumerated() {
                let siblings = try connection.queryOne(SQL.Chat.childCount(conversationID: conversationID, parent: parentID))?.int("n") ?? 0
                let id = UUID().uuidString.lowercased()
                try connection.query(SQL.Chat.insertMessage(
                    conversationID: conversationID, nodeID: id, parent: parentID, childIndex: Int(siblings),
                    visibleIndex: position + offset, role: m.role, status: m.status, model: m.model, text: m.text,
                    time: TurnStore.timestamp(m.time), isIncomplete: m.isIncomplete, responseID: m.responseID,
                    inputTokens: m.inputTokens, outputTokens: m.outputTokens, wordCount: MessageWordCount.of(m.text)))
                ids.append(id)
                parentID = id
            }
            try connection.query(SQL.Chat.moveCurrentNode(conversationID: conversationID, to: ids.last!,
                                                          time: TurnStore.timestamp(messages.last!.time), added: messages.count))
            return ids
        }
    }

    /// Records the server conversation and the last node it holds.
    public func setServerThread(conversationID: String, threadID: String?, seededNode: String?) throws {
        try connection.query(SQL.Chat.setServerThread(conversationID: conversationID, threadID: threadID, seededNode: seededNode))
    }

    /// A new, empty local conversation (`new [title]`); returns its id.
    public func createConversation(projectID: Int64?, title: String?, model: String) throws -> String {
        let id = UUID().uuidString.lowercased()
        try connection.query(SQL.Chat.insertLocalConversation(id: id, projectID: projectID, title: title,
                                                              time: TurnStore.timestamp(Date()), model: model))
        return id
    }

    /// Conversations with messages whose server copy is missing or behind, most recent first.
    public func unsynced(projectID: Int64?, limit: Int) throws -> [ConversationSummary] {
        try connection.query(SQL.Chat.unsynced(projectID: projectID, limit: limit)).records.map(ConversationSummary.init)
    }

    /// Conversations with a server copy (`conv_…` id): one, a project's, or all; as (local id, server id).
    public func serverCopies(conversationID: String?, projectID: Int64?) throws -> [(id: String, threadID: String)] {
        try connection.query(SQL.Chat.withServerCopy(conversationID: conversationID, projectID: projectID)).records.compactMap { r in
            guard let id = r.string("id"), let thread = r.string("openai_thread_id") else { return nil }
            return (id, thread)
        }
    }

    /// `2026-11-26 16:20:04.123456` in UTC, as DATETIME(6) takes it.
    static func timestamp(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd HH:mm:ss.SSSSSS"
        return f.string(from: date)
    }
}
