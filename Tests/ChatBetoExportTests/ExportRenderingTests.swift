@testable import ChatBetoExport
@testable import ChatBetoStore
import Testing

/// Markdown and HTML exports render message Markdown and turn citation markers into footnotes.
@Suite struct ExportRenderingTests {
    static let cite = "\u{E200}cite\u{E202}turn0search0\u{E201}"

    func conversation() -> ExportedConversation {
        let raw = #"{"metadata":{"content_references":[{"matched_text":"\#(Self.cite)","start_idx":12,"end_idx":29,"type":"grouped_webpages","items":[{"title":"Olympics","url":"https://example.org/o"}]}]}}"#
        let names = ["node_id", "role", "text", "on_visible_path", "visible_index", "raw"]
        let message = StoredMessage(Record(columns: names.map { Column(name: $0, kind: .text) },
                                           values: [.text("a1"), .text("assistant"),
                                                    .text("**Milan** it. \(Self.cite)\n\n<script>alert(1)</script>\n\n| a | b |\n|---|---|\n| 1 | 2 |"),
                                                    .int(1), .int(0), .text(raw)]))
        let summary = ConversationSummary(Record(columns: [Column(name: "id", kind: .text), Column(name: "title", kind: .text)],
                                                 values: [.text("c1"), .text("Venues")]))
        return ExportedConversation(summary: summary, project: nil, gizmoID: nil, defaultModel: nil, isArchived: false,
                                    extra: nil, nodes: [message])
    }

    @Test func htmlRendersMarkdownSafelyWithFootnotes() {
        let html = HTMLExport.render(conversation(), allBranches: false)
        #expect(html.contains("<strong>Milan</strong>"))
        #expect(html.contains("<table>"))
        #expect(html.contains("href=\"https://example.org/o\""))
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("\u{E200}"))
    }

    @Test func markdownKeepsTheTextAndAddsFootnoteDefinitions() {
        let md = MarkdownExport.render(conversation(), allBranches: false)
        #expect(md.contains("**Milan** it. [^1]"))
        #expect(md.contains("[^1]: [Olympics](https://example.org/o)"))
        #expect(!md.contains("\u{E200}"))
    }
}
