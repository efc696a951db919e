@testable import ChatBetoImport
import Foundation
import Testing

/// Takeout's activity page cut into records while it streams, at any chunk size.
@Suite struct ActivityCellSplitterTests {
    private func split(_ text: String, chunk: Int, limit: Int = ImportLimits.maxConversationBytes) throws -> [String] {
        var splitter = ActivityCellSplitter()
        splitter.maxValueBytes = limit
        return try pieces(of: text, through: &splitter, chunk: chunk) { piece in
            switch piece {
            case .element(let d, let offset): return "\(offset):" + String(decoding: d, as: UTF8.self)
            case .document(let d): return "document " + String(decoding: d, as: UTF8.self)
            case .oversized(let offset, let bytes): return "oversized \(offset) \(bytes)"
            }
        }
    }

    private static func cell(_ body: String) -> String {
        #"<div class="outer-cell x"><div class="header-cell">Gemini Apps</div><div class="content-cell">"# + body + "</div></div>"
    }

    private static let head = #"<html><head><style>p > b { color: red }</style></head><body><div class="mdl-grid">"#

    @Test func cutsEachRecordAtTheEndOfItsDivAtAnyChunkSize() throws {
        let one = Self.cell("Prompted a &lt;div&gt; b<br>Jul 26, 2026, 8:07:57 AM CEST<br><p title=\"x > y\">answer</p>")
        let two = Self.cell("Prompted two")
        let page = Self.head + one + "\n" + two + "</div></body></html>"
        let first = Self.head.utf8.count + #"<div class="outer-cell"#.utf8.count
        let second = first + one.utf8.count - #"<div class="outer-cell"#.utf8.count + 1 + #"<div class="outer-cell"#.utf8.count
        let expected = ["\(first):" + one.dropFirst(#"<div class="outer-cell"#.count), "\(second):" + two.dropFirst(#"<div class="outer-cell"#.count)]
        for chunk in [1, 2, 3, 5, 17, 100_000] {
            #expect(try split(page, chunk: chunk) == expected, "chunk \(chunk)")
        }
    }

    @Test func aRecordWhoseDivsDoNotBalanceEndsAtTheNextRecord() throws {
        let page = Self.head + #"<div class="outer-cell"><div>one"# + #"<div class="outer-cell">two</div></div></body></html>"#
        for chunk in [1, 4, 1000] {
            #expect(try split(page, chunk: chunk).map { String($0.drop { $0 != ":" }.dropFirst()) } == ["\"><div>one<div ", "\">two</div>"])
        }
    }

    @Test func aRecordOverTheLimitIsSkippedWithoutBeingHeld() throws {
        let big = Self.cell(String(repeating: "x", count: 200))
        let page = Self.head + Self.cell("small") + big + Self.cell("after") + "</body></html>"
        for chunk in [1, 7, 64, 100_000] {
            let pieces = try split(page, chunk: chunk, limit: 150)
            #expect(pieces.count == 3 && pieces[1].hasPrefix("oversized ") && pieces[2].hasSuffix("after</div></div>"), "chunk \(chunk): \(pieces)")
        }
    }

    @Test func aPageThatEndsInsideARecordNamesItsNumberAndStart() throws {
        let page = Self.head + Self.cell("one") + Self.cell("Prompted two<br>Jul")
        let cut = String(page.dropLast(12))
        for chunk in [1, 9, 100_000] {
            do {
                _ = try split(cut, chunk: chunk)
                Issue.record("no failure")
            } catch let f as ConversationSplitter.Failure {
                #expect(f.openElement?.number == 2 && f.reason.contains("activity record 2"))
                #expect(GeminiHTML.label(f.openElement?.head ?? Data()) == "Prompted two")
            }
        }
    }

    @Test func aPageThatEndsBetweenRecordsWithoutItsEndIsCutShort() throws {
        let page = Self.head + Self.cell("one") + Self.cell("two")
        #expect(throws: ConversationSplitter.Failure.self) { try split(page, chunk: 10) }
        do { _ = try split(page, chunk: 10) } catch let f as ConversationSplitter.Failure {
            #expect(f.openElement == nil && f.reason.contains("after activity record 2") && f.reason.contains("</html>"))
        }
        #expect(try split(page + "</div></body></HTML>\n", chunk: 10).count == 2)
    }

    @Test func aPageWithoutRecordsYieldsNothing() throws {
        #expect(try split("<html><body><p>nothing here</p></body></html>", chunk: 3).isEmpty)
    }
}
