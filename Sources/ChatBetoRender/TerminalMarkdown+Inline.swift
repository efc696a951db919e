/// The inline half of `TerminalMarkdown`: text, emphasis, code, links and footnote references as
/// styled runs for `WordWrap`.
extension TerminalMarkdown {
    /// `nodes` as runs; `codes` are the SGR codes of the enclosing styles.
    func runs(_ nodes: [MarkdownNode], codes: [String] = []) -> [WordWrap.Run] {
        nodes.flatMap { run($0, codes: codes) }
    }

    private func run(_ node: MarkdownNode, codes: [String]) -> [WordWrap.Run] {
        switch node.kind {
        case .text: return [WordWrap.Run(CellText.singleLine(node.literal), codes: codes)]
        case .softBreak: return [WordWrap.Run(" ", codes: codes)]
        case .lineBreak: return [WordWrap.Run("", isBreak: true)]
        case .code: return [WordWrap.Run(CellText.singleLine(node.literal), codes: codes + ["36"])]
        case .htmlInline: return [WordWrap.Run(CellText.singleLine(node.literal), codes: codes + ["2"])]
        case .emphasis: return runs(node.children, codes: codes + ["3"])
        case .strong: return runs(node.children, codes: codes + ["1"])
        case .strikethrough: return runs(node.children, codes: codes + ["9"])
        case .link(let url, _):
            let label = runs(node.children, codes: codes + ["4"])
            let text = node.plainText
            if url.isEmpty || text == url || "mailto:" + text == url { return label }
            return label + [WordWrap.Run(" (" + CellText.singleLine(url) + ")", codes: codes + ["2"])]
        case .image(let url, _):
            let alt = node.plainText
            return [WordWrap.Run("[image: " + CellText.singleLine(alt.isEmpty ? url : alt) + "]", codes: codes + ["2"])]
        case .footnoteReference(let label):
            return [WordWrap.Run("[" + CellText.singleLine(label) + "]", codes: codes + ["36"])]
        default:
            return runs(node.children, codes: codes)
        }
    }

    /// Inline content as plain text for a table cell: links keep their text, code its literal.
    func inlinePlain(_ nodes: [MarkdownNode]) -> String {
        nodes.map { node -> String in
            switch node.kind {
            case .footnoteReference(let label): return "[\(label)]"
            case .image: return "[image: \(node.plainText)]"
            case .lineBreak, .softBreak: return " "
            case .text, .code, .htmlInline: return node.literal
            default: return inlinePlain(node.children)
            }
        }.joined()
    }
}
