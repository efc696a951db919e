/// One node of parsed GitHub-flavoured Markdown (`MarkdownParser.parse`): a block or an inline, with
/// its text (`literal`, for text, code and HTML) and its children in order. No C types: the terminal
/// renderer and tests walk these values.
public struct MarkdownNode: Sendable, Equatable {
    /// A table column's alignment (`:--`, `:-:`, `--:`), `none` when unmarked.
    public enum ColumnAlignment: Sendable, Equatable { case none, left, center, right }

    /// What the node is, with the attributes its kind carries.
    public enum Kind: Sendable, Equatable {
        case document, blockQuote, paragraph, thematicBreak, htmlBlock
        case list(ordered: Bool, start: Int, tight: Bool)
        /// A list item; `checked` is nil for an ordinary item, true/false for a task (`- [x]`).
        case item(checked: Bool?)
        case codeBlock(info: String)
        case heading(level: Int)
        case table(alignments: [ColumnAlignment])
        case tableRow(isHeader: Bool)
        case tableCell
        case footnoteDefinition(label: String)
        case text, softBreak, lineBreak, code, htmlInline, emphasis, strong, strikethrough
        case link(url: String, title: String)
        case image(url: String, title: String)
        case footnoteReference(label: String)
        /// A node type this renderer does not know (a future extension): its children are shown.
        case other(String)
    }

    public var kind: Kind
    public var literal: String
    public var children: [MarkdownNode]

    /// A node of the parsed Markdown tree.
    public init(kind: Kind, literal: String = "", children: [MarkdownNode] = []) {
        self.kind = kind; self.literal = literal; self.children = children
    }

    /// The plain text of this node and its descendants (code and text literals, breaks as spaces).
    public var plainText: String {
        switch kind {
        case .text, .code, .htmlInline: return literal
        case .softBreak, .lineBreak: return " "
        default: return children.map(\.plainText).joined()
        }
    }
}
