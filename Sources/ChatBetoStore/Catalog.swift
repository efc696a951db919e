import Foundation
import ChatBetoSupport

/// Reads and small writes the shell needs about projects, conversations, messages and sessions.
public struct Catalog {
    public let connection: MySQLConnection
    /// Reads and edits the catalog over an open connection.
    public init(connection: MySQLConnection) { self.connection = connection }

    // MARK: projects

    /// Every project (or one provider's) with its conversation count and last activity.
    public func projectList(provider: String? = nil) throws -> ResultSet {
        try connection.query(SQL.Projects.list, [.optional(provider), .optional(provider)])
    }

    /// Every project, in the order `projects` lists them.
    public func allProjects() throws -> [Project] { try connection.query(SQL.Projects.all).records.map(Project.init) }

    /// The project with this id, or nil.
    public func project(id: Int64) throws -> Project? {
        try connection.queryOne(SQL.Projects.byID, [.int(id)]).map(Project.init)
    }

    /// Finds a project by exact name, gizmo id (with or without a name slug), or unambiguous prefix.
    public func findProject(_ key: String) throws -> Project {
        let all = try allProjects()
        if let p = all.first(where: { $0.name == key }) { return p }
        let gizmo = ChatGPTProjectID.withoutSlug(key)
        if let p = all.first(where: { $0.chatgptProjectID == gizmo }) { return p }
        if let p = all.first(where: { $0.name.caseInsensitiveCompare(key) == .orderedSame }) { return p }
        let prefixed = all.filter { $0.name.lowercased().hasPrefix(key.lowercased()) || ($0.chatgptProjectID?.hasPrefix(key) ?? false) }
        if prefixed.count == 1 { return prefixed[0] }
        if prefixed.count > 1 {
            throw LookupError.ambiguous(kind: "project", key: key, candidates: prefixed.map(\.name))
        }
        throw LookupError.notFound(kind: "project", key: key, hint: "type 'projects' to list them")
    }


    /// Gives a project the user's name (it then survives re-imports).
    public func renameProject(id: Int64, to name: String) throws {
        try connection.query(SQL.Projects.rename, [.text(name), .int(id)])
    }

    /// Sets or clears a project's instructions (sent with each chat turn).
    public func setInstructions(projectID: Int64, _ text: String?) throws {
        try connection.query(SQL.Projects.setInstructions, [.optional(text), .int(projectID)])
    }

    /// Project names, for completion.
    public func projectNames() throws -> [String] {
        try connection.query(SQL.Projects.names).rows.compactMap { $0.first?.textValue }
    }

    // MARK: conversations

    /// The conversation with this id, or nil.
    public func conversation(id: String) throws -> ConversationSummary? {
        try connection.queryOne(SQL.Conversations.byID, [.text(id)]).map(ConversationSummary.init)
    }

    /// By exact id or unambiguous id prefix.
    public func findConversation(_ key: String) throws -> ConversationSummary {
        if let c = try conversation(id: key) { return c }
        let matches = try connection.query(SQL.Conversations.byPrefix, [.text(key)]).records.map(ConversationSummary.init)
        if matches.count == 1 { return matches[0] }
        if matches.count > 1 {
            throw LookupError.ambiguous(kind: "conversation", key: key, candidates: matches.map { "\($0.id)  \($0.displayTitle)" })
        }
        throw LookupError.notFound(kind: "conversation", key: key, hint: "type 'conversations' to list them")
    }

    /// Conversations for `conversations`: newest first, filtered by project, age and provider.
    public func listConversations(projectID: Int64?, orphansOnly: Bool, since: String?, limit: Int,
                                  provider: String? = nil) throws -> ResultSet {
        try connection.query(SQL.Conversations.list, [
            .int(projectID == nil ? 0 : 1), .optional(projectID.map(Int.init)),
            .int(orphansOnly ? 1 : 0), .optional(since), .optional(since), .optional(provider), .optional(provider),
            .int(Int64(limit)),
        ])
    }

