import ChatBetoRender
import ChatBetoSearch
import ChatBetoStore

/// Tool results as compact text a model reads cheaply, with the ids the other tools accept.
enum ArchiveText {
    static func hits(_ hits: [SearchHit], words: [String], scope: String?, mode: HybridSearch.Mode) -> String {
        var out = "\(hits.count) hit\(hits.count == 1 ? "" : "s") \(scope.map { "in project '\($0)'" } ?? "in every project") (\(mode.rawValue))\n"
        for (i, h) in hits.enumerated() {
            out += "[\(i + 1)] conversation=\(h.conversationID)"
            if let node = h.nodeID { out += " msg=\(node)" }
            out += " \(h.date.map { String($0.prefix(10)) } ?? "-")"
            if let p = h.project { out += " project=\"\(p)\"" }
            out += " title=\"\(h.title ?? "(untitled)")\""
            if let r = h.role { out += " \(r)" }
            out += ": " + Snippet.make(h.text, words: words, width: 240) + "\n"
        }
        return out
    }

    static func thread(_ c: ConversationSummary, messages: [StoredMessage], catalog: Catalog, total: Int?) throws -> String {
        let project = try c.projectID.flatMap { try catalog.project(id: $0)?.name }
        var out = "conversation=\(c.id) title=\"\(c.displayTitle)\" project=\(project.map { "\"\($0)\"" } ?? "-")"
        out += " created=\(c.createTime.map { String($0.prefix(19)) } ?? "-") updated=\(c.updateTime.map { String($0.prefix(19)) } ?? "-")\n"
        for m in messages {
            out += "--- #\(m.visibleIndex.map(String.init) ?? "-") msg=\(m.nodeID) \(m.role ?? "?") \(m.createTime.map { String($0.prefix(19)) } ?? "-")\n"
            out += (m.text ?? "") + "\n"
        }
        if let total, total > messages.count { out += "(\(total - messages.count) more messages; use 'around' or a higher 'limit')\n" }
        if messages.isEmpty { out += "(no messages)\n" }
        return out
    }

    static func table(_ result: ResultSet, maxRows: Int = .max) -> String {
        guard result.hasResultSet else { return "OK, \(result.affectedRows) rows affected" }
        var shown = result
        if shown.rows.count > maxRows { shown.rows = Array(shown.rows.prefix(maxRows)) }
        var out = ResultRenderer.render(shown, format: .tsv)
        if !out.hasSuffix("\n") { out += "\n" }
        out += "(\(result.rows.count) row\(result.rows.count == 1 ? "" : "s")\(result.rows.count > maxRows ? ", first \(maxRows) shown" : ""))\n"
        return out
    }
}
