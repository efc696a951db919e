@testable import ChatBetoImport
import Foundation
import Testing

/// The Claude reader on the shared samples: exactly the visible threads, branch counts and problems
/// samples/claude/SOURCES.md states.
@Suite struct ClaudeReaderTests {
    @Test func handmadeTreeRetryAndEditGiveTheCurrentBranch() throws {
        let records = try SampleRecords.claude("claude/handmade-2026-conversations.json")
        #expect(records.count == 5)
        #expect(records.reduce(0) { $0 + $1.messages.filter { !$0.isHidden }.count } == 22)
        let a = try #require(records.first { $0.id.hasSuffix("00a1") })
        #expect(a.provider == "claude")
        #expect(a.title == "Lisbon weekend ☕ plan")
        #expect(a.visibleTails() == ["a0001", "a0002", "a0003", "a0005", "a0007", "a0008"])
        #expect(a.branches == 2)
        #expect(a.visible.last?.text == "Buy a 24-hour transit pass\n\nand walk the hills.")
        #expect(a.visible.map(\.role) == ["user", "assistant", "user", "assistant", "user", "assistant"])
        // Thinking, tool traffic and the injected prompt are hidden nodes, none of it in the visible text.
        let hidden = a.messages.filter(\.isHidden).compactMap(\.contentType)
        #expect(hidden.contains("thoughts") && hidden.contains("tool_use") && hidden.contains("tool_result") && hidden.contains("injected_prompt"))
        let shown = a.visible.compactMap(\.text).joined(separator: "\n")
        for block in a.messages.filter(\.isHidden) { if let t = block.text, t.count > 12 { #expect(!shown.contains(t)) } }
        #expect(a.currentNode == a.visible.last?.nodeID)
        // a0003's attachment: extracted text kept beside it (hidden), its file named as an asset.
        #expect(a.messages.contains { $0.contentType == "attachment" && $0.nodeID.hasPrefix("01990000-0000-7000-8000-0000000a0003#") })
        #expect(a.assets.contains { $0.nodeID.hasSuffix("a0003") })
    }

    @Test func handmadeEmptyFlatAndDefensiveConversations() throws {
        let records = try SampleRecords.claude("claude/handmade-2026-conversations.json")
        let b = try #require(records.first { $0.id.hasSuffix("00b2") })
        #expect(b.title == "" && b.messages.isEmpty && b.currentNode == nil)
        let c = try #require(records.first { $0.id.hasSuffix("00c3") })
        #expect(c.title == nil)
        #expect(c.visible.count == 3 && c.visible.allSatisfy { ($0.text ?? "").isEmpty })
        let d = try #require(records.first { $0.id.hasSuffix("00d4") })
        #expect(d.visibleTails(4) == ["0001", "0002", "0004", "0006", "0005", "0007"])
        #expect(d.branches == 1)
        let e = try #require(records.first { $0.id.hasSuffix("00e5") })
        #expect(e.visibleTails() == ["e0003", "e0004"])
        #expect(e.branches == 2)
        #expect(e.repairs.contains { $0.problem.contains("JSON string") })
        #expect(e.repairs.contains { $0.problem.contains("not in the conversation") })
        #expect(e.messages.contains { $0.contentType == "voice_note" && !$0.isHidden })
    }

    @Test func realOctober2024ExportIsFlatAndSortedByTime() throws {
        let records = try SampleRecords.claude("claude/simonw__claude-to-sqlite__artifacts.json")
        let c = try #require(records.first)
        #expect(c.id == "91098bc8-f2c4-427b-b71b-1e25efa2e871" && c.title == "LLM Pricing Calculator")
        #expect(c.visible.count == 20 && c.branches == 0)
        #expect(c.visible.first?.nodeID == "287b1868-17d4-4660-9089-b3eb4ddecb1b")
        #expect(c.visible[6].nodeID.hasPrefix("083850f6-"))
        #expect(c.visible.map(\.role) == Array(repeating: ["user", "assistant"], count: 10).flatMap { $0 })
        #expect(c.visible.compactMap(\.text).joined().components(separatedBy: "<antArtifact").count - 1 == 10)
        #expect(c.assets.filter { $0.nodeID.hasPrefix("083850f6-") }.count == 5)
    }

    @Test func realJune2025ExportCounts() throws {
        let records = try SampleRecords.claude("claude/yetanotherchris__openwebui-importer__claude_example.json")
        #expect(records.count == 85)
        #expect(records.reduce(0) { $0 + $1.messages.filter { !$0.isHidden }.count } == 557)
        #expect(records.reduce(0) { $0 + $1.visible.count } == 550)
        #expect(records.reduce(0) { $0 + $1.branches } == 7)
        #expect(records.filter { $0.messages.isEmpty }.count == 2)
        let p = try #require(records.first { $0.id == "76a904ac-7838-4a01-9e91-020411c40566" })
        #expect(p.visible.first?.text == "Can you explain how photosynthesis works in simple terms?")
        #expect(p.messages.count == 10)
    }

    @Test func editedFirstPromptHasTwoFirstTurns() throws {
        let records = try SampleRecords.claude("claude/AlanTuring01__claude-export-reader__sample-conversations.json")
        #expect(records.count == 2)
        let edited = try #require(records.first { $0.id.hasPrefix("44444444") })
        #expect(edited.visibleTails(4) == ["bbb3", "bbb4"] && edited.branches == 2)
        let tools = try #require(records.first { $0.id.hasPrefix("11111111") })
        #expect(tools.visible.count == 2)
        #expect(tools.visible.last?.text?.hasPrefix("## 常见排序算法对比") == true)
        #expect(tools.messages.filter { $0.contentType == "tool_use" }.count == 3)
    }

    @Test func blocksWinOverTheLossyTextField() throws {
        let c = try #require(try SampleRecords.claude("claude/mirableio__chat-history__claude_2026_sample.json").first)
        #expect(c.visible.map(\.text) == ["Find docs for uv", "I could not fetch the URL, try opening it manually."])
        #expect(c.messages.contains { $0.contentType == "attachment" && $0.isHidden && !($0.text ?? "").isEmpty })
    }

    @Test func apiShapedFileFollowsCurrentLeafAndNamesItsProject() throws {
        let c = try #require(try SampleRecords.claude("claude/handmade-api-shape-conversation.json").first)
        #expect(c.visibleTails() == ["f0001", "f0002"] && c.branches == 1)
        #expect(c.projectGizmoID == "b1000000-0000-4000-8000-000000000001" && c.projectName == "Travel")
        #expect(c.createTime?.hasPrefix("20") == true)
    }

    @Test func usersFileHoldsNoConversation() throws {
        #expect(try SampleRecords.claude("claude/AlanTuring01__claude-export-reader__sample-users.json").isEmpty)
    }

    @Test func isoTimesKeepMicrosecondsAndOffsets() {
        #expect(SourceTime.iso("2026-09-21T14:13:20.123456Z") == "2026-09-21 14:13:20.123456")
        #expect(SourceTime.iso("2025-01-05T20:55:32.499880+00:00") == "2025-01-05 20:55:32.499880")
        #expect(SourceTime.iso("2026-07-26T08:07:57+02:00") == "2026-07-26 06:07:57.000000")
        #expect(SourceTime.iso("not a time") == nil)
        #expect(SourceTime.from(["$date": ["$numberLong": "1767225600000"]]) == "2026-01-01 00:00:00.000000")
    }
}