    /// How many conversations `listConversations` would list without a limit.
    public func countConversations(projectID: Int64?, orphansOnly: Bool, since: String?, provider: String? = nil) throws -> Int {
        let rs = try connection.query(SQL.Conversations.count, [
            .int(projectID == nil ? 0 : 1), .optional(projectID.map(Int.init)),
            .int(orphansOnly ? 1 : 0), .optional(since), .optional(since), .optional(provider), .optional(provider),
        ])
        return Int(rs.rows.first?.first?.int64Value ?? 0)
    }

    /// The most recently updated conversation (of a project), which `continue` resumes.
    public func mostRecentConversation(projectID: Int64?) throws -> ConversationSummary? {
        if let projectID {
            return try connection.queryOne(SQL.Conversations.mostRecentInProject, [.int(projectID)]).map(ConversationSummary.init)
        }
        return try connection.queryOne(SQL.Conversations.mostRecent).map(ConversationSummary.init)
    }

    /// Ids and titles for tab completion, most recent first: one project's, or all when `projectID` is nil.
    public func completionConversations(projectID: Int64? = nil) throws -> [(id: String, title: String?)] {
        try connection.query(SQL.Conversations.completionCandidates, [.int(projectID == nil ? 0 : 1), .optional(projectID.map(Int.init))])
            .rows.map { ($0[0].textValue ?? "", $0[1].textValue) }
    }

    // MARK: messages

    /// The messages on a conversation's visible path, root first.
    public func visibleThread(conversationID: String) throws -> [StoredMessage] {
        try connection.query(SQL.Messages.visibleThread, [.text(conversationID)]).records.map(StoredMessage.init)
    }

    /// Every message of a conversation, every branch, in tree order.
    public func allMessages(conversationID: String) throws -> [StoredMessage] {
        try connection.query(SQL.Messages.allNodes, [.text(conversationID)]).records.map(StoredMessage.init)
    }

    /// Each message's files, as `show` names them: "image: venue.png (in the export: file_….dat)" or
    /// "audio: file_… (not in this export)"; a file a message points at twice is named once.
    public func assets(conversationID: String) throws -> [String: [String]] {
        var out: [String: [String]] = [:]
        var seen: Set<String> = []
        for r in try connection.query(SQL.Messages.assets, [.text(conversationID)]).records {
            let node = r.string("node_id") ?? ""
            let pointer = r.string("asset_pointer") ?? "?"
            let fileID = pointer.range(of: "://").map { String(pointer[$0.upperBound...]) } ?? pointer
            guard seen.insert(node + "\u{0}" + fileID).inserted else { continue }
            let path = r.string("export_path")
            let name = r.string("file_name") ?? path.map { ($0 as NSString).lastPathComponent } ?? fileID
            let kind = r.string("kind") ?? "file"
            out[node, default: []].append("\(kind == "attachment" ? "file" : kind): \(name) (" +
                                          (path.map { "in the export: \($0)" } ?? "not in this export") + ")")
        }
        return out
    }

    /// The documents of a conversation (canvases, deep-research tasks), by id.
    public func documents(conversationID: String) throws -> [StoredDocument] {
        try connection.query(SQL.Messages.documents, [.text(conversationID)]).records.map(StoredDocument.init)
    }
}

/// A name or id that matched nothing, or too much.
public enum LookupError: Error, CustomStringConvertible, Sendable {
    case notFound(kind: String, key: String, hint: String)
    /// Nothing of this kind exists in the scope at all (an empty database or project), with what to do.
    case none(kind: String, scope: String, hint: String)
    case ambiguous(kind: String, key: String, candidates: [String])

    /// The message the user sees.
    public var description: String {
        switch self {
        case .notFound(let kind, let key, let hint): return "no \(kind) matches '\(Echo.short(key))'; \(hint)"
        case .none(let kind, let scope, let hint): return "no \(kind)s in \(scope) yet; \(hint)"
        case .ambiguous(let kind, let key, let candidates):
            return "'\(Echo.short(key))' matches several \(kind)s; be more specific:\n" + candidates.prefix(10).map { "  " + $0 }.joined(separator: "\n")
        }
    }
}
