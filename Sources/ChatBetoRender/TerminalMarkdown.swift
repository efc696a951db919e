/// Markdown drawn for a terminal: headings bold, emphasis as italics, lists with bullets or numbers,
/// block quotes behind a bar, tables boxed and fitted, code blocks indented and never re-wrapped,
/// links followed by their URL, footnotes numbered at the end. Prose is word-wrapped at `width`.
/// Control characters in the text are escaped (`CellText`), so stored text cannot drive the terminal.
public struct TerminalMarkdown {
    public let width: Int
    public let colors: Colors

    /// A renderer for this terminal width (at least 20) and colours.
    public init(width: Int, colors: Colors) { self.width = max(20, width); self.colors = colors }

    /// `markdown` parsed (cmark-gfm) and laid out; the result ends with a newline unless empty.
    public func render(_ markdown: String) -> String {
        let lines = blocks(MarkdownParser.parse(markdown).children, width: width)
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    // MARK: blocks

    /// Blocks separated by a blank line (`tight`: none, as in a tight list item).
    func blocks(_ nodes: [MarkdownNode], width: Int, tight: Bool = false) -> [String] {
        var out: [String] = []
        for node in nodes {
            let lines = block(node, width: width)
            if lines.isEmpty { continue }
            if !out.isEmpty && !tight { out.append("") }
            out += lines
        }
        return out
    }

    func block(_ node: MarkdownNode, width: Int) -> [String] {
        switch node.kind {
        case .paragraph:
            return WordWrap(width: width, colors: colors).lines(runs(node.children))
        case .heading(let level):
            let codes = level == 1 ? ["1", "4"] : ["1"]
            return WordWrap(width: width, colors: colors).lines(runs(node.children, codes: codes))
        case .blockQuote:
            return blocks(node.children, width: width - 2).map { colors.dim("│") + " " + $0 }
        case .list(let ordered, let start, let tight):
            return list(node.children, ordered: ordered, start: start, tight: tight, width: width)
        case .codeBlock(let info):
            var lines: [String] = []
            let language = info.split(separator: " ").first.map(String.init) ?? ""
            if !language.isEmpty { lines.append("  " + colors.dim(CellText.singleLine(language))) }
            var code = node.literal
            if code.hasSuffix("\n") { code.removeLast() }
            for line in code.split(separator: "\n", omittingEmptySubsequences: false) {
                let text = CellText.multiLine(String(line)).replacingOccurrences(of: "\t", with: "    ")
                lines.append("    " + colors.yellow(text))
            }
            return lines
        case .htmlBlock:
            var html = node.literal
            if html.hasSuffix("\n") { html.removeLast() }
            return html.split(separator: "\n", omittingEmptySubsequences: false).map { colors.dim(CellText.multiLine(String($0))) }
        case .thematicBreak:
            return [colors.dim(String(repeating: "─", count: min(width, 72)))]
        case .table:
            return table(node, width: width)
        case .footnoteDefinition(let label):
            return hanging(marker: "[\(CellText.singleLine(label))] ", children: node.children, tight: true, width: width, markerCodes: ["2"])
        case .item:
            return blocks(node.children, width: width)
        case .document, .other:
            return blocks(node.children, width: width)
        default:
            // An inline at block level (does not happen with cmark-gfm): draw it as a paragraph.
            return WordWrap(width: width, colors: colors).lines(runs([node]))
        }
    }

    private func list(_ items: [MarkdownNode], ordered: Bool, start: Int, tight: Bool, width: Int) -> [String] {
        let markers = items.indices.map { i in ordered ? "\(start + i). " : "• " }
        let markerWidth = markers.map(DisplayWidth.of).max() ?? 2
        var out: [String] = []
        for (i, item) in items.enumerated() {
            var marker = DisplayWidth.pad(markers[i], to: markerWidth, alignment: ordered ? .right : .left)
            if case .item(let checked?) = item.kind { marker += checked ? "[x] " : "[ ] " }
            if !out.isEmpty && !tight { out.append("") }
            out += hanging(marker: marker, children: item.children, tight: tight, width: width, markerCodes: [])
        }
        return out
    }

    /// Blocks behind a marker on the first line and the marker's width of spaces on the others.
    private func hanging(marker: String, children: [MarkdownNode], tight: Bool, width: Int, markerCodes: [String]) -> [String] {
        let markerWidth = DisplayWidth.of(marker)
        var lines = blocks(children, width: width - markerWidth, tight: tight)
        if lines.isEmpty { lines = [""] }
        let pad = String(repeating: " ", count: markerWidth)
        return lines.enumerated().map { i, line in
            i == 0 ? colors.styled(marker, codes: markerCodes) + line : (line.isEmpty ? "" : pad + line)
        }
    }

    private func table(_ node: MarkdownNode, width: Int) -> [String] {
        guard case .table(let alignments) = node.kind else { return [] }
        let rows = node.children.map { row in row.children.map { cell in CellText.singleLine(inlinePlain(cell.children)) } }
        let headerCount = node.children.prefix { if case .tableRow(true) = $0.kind { return true } else { return false } }.count
        let headers = headerCount > 0 ? rows[0] : Array(repeating: "", count: alignments.count)
        let body = rows.dropFirst(headerCount).map { row in
            (0..<headers.count).map { i -> String? in i < row.count ? row[i] : "" }
        }
        let text = BoxTable(headers: headers, rows: Array(body), rightAligned: alignments.map { $0 == .right })
            .render(maxWidth: width, colors: colors)
        return text.split(separator: "\n").map(String.init)
    }
}
