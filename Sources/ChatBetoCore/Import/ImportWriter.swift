import Foundation

/// Writes planned conversations: the conversation row, its messages and assets (array-bound bulk
/// inserts), the projects and custom GPTs it refers to. The caller owns the transaction.
final class ImportWriter {
    private let connection: MySQLConnection
    private let messageRows: BulkInsert
    private let assetRows: BulkInsert
    private var projectIDs: [String: Int64] = [:]
    private var gizmos: [String: (type: String?, first: String?, last: String?)] = [:]

    init(connection: MySQLConnection) throws {
        self.connection = connection
        messageRows = try BulkInsert(connection: connection, sql: SQL.Import.insertMessage, columns: [
            .text, .text, .text, .integer, .integer, .text, .text, .text, .text, .text, .integer, .real, .text, .text,
            .text, .text, .text, .integer, .integer, .integer, .text,
        ])
        assetRows = try BulkInsert(connection: connection, sql: SQL.Import.insertAsset, columns: [
            .text, .text, .integer, .text, .text, .text, .text, .integer,
        ])
    }

    /// Writes one conversation; returns whether it created its project.
    @discardableResult
    func write(_ c: ConversationRecord, update: Bool) throws -> Bool {
        var created = false
        let projectID: SQLValue
        if let gizmo = c.projectGizmoID {
            let (id, isNew) = try project(gizmo)
            projectID = .int(id)
            created = isNew
        } else {
            projectID = .null
        }
        if let g = c.gizmoID { noteGizmo(g, type: c.gizmoType, time: c.createTime) }
        let values: [SQLValue] = [
            projectID, .optional(c.title), .optional(c.createTime), .optional(c.updateTime), .optional(c.gizmoID),
            .optional(c.gizmoType), .optional(c.defaultModelSlug), .optional(c.currentNode), .int(c.isArchived ? 1 : 0),
            .int(Int64(c.messages.count)), .text(c.contentHash), .optional(c.extra),
        ]
        if update {
            // Rows of this conversation may still sit in the buffers when it appears twice in one run.
            try flush()
            try connection.query(SQL.Import.deleteMessages, [.text(c.id)])
            try connection.query(SQL.Import.deleteAssets, [.text(c.id)])
            try connection.query(SQL.Import.updateConversation, values + [.text(c.id)])
        } else {
            try connection.query(SQL.Import.insertConversation, [.text(c.id)] + values)
        }
        let id = SQLValue.text(c.id)
        for m in c.messages {
            try messageRows.append([
                id, .text(m.nodeID), .optional(m.parentID), .int(Int64(m.childIndex)), .optional(m.visibleIndex),
                .optional(m.role), .optional(m.authorName), .optional(m.recipient), .optional(m.channel), .optional(m.status),
                .optional(m.endTurn), .optional(m.weight), .optional(m.modelSlug), .optional(m.contentType), .optional(m.text),
                .optional(m.createTime), .optional(m.updateTime), .int(m.isHidden ? 1 : 0), .int(m.visibleIndex == nil ? 0 : 1),
                .int(m.isIncomplete ? 1 : 0), .optional(m.raw),
            ])
        }
        for a in c.assets {
            try assetRows.append([
                id, .text(a.nodeID), .int(Int64(a.position)), .text(a.pointer), .text(a.kind), .optional(a.exportPath),
                .optional(a.mimeType), a.sizeBytes.map { .int($0) } ?? .null,
            ])
        }
        return created
    }

    /// Sends buffered rows and the custom GPTs seen; call before committing.
    func flush() throws {
        try messageRows.flush()
        try assetRows.flush()
        for (id, g) in gizmos {
            try connection.query(SQL.Import.upsertGizmo, [.text(id), .optional(g.type), .optional(g.first), .optional(g.last)])
        }
        gizmos.removeAll()
    }

    /// Forgets everything not yet committed (after a rollback).
    func discard() {
        messageRows.discard()
        assetRows.discard()
        gizmos.removeAll()
        projectIDs.removeAll()
    }

    private func project(_ gizmo: String) throws -> (Int64, Bool) {
        if let id = projectIDs[gizmo] { return (id, false) }
        if let id = try connection.queryOne(SQL.Import.projectByGizmo, [.text(gizmo)])?["id"].int64Value {
            projectIDs[gizmo] = id
            return (id, false)
        }
        let id = Int64(try connection.query(SQL.Import.insertProject, [.text(gizmo), .text(gizmo)]).lastInsertID)
        projectIDs[gizmo] = id
        return (id, true)
    }

    private func noteGizmo(_ id: String, type: String?, time: String?) {
        var g = gizmos[id] ?? (type, time, time)
        if g.type == nil { g.type = type }
        if let time {
            if g.first == nil || time < g.first! { g.first = time }
            if g.last == nil || time > g.last! { g.last = time }
        }
        gizmos[id] = g
    }
}
