@testable import ChatBetoImport
import Foundation
import Testing

@Suite struct ImportSplitterTests {
    private func split(_ text: String, chunk: Int, limit: Int = ImportLimits.maxConversationBytes, member: String? = nil) throws -> [String] {
        var splitter = ConversationSplitter()
        splitter.memberArray = member
        splitter.maxValueBytes = limit
        return try pieces(of: text, through: &splitter, chunk: chunk) { piece in
            switch piece {
            case .element(let d, _), .document(let d): return String(decoding: d, as: UTF8.self)
            case .oversized(let offset, let bytes): return "oversized \(offset) \(bytes)"
            }
        }
    }

    @Test func splitsTopLevelArrayAtAnyChunkSize() throws {
        let text = #" [ {"a": "x]}\"{", "b": [1, {"c": null}]} ,{"d":"\\"}, {}] "#
        for chunk in [1, 2, 3, 7, 1000] {
            #expect(try split(text, chunk: chunk) == [#"{"a": "x]}\"{", "b": [1, {"c": null}]}"#, #"{"d":"\\"}"#, "{}"])
        }
    }

    @Test func elementOverTheLimitIsSkippedWithoutBeingHeld() throws {
        let text = #"[{"a": 1}, {"big": "0123456789012345678901234567890123456789"}, {"b": 2}]"#
        for chunk in [1, 7, 100] {
            #expect(try split(text, chunk: chunk, limit: 20) == [#"{"a": 1}"#, "oversized 11 51", #"{"b": 2}"#])
        }
    }

    @Test func reportsElementOffsets() throws {
        var splitter = ConversationSplitter()
        var offsets: [Int] = []
        try Array(#"[{"a":1}, {"b":2}]"#.utf8).withUnsafeBytes { buffer in
            try splitter.feed(buffer) { if case .element(_, let offset) = $0 { offsets.append(offset) } }
        }
        #expect(offsets == [1, 10])
    }

    @Test func topLevelObjectIsOneDocument() throws {
        #expect(try split(#"{"mapping": {"x": {}}}"#, chunk: 4) == [#"{"mapping": {"x": {}}}"#])
    }

    @Test func truncatedFileFailsAtItsEnd() {
        let text = #"[{"a": 1}, {"b": "unterminated"#
        #expect(throws: ConversationSplitter.Failure.self) { try split(text, chunk: 5) }
        do { _ = try split(text, chunk: 5) } catch let f as ConversationSplitter.Failure {
            #expect(f.offset == text.utf8.count)
            #expect(f.reason.contains("truncated"))
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func rejectsNonObjectElementsAndGarbage() {
        for bad in [#"[1, {"a": 1}]"#, #"["x"]"#, #"[{"a":1} {"b":2}]"#, "hello", #"[{"a":1}] x"#, ""] {
            #expect(throws: ConversationSplitter.Failure.self, "\(bad)") { try split(bad, chunk: 3) }
        }
    }

    @Test func emptyArrayHasNoConversations() throws {
        #expect(try split(" [ ] ", chunk: 1).isEmpty)
    }

    @Test func memberArrayOfATopLevelObjectIsSplitAndOtherMembersSkipped() throws {
        let text = #"{"projects": [{"x": "]}"}], "n": -1.5e3, "s": "a\"}", "conversations": [{"a": 1}, {"b": {"c": []}}], "t": true, "media_posts": [{"p": "}"}]}"#
        for chunk in [1, 2, 5, 1000] {
            #expect(try split(text, chunk: chunk, member: "conversations") == [#"{"a": 1}"#, #"{"b": {"c": []}}"#])
        }
    }

    @Test func aTopLevelObjectWithoutTheMemberArrayFails() {
        for bad in [#"{"projects": []}"#, #"{"conversations": null}"#, "{}"] {
            #expect(throws: ConversationSplitter.Failure.self, "\(bad)") { try split(bad, chunk: 3, member: "conversations") }
        }
    }

    @Test func aFileEndingInsideAnElementNamesIt() {
        let text = #"{"conversations": [{"id": "one"}, {"id": "two", "more": "#
        do { _ = try split(text, chunk: 4, member: "conversations"); Issue.record("must fail") } catch let f as ConversationSplitter.Failure {
            #expect(f.openElement?.number == 2 && f.openElement?.offset == 34)
            #expect(SplitFileReader.id(in: f.openElement?.head ?? Data()) == "two")
        } catch { Issue.record("unexpected \(error)") }
    }
}
