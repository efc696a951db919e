internal import CMarkGFM
import Foundation

/// GitHub-flavoured Markdown through cmark-gfm: the one file that touches its C types. `parse` gives
/// a `MarkdownNode` tree (for the terminal), `html` cmark-gfm's own HTML rendering. Both use the
/// table, strikethrough, autolink, tagfilter and tasklist extensions and footnotes; `html` is safe:
/// raw HTML in the text is omitted and `javascript:` style links are dropped.
public enum MarkdownParser {
    private static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// `text` parsed as GitHub-flavoured Markdown.
    public static func parse(_ text: String) -> MarkdownNode {
        var document = withDocument(text) { root, _ in node(root) }
        // Definitions come last, in order of first reference, but without their label: give it back.
        var labels: [String] = []
        func collect(_ n: MarkdownNode) {
            if case .footnoteReference(let label) = n.kind, !labels.contains(label) { labels.append(label) }
            n.children.forEach(collect)
        }
        collect(document)
        var next = 0
        for i in document.children.indices {
            guard case .footnoteDefinition = document.children[i].kind else { continue }
            document.children[i].kind = .footnoteDefinition(label: next < labels.count ? labels[next] : String(next + 1))
            next += 1
        }
        return document
    }

    /// `text` as an HTML fragment (no `<html>` wrapper), raw HTML omitted.
    public static func html(_ text: String) -> String {
        withDocument(text) { root, extensions in
            guard let rendered = cmark_render_html(root, chatbeto_cmark_options(), extensions) else { return "" }
            defer { chatbeto_cmark_free(rendered) }
            return String(cString: rendered)
        }
    }

    private static func withDocument<T>(_ text: String, _ body: (OpaquePointer, UnsafeMutablePointer<cmark_llist>?) -> T) -> T {
        _ = registered
        let parser = cmark_parser_new(chatbeto_cmark_options())!
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) { _ = cmark_parser_attach_syntax_extension(parser, ext) }
        }
        text.utf8CString.withUnsafeBufferPointer { buffer in
            // The buffer ends with NUL, which is not part of the text.
            if buffer.count > 1 { cmark_parser_feed(parser, buffer.baseAddress!, buffer.count - 1) }
        }
        let root = cmark_parser_finish(parser)!
        defer { cmark_node_free(root) }
        return body(root, cmark_parser_get_syntax_extensions(parser))
    }

    private static func string(_ p: UnsafePointer<CChar>?) -> String { p.map { String(cString: $0) } ?? "" }

    private static func node(_ n: OpaquePointer) -> MarkdownNode {
        var children: [MarkdownNode] = []
        var child = cmark_node_first_child(n)
        while let c = child {
            children.append(node(c))
            child = cmark_node_next(c)
        }
        let literal = string(cmark_node_get_literal(n))
        return MarkdownNode(kind: kind(n, type: string(cmark_node_get_type_string(n))), literal: literal, children: children)
    }

    private static func kind(_ n: OpaquePointer, type: String) -> MarkdownNode.Kind {
        // cmark-gfm 0.29 names footnote nodes "<unknown>"; their types are reliable.
        switch cmark_node_get_type(n) {
        case CMARK_NODE_FOOTNOTE_REFERENCE: return .footnoteReference(label: string(cmark_node_get_literal(n)))
        case CMARK_NODE_FOOTNOTE_DEFINITION: return .footnoteDefinition(label: string(cmark_node_get_literal(n)))
        default: break
        }
        switch type {
        case "document": return .document
        case "block_quote": return .blockQuote
        case "list":
            return .list(ordered: cmark_node_get_list_type(n) == CMARK_ORDERED_LIST, start: Int(cmark_node_get_list_start(n)),
                         tight: cmark_node_get_list_tight(n) != 0)
        case "item": return .item(checked: nil)
        case "tasklist": return .item(checked: cmark_gfm_extensions_get_tasklist_item_checked(n))
        case "code_block": return .codeBlock(info: string(cmark_node_get_fence_info(n)))
        case "html_block": return .htmlBlock
        case "paragraph": return .paragraph
        case "heading": return .heading(level: Int(cmark_node_get_heading_level(n)))
        case "thematic_break": return .thematicBreak
        case "table":
            let count = Int(cmark_gfm_extensions_get_table_columns(n))
            guard let raw = cmark_gfm_extensions_get_table_alignments(n) else {
                return .table(alignments: Array(repeating: .none, count: count))
            }
            return .table(alignments: (0..<count).map { i in
                switch raw[i] {
                case UInt8(ascii: "l"): return .left
                case UInt8(ascii: "c"): return .center
                case UInt8(ascii: "r"): return .right
                default: return .none
                }
            })
        case "table_header": return .tableRow(isHeader: true)
        case "table_row": return .tableRow(isHeader: false)
        case "table_cell": return .tableCell
        case "text": return .text
        case "softbreak": return .softBreak
        case "linebreak": return .lineBreak
        case "code": return .code
        case "html_inline": return .htmlInline
        case "emph": return .emphasis
        case "strong": return .strong
        case "strikethrough": return .strikethrough
        case "link": return .link(url: string(cmark_node_get_url(n)), title: string(cmark_node_get_title(n)))
        case "image": return .image(url: string(cmark_node_get_url(n)), title: string(cmark_node_get_title(n)))
        default: return .other(type)
        }
    }
}
