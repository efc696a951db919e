import Foundation

/// One conversation as every export format yields it, parsed and checked, ready to write: the
/// `conversations` row, every node of its tree as a `messages` row (with its parent and its place on
/// the visible thread), and the files its messages point at. Formats build it (ChatGPT's in
/// Sources/ChatGPT/ChatGPTConversation.swift); the planner, tree merge and writer only read it.
struct ConversationRecord: Sendable {
    /// One node of the conversation's tree.
    struct Message: Sendable {
        var nodeID: String
        var parentID: String?
        var childIndex: Int
        /// Its place on the visible thread (root first), nil when it is off that thread.
        var visibleIndex: Int?
        var role: String?
        var authorName: String?
        var recipient: String?
        var channel: String?
        var status: String?
        var endTurn: Bool?
        var weight: Double?
        var modelSlug: String?
        var contentType: String?
        var text: String?
        var createTime: String?
        var updateTime: String?
        var isHidden: Bool
        var isIncomplete: Bool
        /// The node's message as the export wrote it (JSON), when it is kept.
        var raw: String?
    }

    /// A file one message points at.
    struct Asset: Sendable {
        var nodeID: String
        var position: Int
        var pointer: String
        var kind: String
        /// Where the file is in the export, when it is there.
        var exportPath: String?
        var mimeType: String?
        var sizeBytes: Int64?
        /// The file's original name, when the export gives it.
        var fileName: String?
    }

    /// A document that belongs to the conversation rather than to one message: a canvas rebuilt from
    /// its edits, or a deep-research task whose report the export does not hold (`content` nil).
    struct Document: Sendable, Equatable {
        var id: String
        var kind: String
        var title: String?
        var type: String?
        /// The visible message `show` prints it after.
        var nodeID: String?
        var version: Int?
        var content: String?
    }

    var id: String
    /// The service the conversation comes from: `chatgpt`, `claude`, `gemini`, `grok`.
    var provider: String = "chatgpt"
    var title: String?
    var createTime: String?
    var updateTime: String?
    var gizmoID: String?
    var gizmoType: String?
    /// The project the conversation belongs to (for ChatGPT a `g-p-…` or snorlax gizmo id).
    var projectGizmoID: String?
    /// The project's name when the export gives it beside the conversation (Claude's API-shaped files).
    var projectName: String?
    var defaultModelSlug: String?
    /// The visible leaf: the last node of the visible thread.
    var currentNode: String?
    var isArchived: Bool
    /// The conversation's other top-level members, as JSON.
    var extra: String?
    /// Hash of the conversation's bytes in the export: unchanged bytes are recognised without parsing.
    var contentHash: String
    var messages: [Message]
    var assets: [Asset]
    var documents: [Document] = []
    /// What was repaired or cut to keep this conversation (node id when it concerns one message).
    var repairs: [(nodeID: String?, problem: String)] = []
}
