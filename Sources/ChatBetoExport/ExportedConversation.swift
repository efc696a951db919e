import ChatBetoStore
import Foundation

/// A conversation as export renderers need it: the header, every node, and which ones to show.
public struct ExportedConversation: Sendable {
    public var summary: ConversationSummary
    public var project: String?
    public var gizmoID: String?
    public var defaultModel: String?
    public var isArchived: Bool
    /// The other top-level keys of the original export (JSON object text), when imported.
    public var extra: String?
    public var nodes: [StoredMessage]
    /// The files each message points at, by node id, in the order the message names them.
    public var assets: [String: [ExportedAsset]] = [:]

    /// A conversation with all its nodes, read from the catalog for export.
    public static func load(_ summary: ConversationSummary, from connection: MySQLConnection) throws -> ExportedConversation {
        let nodes = try connection.query(SQL.Export.nodes(conversationID: summary.id)).records.map(StoredMessage.init)
        let header = try connection.queryOne(SQL.Export.conversationExtra(conversationID: summary.id))
        var assets: [String: [ExportedAsset]] = [:]
        for r in try connection.query(SQL.Export.assets(conversationID: summary.id)).records {
            assets[r.string("node_id") ?? "", default: []].append(ExportedAsset(kind: r.string("kind"), exportPath: r.string("export_path"),
                                                                                fileName: r.string("file_name"), mimeType: r.string("mime_type")))
        }
        let project = try summary.projectID.flatMap { try Catalog(connection: connection).project(id: $0)?.name }
        return ExportedConversation(summary: summary, project: project, gizmoID: header?.string("chatgpt_gizmo_id"),
                                    defaultModel: header?.string("default_model_slug"), isArchived: header?.int("is_archived") == 1,
                                    extra: header?.string("extra"), nodes: nodes, assets: assets)
    }

    /// The visible thread in order, or every node depth-first (children in order) with its depth.
    public func thread(allBranches: Bool, includeHidden: Bool = false) -> [(node: StoredMessage, depth: Int)] {
        if !allBranches {
            return nodes.filter { $0.onVisiblePath && (includeHidden || !$0.isHidden) }
                .sorted { ($0.visibleIndex ?? 0) < ($1.visibleIndex ?? 0) }.map { ($0, 0) }
        }
        return MessageTree.depthFirst(nodes, id: \.nodeID, parent: \.parentNodeID, childIndex: \.childIndex, createTime: \.createTime)
            .filter { includeHidden || !$0.node.isHidden }.map { ($0.node, $0.depth) }
    }

    /// `2024-05-01 10:00:00.000000` (UTC) as seconds since 1970, as ChatGPT exports write times.
    static func epoch(_ text: String?) -> Double? {
        guard let text, text.count >= 19 else { return nil }
        let parts = text.split(whereSeparator: { "- :.".contains($0) }).map { Int($0) }
        guard parts.count >= 6, let y = parts[0], let mo = parts[1], let d = parts[2], let h = parts[3], let mi = parts[4],
              let s = parts[5] else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let date = calendar.date(from: DateComponents(year: y, month: mo, day: d, hour: h, minute: mi, second: s)) else { return nil }
        let fraction = text.split(separator: ".").dropFirst().first.flatMap { Double("0." + $0) } ?? 0
        return date.timeIntervalSince1970 + fraction
    }
}
