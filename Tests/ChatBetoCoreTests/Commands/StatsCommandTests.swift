import ChatBetoStore
import ChatBetoTestSupport
import Foundation
import Testing
@testable import ChatBetoCore

/// `stats` and `stats --by project` (`--provider` and `--by provider` are in ProviderFilterTests): what the
/// totals count, the JSON document's keys, an empty store, and the counts after a chat turn and after `sql` edits.
@Suite struct StatsCommandTests {
    static let totalKeys = ["conversations", "messages", "nodes", "words", "projects", "orphans", "models_used", "first_date", "last_date"]

    private func stats(_ h: CommandHarness, _ line: String = "stats") throws -> [String: Any] {
        try CommandHarness.json(try h.run(line))
    }
    /// A total as an integer (nil when absent or not a number).
    private func int(_ json: [String: Any], _ key: String) -> Int? { (json[key] as? NSNumber)?.intValue }
    private func perProject(_ json: [String: Any]) -> [String: [String: String]] {
        var out: [String: [String: String]] = [:]
        for row in json["per_project"] as? [[String: Any]] ?? [] {
            out["\(row["project"] ?? "?")"] = row.mapValues { "\($0)" }
        }
        return out
    }

    @Test func totalsCountVisibleMessagesEveryNodeAndTheVisibleWords() throws {
        let h = try CommandHarness()
        let json = try stats(h)
        #expect(Set(json.keys) == Set(Self.totalKeys + ["models", "per_project", "activity"]))
        #expect(int(json, "conversations") == 4 && int(json, "projects") == 2 && int(json, "orphans") == 1)
        #expect(int(json, "messages") == 7, "the hidden system message and the regenerated reply are not visible")
        #expect(int(json, "nodes") == 9)
        #expect(int(json, "words") == 29, "words of the visible messages only")
        #expect(int(json, "models_used") == 0 && (json["models"] as? [Any])?.isEmpty == true)
        #expect((json["first_date"] as? String)?.hasPrefix("2022-12-01 08:00:00") == true)
        #expect((json["last_date"] as? String)?.hasPrefix("2024-05-02 09:00:00") == true)
        let projects = perProject(json)
        #expect(Set(projects.keys) == ["Wordpress", "ChatGPT", "(no project)"])
        #expect(projects["Wordpress"]?["conversations"] == "2" && projects["Wordpress"]?["messages"] == "5" && projects["Wordpress"]?["nodes"] == "7")
        #expect(projects["ChatGPT"]?["messages"] == "1" && projects["(no project)"]?["messages"] == "1")
        let activity = (json["activity"] as? [[String: Any]] ?? []).map { "\($0["month"] ?? "?")=\($0["conversations"] ?? "?")" }
        #expect(activity == ["2022-12=1", "2023-01=1", "2024-03=1", "2024-05=1"])
    }

    @Test func theTextShowsTheTotalsTheProjectsAndTheMonths() throws {
        let h = try CommandHarness()
        let text = CommandHarness.text(try h.run("stats"))
        let lines = text.components(separatedBy: "\n")
        #expect(lines.first == "Totals")
        #expect(lines.contains("  messages       7") && lines.contains("  nodes          9"), "\(text)")
        #expect(text.contains("\nPer project\n") && text.contains("\nConversations started per month\n"))
        #expect(!text.contains("by project") && !text.contains("Models") && !text.contains("Per provider"))
    }

    @Test func byProjectGivesEachProjectItsSeries() throws {
        let h = try CommandHarness()
        let result = try h.run("stats --by project")
        let json = try CommandHarness.json(result)
        let series = try #require(json["activity_by_project"] as? [String: [[String: Any]]])
        #expect(Set(series.keys) == ["Wordpress", "ChatGPT", "(no project)"])
        #expect(series["Wordpress"]?.map { "\($0["month"] ?? "?")=\($0["conversations"] ?? "?")" } == ["2024-03=1", "2024-05=1"])
        #expect(series["ChatGPT"]?.map { "\($0["month"] ?? "?")" } == ["2023-01"])
        let text = CommandHarness.text(result)
        #expect(text.contains("\nConversations started per month, by project\n"))
        let sparkLines = text.components(separatedBy: "\n").filter { $0.contains("(max ") }
        #expect(sparkLines.count == 3)
        #expect(sparkLines.first?.hasPrefix("Wordpress ") == true && sparkLines.first?.hasSuffix("2 (max 1)") == true)
        #expect(int(json, "messages") == 7, "the totals stay")
    }

