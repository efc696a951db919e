import ChatBetoStore
import ChatBetoRender

/// Search hits as people read them (numbered, with a highlighted snippet) and as rows for other formats.
public struct SearchListing {
    public let hits: [SearchHit]
    public let words: [String]
    public let colors: Colors

    /// A listing of hits with the query words highlighted.
    public init(hits: [SearchHit], words: [String], colors: Colors) {
        self.hits = hits; self.words = words; self.colors = colors
    }

    /// Two lines per hit: `3. Title · project · 2024-05-01 · assistant`, then the snippet, indented, with
    /// citation markers as `[1]`.
    /// Matches are bold when colours are on, else wrapped in `**`.
    public func text(width: Int) -> String {
        let number = String(hits.count).count
        var out = ""
        for (i, hit) in hits.enumerated() {
            let label = DisplayWidth.pad(String(i + 1), to: number, alignment: .right) + ". "
            let meta = [hit.project.map(CellText.singleLine), hit.date.map { String($0.prefix(10)) }, hit.nodeID == nil ? "title" : hit.role]
                .compactMap { $0 }.joined(separator: " · ")
            let title = CellText.singleLine(hit.title?.isEmpty == false ? hit.title! : "(untitled)")
            out += label + colors.bold(DisplayWidth.truncate(title, to: max(10, width - number - 2 - DisplayWidth.of(meta) - 3)))
                + colors.dim(" · " + meta) + "\n"
            let snippet = Snippet.make(CellText.multiLine(Citations.inlineNumbers(hit.text)), words: words, width: max(20, width - number - 2)) {
                colors.isEnabled ? colors.yellow(colors.bold($0)) : "**\($0)**"
            }
            out += String(repeating: " ", count: number + 2) + snippet + "\n"
        }
        return out
    }

    /// `#, conversation, title, project, date, role, node_id, score, snippet` (plain snippet).
    public var rows: ResultSet {
        ResultSet(columns: [Column(name: "#", kind: .integer), Column(name: "conversation_id", kind: .text),
                            Column(name: "title", kind: .text), Column(name: "project", kind: .text),
                            Column(name: "date", kind: .temporal), Column(name: "role", kind: .text),
                            Column(name: "node_id", kind: .text), Column(name: "score", kind: .real),
                            Column(name: "snippet", kind: .text)],
                  rows: hits.enumerated().map { i, h in
                      [.int(Int64(i + 1)), .text(h.conversationID), .optional(h.title), .optional(h.project),
                       h.date.map { .temporal($0) } ?? .null, .optional(h.nodeID == nil ? "title" : h.role),
                       .optional(h.nodeID), .double(h.score), .text(Snippet.make(Citations.inlineNumbers(h.text), words: words))]
                  })
    }
}
