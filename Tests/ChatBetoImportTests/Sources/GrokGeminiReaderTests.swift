@testable import ChatBetoImport
import Foundation
import Testing

/// The Grok and Gemini readers on the shared samples (samples/2026/SOURCES.md).
@Suite struct GrokGeminiReaderTests {
    private func grok(_ path: String) throws -> [ConversationRecord] {
        let top = try #require(try SampleRecords.json(path) as? [String: Any])
        #expect(GrokConversation.recognises(top))
        return try (top["conversations"] as? [Any] ?? []).compactMap { $0 as? [String: Any] }.map {
            try GrokConversation.read($0).record(contentHash: "test", limits: ImportLimits())
        }
    }

    @Test func realGrokExportIsOneTenMessageThread() throws {
        let c = try #require(try grok("2026/yetanotherchris__openwebui-importer__grok_example.json").first)
        #expect(c.provider == "grok" && c.id == "9592deb7-27bc-4359-abb5-0967736999e9")
        #expect(c.title == "Photosynthesis Simplified: Process and Importance")
        #expect(c.visible.count == 10 && c.branches == 0)
        #expect(c.visible.first?.text == "Can you explain how photosynthesis works in simple terms?")
        #expect(c.visible.map(\.role) == Array(repeating: ["user", "assistant"], count: 5).flatMap { $0 })
        #expect(c.visible.first?.createTime == "2025-06-21 19:28:21.194663")
        #expect(c.visible[1].modelSlug == "grok-3")
        #expect(c.createTime == "2025-06-21 19:28:21.177720")
    }

    @Test func grok2026ShapeHasDateObjectsAndAnErrorBranch() throws {
        let c = try #require(try grok("2026/handmade-grok-export/ttl/30d/export_data/00000000-0000-4000-8000-0000000000aa/prod-grok-backend.json").first)
        #expect(c.id == "0f6b0000-0000-4000-8000-00000000a001")
        #expect(c.visible.map(\.nodeID) == ["r1", "r2", "r3"])
        #expect(c.branches == 1)
        let failed = try #require(c.messages.first { $0.nodeID == "r2b" })
        #expect(failed.isIncomplete && failed.status == "Failed to respond.")
        #expect(c.visible[0].createTime == "2026-02-10 09:00:00.000000")
        #expect(c.visible[2].createTime == "2026-02-10 09:02:00.000000")
    }

    @Test func geminiJSONGroupsByConversationIDElsePerPrompt() throws {
        let records = try #require(try SampleRecords.json("2026/handmade-gemini-takeout/Takeout/My Activity/Gemini Apps/MyActivity.json") as? [Any])
        #expect(GeminiActivity.recognises(records))
        let result = GeminiActivity.read(records: records)
        #expect(result.conversations.count == 3)
        #expect(result.ignoredRecords == 2)
        #expect(result.grouping.contains("grouped by conversation id"))
        let converted = try result.conversations.map { try $0.conversation.record(contentHash: $0.hash, limits: ImportLimits()) }
        let grouped = try #require(converted.first { $0.id == "gemini-0123456789abcdef" })
        #expect(grouped.provider == "gemini")
        #expect(grouped.visible.map(\.text) == ["what rhymes with orange",
                                                "Almost nothing rhymes perfectly with orange; door hinge is a near rhyme.",
                                                "and with lemon?", "Melon and felon."])
        #expect(grouped.branches == 1)  // the second draft of the lemon answer
        let image = try #require(converted.first { $0.visible.first?.text == "[image]" })
        #expect(image.assets.map(\.pointer) == ["image-handmade-0001.png"])
        let hello = try #require(converted.first { $0.visible.first?.text == "こんにちは" })
        #expect(hello.visible.count == 1)
        // Ids are derived from time and prompt: a second read gives the same ones.
        #expect(GeminiActivity.read(records: records).conversations.map(\.conversation.id) == result.conversations.map(\.conversation.id))
    }

    @Test func geminiIDsLongerThanWhatIsStoredStayDistinct() throws {
        let shared = String(repeating: "a1b2", count: 18)  // 72 characters: "gemini-" and it pass 64 bytes
        let records: [Any] = ["x", "y", "ü"].enumerated().map { i, tail in
            ["header": "Gemini Apps", "title": "Prompted question \(i)", "time": "2026-07-26T06:0\(i):00.000Z",
             "products": ["Gemini Apps"], "details": [["url": "https://gemini.google.com/app/\(shared)\(tail)"]],
             "safeHtmlItem": [["html": "<p>answer \(i)</p>"]]] as [String: Any]
        }
        let result = GeminiActivity.read(records: records)
        let converted = try result.conversations.map { try $0.conversation.record(contentHash: $0.hash, limits: ImportLimits()) }
        #expect(converted.count == 3)
        #expect(Set(converted.map(\.id)).count == 3, "\(converted.map(\.id))")
        #expect(converted.allSatisfy { $0.id.utf8.count <= 64 && $0.id.hasPrefix("gemini-a1b2") })
        // The same ids on every read (re-imports find them).
        #expect(GeminiActivity.read(records: records).conversations.map(\.conversation.id) == result.conversations.map(\.conversation.id))
        #expect(StoredID.fitting("gemini-short") == "gemini-short")
    }

    @Test func geminiHTMLMapsLocalTimesAndSkipsOtherRecords() throws {
        let html = try String(contentsOf: SampleRecords.root.appendingPathComponent("2026/handmade-gemini-takeout/Takeout/My Activity/Gemini Apps/MyActivity.html"), encoding: .utf8)
        #expect(GeminiHTML.recognises(html))
        let result = try GeminiHTML.read(html: html)
        #expect(result.conversations.count == 1 && result.ignoredRecords == 1)
        let c = try result.conversations[0].conversation.record(contentHash: "t", limits: ImportLimits())
        #expect(c.visible.map(\.text) == ["what rhymes with orange", "Almost nothing rhymes perfectly with orange; door hinge is a near rhyme."])
        #expect(c.createTime == "2026-07-26 06:07:57.000000")
        #expect(GeminiHTML.localTime("Jan 2, 2025, 3:04:05\u{202F}PM EDT") == "2025-01-02 19:04:05.000000")
        #expect(GeminiHTML.localTime("Jan 2, 2025, 3:04:05 PM IST") == nil)
    }
}
