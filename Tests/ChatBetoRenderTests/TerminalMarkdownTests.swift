@testable import ChatBetoRender
import Testing

extension Render {
    @Suite struct TerminalMarkdownTests {
        func render(_ md: String, width: Int = 40) -> String { TerminalMarkdown(width: width, colors: .none).render(md) }

        @Test func proseWrapsAtWordsWithinTheWidth() {
            let text = String(repeating: "understanding conversations ", count: 10)
            let out = render(text, width: 30)
            for line in out.split(separator: "\n") {
                #expect(DisplayWidth.of(String(line)) <= 30)
                #expect(line.split(separator: " ").allSatisfy { $0 == "understanding" || $0 == "conversations" })
            }
        }

        @Test func headingsListsQuotesAndLinksLoseTheirMarkup() {
            let out = render("# Title\n\nSome *emphasis* and **bold**.\n\n- one\n- two\n\n1. first\n2. second\n\n> quoted\n\n[site](https://example.org)")
            #expect(out == """
                Title

                Some emphasis and bold.

                • one
                • two

                1. first
                2. second

                │ quoted

                site (https://example.org)

                """)
        }

        @Test func codeBlocksAreIndentedAndNeverRewrapped() {
            let long = "let x = " + String(repeating: "a", count: 60) + " // comment stays on its line"
            let out = render("```swift\n\(long)\n```", width: 30)
            #expect(out == "  swift\n    \(long)\n")
        }

        @Test func tablesAreBoxedAndFitTheWidth() {
            let out = render("| name | note |\n|---|--:|\n| a | " + String(repeating: "long ", count: 20) + "|", width: 30)
            let lines = out.split(separator: "\n")
            #expect(lines.count == 5)
            #expect(lines.allSatisfy { DisplayWidth.of(String($0)) <= 30 })
            #expect(out.contains("…"))
        }

        @Test func footnotesAreNumberedAtTheEnd() {
            let out = render("Seoul is mild[^1].\n\n[^1]: [Weather](https://example.org/w)")
            #expect(out == "Seoul is mild[1].\n\n[1] Weather (https://example.org/w)\n")
        }

        @Test func controlCharactersInTextAreEscaped() {
            #expect(render("red \u{1B}[31m text") == "red \\x1B[31m text\n")
        }

        @Test func htmlRendererOmitsRawHTML() {
            let html = MarkdownParser.html("**b** <script>alert(1)</script>\n\n<img src=x onerror=alert(1)>")
            #expect(html.contains("<strong>b</strong>"))
            #expect(!html.contains("<script"))
            #expect(!html.contains("<img"))
        }
    }

    @Suite struct BoxTableTests {
        @Test func fitGivesWayFromTheWidestColumns() {
            #expect(BoxTable.fit([4, 50, 10], into: 40) == [4, 26, 10])
            #expect(BoxTable.fit([4, 5], into: 40) == [4, 5])
            // Numbers and times stay whole while the text columns can give way.
            #expect(BoxTable.fit([2, 40, 19, 36], into: 61, keepWhole: [true, false, true, false]) == [2, 20, 19, 20])
        }
    }

    @Suite struct CitationsTests {
        @Test func privateUseMarkersBecomeFootnotes() {
            let text = "Milan shares them. \u{E200}cite\u{E202}turn0search0\u{E201} Done."
            let json = #"{"metadata":{"content_references":[{"matched_text":"\#u{E200}cite\#u{E202}turn0search0\#u{E201}","start_idx":19,"end_idx":36,"type":"grouped_webpages","items":[{"title":"Olympics","url":"https://example.org/o"}]}]}}"#
            let c = Citations.resolve(text, messageJSON: json)
            #expect(c.text == "Milan shares them. [^1] Done.")
            #expect(c.sources == [.init(number: 1, title: "Olympics", url: "https://example.org/o")])
            #expect(c.markdown.hasSuffix("[^1]: [Olympics](https://example.org/o)\n"))
        }

        @Test func tetherMarkersAndSpansResolveOrVanish() {
            let text = "Mild\u{E203} weather\u{E204}【7†source】【8†source】 and \u{E200}cite\u{E202}turn9search9\u{E201}."
            let json = #"{"metadata":{"content_references":[{"matched_text":"【7†source】","start_idx":14,"end_idx":24,"type":"webpage_extended","title":"A","url":"https://a"},{"matched_text":"【8†source】","start_idx":24,"end_idx":34,"type":"webpage_extended","title":"B","url":"https://b"}]}}"#
            let c = Citations.resolve(text, messageJSON: json)
            #expect(c.text == "Mild weather[^1][^2] and .")
            #expect(c.sources.map(\.url) == ["https://a", "https://b"])
        }

        @Test func snippetsNumberMarkersWithoutMetadata() {
            #expect(Citations.inlineNumbers("a \u{E200}cite\u{E202}turn0search3\u{E201} b【7†source】 \u{E200}navlist\u{E202}News\u{E202}turn0news1\u{E201}") == "a [1] b[2] ")
        }
    }
}
