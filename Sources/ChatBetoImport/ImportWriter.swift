import ChatBetoStore
import Foundation

/// Writes planned conversations: the conversation row, its messages and assets (array-bound bulk
/// inserts), the projects and custom GPTs it refers to. The caller owns the transaction.
final class ImportWriter {
    private let connection: MySQLConnection
    private let messageRows: BulkInsert
    private let assetRows: BulkInsert
    /// Re-imports merge into the stored tree: upserts, never deletes.
    private let mergedMessageRows: BulkInsert
    private let mergedAssetRows: BulkInsert
    private var projectIDs: [String: Int64] = [:]
    private var gizmos: [String: (type: String?, first: String?, last: String?)] = [:]
    /// Bytes of rows written in the current batch (the caller zeroes it when it commits): what the
    /// next commit carries, to keep transactions within a cluster's write-set limit.
    var batchBytes = 0

    static let messageColumns: [BulkInsert.ColumnType] = [
        .text, .text, .text, .integer, .integer, .text, .text, .text, .text, .text, .integer, .real, .text, .text,
        .text, .text, .text, .integer, .integer, .integer, .text, .integer,
    ]
    static let assetColumns: [BulkInsert.ColumnType] = [.text, .text, .integer, .text, .text, .text, .text, .integer, .text]

    /// `maxBatchBytes` bounds one batch of rows (keep it under the server's max_allowed_packet).
    init(connection: MySQLConnection, maxBatchBytes: Int = 8 << 20) throws {
        self.connection = connection
        messageRows = try BulkInsert(connection: connection, sql: SQL.Import.insertMessage, columns: ImportWriter.messageColumns,
                                     maxBytes: maxBatchBytes)
        assetRows = try BulkInsert(connection: connection, sql: SQL.Import.insertAsset, columns: ImportWriter.assetColumns,
                                   maxBytes: maxBatchBytes)
        mergedMessageRows = try BulkInsert(connection: connection, sql: SQL.Import.upsertMessage, columns: ImportWriter.messageColumns,
                                           maxBytes: maxBatchBytes)
        mergedAssetRows = try BulkInsert(connection: connection, sql: SQL.Import.upsertAsset, columns: ImportWriter.assetColumns,
                                         maxBytes: maxBatchBytes)
    }

    /// Writes one conversation; returns whether it created its project.
    @discardableResult
    func write(_ c: ConversationRecord, update: Bool) throws -> Bool {
        var created = false
        var projectID: Int64?
        if let gizmo = c.projectGizmoID {
            let (id, isNew) = try project(gizmo, provider: c.provider, name: c.projectName)
            projectID = id
            created = isNew
        }
        if let g = c.gizmoID { noteGizmo(g, type: c.gizmoType, time: c.createTime) }
        var c = c
        var currentNode = c.currentNode
        var messageCount = c.messages.count
        var updateTime = c.updateTime
        if update {
            // Rows of this conversation may still sit in the buffers when it appears twice in one run.
            try flush()
            let merge = try self.merge(c)
            for i in c.messages.indices { c.messages[i].visibleIndex = merge.visibleIndex[c.messages[i].nodeID] }
            currentNode = merge.leaf
            messageCount = merge.nodeCount
            if let stored = try connection.queryOne(SQL.Import.storedConversation(id: c.id))?.string("update_time"),
               stored > (updateTime ?? "") {
                updateTime = stored  // local turns are newer than the export
            }
        }
        let row = SQL.Import.ConversationRow(
            id: c.id, projectID: projectID, title: c.title, createTime: c.createTime, updateTime: updateTime,
            gizmoID: c.gizmoID, gizmoType: c.gizmoType, defaultModelSlug: c.defaultModelSlug, currentNode: currentNode,
            isArchived: c.isArchived, messageCount: messageCount, contentHash: c.contentHash, extra: c.extra, provider: c.provider)
        try connection.query(update ? SQL.Import.updateConversation(row) : SQL.Import.insertConversation(row))
        batchBytes += (c.extra?.utf8.count ?? 0) + 500
        let id = SQLValue.text(c.id)
        let messageSink = update ? mergedMessageRows : messageRows
        let assetSink = update ? mergedAssetRows : assetRows
        for m in c.messages {
            try messageSink.append([
                id, .text(m.nodeID), .optional(m.parentID), .int(Int64(m.childIndex)), .optional(m.visibleIndex),
                .optional(m.role), .optional(m.authorName), .optional(m.recipient), .optional(m.channel), .optional(m.status),
                .optional(m.endTurn), .optional(m.weight), .optional(m.modelSlug), .optional(m.contentType), .optional(m.text),
                .optional(m.createTime), .optional(m.updateTime), .int(m.isHidden ? 1 : 0), .int(m.visibleIndex == nil ? 0 : 1),
                .int(m.isIncomplete ? 1 : 0), .optional(m.raw), .int(Int64(MessageWordCount.of(m.text))),
            ])
            batchBytes += (m.text?.utf8.count ?? 0) + (m.raw?.utf8.count ?? 0) + 200
        }
        for a in c.assets {
            try assetSink.append([
                id, .text(a.nodeID), .int(Int64(a.position)), .text(a.pointer), .text(a.kind), .optional(a.exportPath),
                .optional(a.mimeType), a.sizeBytes.map { .int($0) } ?? .null, .optional(a.fileName),
            ])
        }
        for d in c.documents {
            try connection.query(SQL.Import.upsertDocument(conversationID: c.id, documentID: d.id, kind: d.kind, title: d.title,
                                                           type: d.type, nodeID: d.nodeID, version: d.version, content: d.content))
        }
        return created
    }