    @Test func anEmptyStoreCountsZeroes() throws {
        let h = try CommandHarness(history: false)
        let json = try stats(h, "stats --by project")
        for key in ["conversations", "messages", "nodes", "words", "projects", "orphans", "models_used"] {
            #expect(int(json, key) == 0, "\(key)")
        }
        #expect(json["first_date"] is NSNull && json["last_date"] is NSNull)
        #expect((json["per_project"] as? [Any])?.isEmpty == true && (json["activity"] as? [Any])?.isEmpty == true)
        #expect((json["activity_by_project"] as? [String: Any])?.isEmpty == true)
        let text = CommandHarness.text(try h.run("stats"))
        #expect(text.hasPrefix("Totals\n") && text.contains("  first date     -\n"))
        #expect(!text.contains("Per project") && !text.contains("per month"))
    }

    @Test func aLocalChatTurnAddsTwoVisibleMessagesItsWordsAndItsModel() throws {
        let fake = try FakeOpenAIServer()
        let h = try CommandHarness(openAI: fake.config())
        try h.run("open aaaa1111-0000-4000-8000-000000000002")
        try h.run("ask hello there")
        let json = try stats(h)
        #expect(int(json, "conversations") == 4)
        #expect(int(json, "messages") == 9 && int(json, "nodes") == 11)
        #expect(int(json, "words") == 29 + 2 + 4, "'hello there' and 'You said: hello there'")
        #expect(int(json, "models_used") == 1)
        let models = (json["models"] as? [[String: Any]] ?? []).map { "\($0["model"] ?? "?")=\($0["messages"] ?? "?")" }
        #expect(models == ["gpt-5-mini=1"])
        #expect(perProject(json)["Wordpress"]?["messages"] == "7")
        try h.run("use ChatGPT")
        try h.run("new")
        let after = try stats(h)
        #expect(int(after, "conversations") == 5 && int(after, "messages") == 9)
        #expect(perProject(after)["ChatGPT"]?["conversations"] == "2")
    }

    @Test func sqlEditsAreCountedNotTheStoredMessageCount() throws {
        let h = try CommandHarness()
        try h.run("set sql-write on")
        // A new branch: a node, not a visible message.
        try h.run("""
            INSERT INTO messages (conversation_id, node_id, parent_node_id, child_index, role, content_type, text, is_hidden, on_visible_path) \
            VALUES ('aaaa1111-0000-4000-8000-000000000002', 'm3', 'm1', 1, 'assistant', 'text', 'Another answer here', 0, 0)
            """)
        var json = try stats(h)
        #expect(int(json, "nodes") == 10 && int(json, "messages") == 7 && int(json, "words") == 29)
        try h.run("UPDATE messages SET is_hidden = 1 WHERE node_id = 'n4'")
        try h.run("UPDATE conversations SET message_count = 99")
        json = try stats(h)
        #expect(int(json, "messages") == 6 && int(json, "words") == 27 && int(json, "nodes") == 10)
        #expect(perProject(json)["Wordpress"]?["messages"] == "4")
        try h.run("DELETE FROM conversations WHERE id = 'cccc3333-0000-4000-8000-000000000004'")
        json = try stats(h)
        #expect(int(json, "conversations") == 3 && int(json, "orphans") == 0 && int(json, "messages") == 5)
        #expect(perProject(json)["(no project)"] == nil)
    }

    @Test func argumentsAreUsageErrors() throws {
        let h = try CommandHarness()
        #expect(h.failure("stats --by month")?.contains("--by takes 'project' or 'provider', not 'month'") == true)
        for line in ["stats --by", "stats Wordpress", "stats --all"] {
            #expect(throws: ParseError.self, "\(line)") { try h.run(line) }
        }
    }
}
