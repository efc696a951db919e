import ChatBetoOpenAI
import ChatBetoStore
import Foundation

/// A message to add to a conversation's tree: a user turn or a model reply.
public struct NewMessage: Sendable, Equatable {
    public var role: String
    public var text: String
    public var model: String?
    public var responseID: String?
    public var usage: TokenUsage?
    /// Cut short (Ctrl-C, dropped connection, failure, `max_output_tokens`): never shown as complete.
    public var isIncomplete = false
    /// `finished_successfully`, `in_progress` (cut), `incomplete`, `failed`, `cancelled`.
    public var status = "finished_successfully"
    public var time = Date()

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
    public init(connection: MySQLConnection) { self.connection = connection }

    /// Where the conversation's server copy stands.
    public func serverThread(conversationID: String) throws -> ServerThread {
        guard let r = try connection.queryOne(SQL.Chat.conversationState, [.text(conversationID)]) else {
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
                guard let r = try connection.queryOne(SQL.Chat.nodeForUpdate, [.text(conversationID), .text(parent)]) else {
                    throw LookupError.notFound(kind: "message", key: parent, hint: "the conversation changed; open it again")
                }
                position = Int(r.int("visible_index") ?? -1) + 1
            }
            try connection.query(SQL.Chat.leaveVisiblePath, [.text(conversationID), .int(Int64(position))])
            var ids: [String] = []
            var parentID = parent
            for (offset, m) in messages.enumerated() {
                let siblings = try connection.queryOne(SQL.Chat.childCount, [.text(conversationID), .optional(parentID)])?.int("n") ?? 0
                let id = UUID().uuidString.lowercased()
                let time = SQLValue.text(TurnStore.timestamp(m.time))
                try connection.query(SQL.Chat.insertMessage, [
                    .text(conversationID), .text(id), .optional(parentID), .int(siblings), .int(Int64(position + offset)),
                    .text(m.role), .text(m.status), .optional(m.model), .text(m.text), time, time,
                    .int(m.isIncomplete ? 1 : 0), .optional(m.responseID),
                    m.usage.map { .int(Int64($0.inputTokens)) } ?? .null, m.usage.map { .int(Int64($0.outputTokens)) } ?? .null,
                    m.role == "assistant" ? .int(m.isIncomplete ? 0 : 1) : .null, .int(Int64(MessageWordCount.of(m.text))),
                ])
                ids.append(id)
                parentID = id
            }
            try connection.query(SQL.Chat.moveCurrentNode, [.text(ids.last!), .text(TurnStore.timestamp(messages.last!.time)),
                                                            .int(Int64(messages.count)), .text(conversationID)])
            return ids
        }
    }

    /// Records the server conversation and the last node it holds.
    public func setServerThread(conversationID: String, threadID: String?, seededNode: String?) throws {
        try connection.query(SQL.Chat.setServerThread, [.optional(threadID), .optional(seededNode), .text(conversationID)])
    }

    /// A new, empty local conversation (`new [title]`); returns its id.
    public func createConversation(projectID: Int64?, title: String?, model: String) throws -> String {
        let id = UUID().uuidString.lowercased()
        let now = SQLValue.text(TurnStore.timestamp(Date()))
        try connection.query(SQL.Chat.insertLocalConversation, [.text(id), projectID.map { .int($0) } ?? .null, .optional(title), now, now, .text(model)])
        return id
    }

    /// Conversations with messages whose server copy is missing or behind, most recent first.
    public func unsynced(projectID: Int64?, limit: Int) throws -> [ConversationSummary] {
        try connection.query(SQL.Chat.unsynced, [.int(projectID == nil ? 0 : 1), projectID.map { .int($0) } ?? .null, .int(Int64(limit))])
            .records.map(ConversationSummary.init)
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