    /// Writes `c` in place of the copy of it this run wrote before (an export holding a conversation
    /// twice, the older copy first): that copy's rows go, the later copy is written as new.
    func replace(_ c: ConversationRecord) throws {
        try flush()  // the earlier copy's rows may still sit in the buffers
        try connection.query(SQL.Import.deleteConversation(id: c.id))
        try write(c, update: false)
    }

    /// Merges a re-imported conversation into the stored tree: computes the visible path over both and
    /// moves the stored nodes that are not in the export on or off it.
    private func merge(_ c: ConversationRecord) throws -> TreeMerge {
        let stored = try connection.query(SQL.Import.storedNodes(conversationID: c.id)).records.map { r in
            TreeMerge.StoredNode(id: r.string("node_id") ?? "", parent: r.string("parent_node_id"), createTime: r.string("create_time"),
                                 visibleIndex: r.int("visible_index").map(Int.init), onVisiblePath: r.int("on_visible_path") == 1)
        }
        let storedLeaf = try connection.queryOne(SQL.Import.storedConversation(id: c.id))?.string("current_node")
        let merge = TreeMerge(stored: stored, export: c.messages, exportLeaf: c.currentNode, storedLeaf: storedLeaf)
        for change in merge.storedChanges {
            try connection.query(SQL.Import.setVisible(conversationID: c.id, nodeID: change.id,
                                                                   visibleIndex: change.visibleIndex))
        }
        return merge
    }

    /// Sends buffered rows and the custom GPTs seen; call before committing.
    func flush() throws {
        try messageRows.flush()
        try assetRows.flush()
        try mergedMessageRows.flush()
        try mergedAssetRows.flush()
        for (id, g) in gizmos {
            try connection.query(SQL.Import.upsertGizmo(id: id, type: g.type, firstSeen: g.first, lastSeen: g.last))
        }
        gizmos.removeAll()
    }

    /// Forgets everything not yet committed (after a rollback).
    func discard() {
        messageRows.discard()
        assetRows.discard()
        mergedMessageRows.discard()
        mergedAssetRows.discard()
        gizmos.removeAll()
        projectIDs.removeAll()
        batchBytes = 0
    }

    /// Writes a project another provider's export lists (its conversations may not name it).
    func write(_ p: SourceProject) throws {
        try connection.query(SQL.Import.upsertSourceProject(provider: p.provider, externalID: p.externalID, name: p.name,
                                                            instructions: p.instructions))
    }

    private func project(_ gizmo: String, provider: String = "chatgpt", name: String? = nil) throws -> (Int64, Bool) {
        if let id = projectIDs[gizmo] { return (id, false) }
        if let id = try connection.queryOne(SQL.Import.projectByGizmo(gizmoID: gizmo))?["id"].int64Value {
            projectIDs[gizmo] = id
            return (id, false)
        }
        if let name {
            try connection.query(SQL.Import.upsertSourceProject(provider: provider, externalID: gizmo, name: String(name.prefix(255)), instructions: nil))
            let id = try connection.queryOne(SQL.Import.projectByGizmo(gizmoID: gizmo))?["id"].int64Value ?? 0
            projectIDs[gizmo] = id
            return (id, true)
        }
        let id = Int64(try connection.query(SQL.Import.insertProject(gizmoID: gizmo, provisionalName: gizmo, provider: provider)).lastInsertID)
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
