import Foundation
import Testing
@testable import ChatBetoCore

/// `--provider` on projects, conversations, search and stats; `stats --by provider`; `show` naming the
/// assistant as the conversation's provider does.
@Suite struct ProviderFilterTests {
    private func harness() throws -> CommandHarness {
        let h = try CommandHarness()
        _ = try h.database.connection.execute("UPDATE conversations SET provider = 'claude' WHERE id = 'aaaa1111-0000-4000-8000-000000000001'")
        return h
    }

    @Test func conversationsAndProjectsFilterByProvider() throws {
        let h = try harness()
        let claude = CommandHarness.rows(try h.run("conversations --all --provider claude"))
        #expect(claude.map { $0.last } == ["aaaa1111-0000-4000-8000-000000000001"])
        let chatgpt = CommandHarness.rows(try h.run("conversations --all --provider ChatGPT"))
        #expect(!chatgpt.isEmpty && !chatgpt.contains { $0.last == "aaaa1111-0000-4000-8000-000000000001" })
        #expect(CommandHarness.rows(try h.run("projects --provider claude")).isEmpty)
        #expect(!CommandHarness.rows(try h.run("projects --provider chatgpt")).isEmpty)
        #expect(throws: ParseError.self) { try h.run("conversations --provider myspace") }
    }

    @Test func showNamesTheProvidersAssistant() throws {
        let h = try harness()
        let text = CommandHarness.text(try h.run("show aaaa1111-0000-4000-8000-000000000001"))
        #expect(text.contains("── Claude") && !text.contains("── ChatGPT"))
        #expect(CommandHarness.text(try h.run("show aaaa1111-0000-4000-8000-000000000002")).contains("── ChatGPT"))
    }

    @Test func statsGroupsAndFiltersByProvider() throws {
        let h = try harness()
        let by = CommandHarness.text(try h.run("stats --by provider"))
        #expect(by.contains("Per provider") && by.contains("claude") && by.contains("chatgpt"))
        guard case .report(_, let json)? = try h.run("stats --provider claude") else { Issue.record("no report"); return }
        let totals = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect((totals["conversations"] as? NSNumber)?.intValue == 1)
    }

    /// On a store holding one provider, `--provider` changes nothing and the per-provider row counts what
    /// the totals count: visible messages, every node, the visible messages' words.
    @Test func oneProvidersStatsAreTheWholeStoresStats() throws {
        let h = try CommandHarness()
        // A hidden node's model is no model the user talked to (the Models table lists visible messages).
        _ = try h.database.connection.execute("UPDATE messages SET model_slug = 'gpt-hidden' WHERE is_hidden = 1")
        func json(_ line: String) throws -> [String: Any] {
            guard case .report(_, let json)? = try h.run(line) else { Issue.record("no report for \(line)"); return [:] }
            return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        }
        let all = try json("stats --by provider"), one = try json("stats --provider chatgpt")
        for key in ["conversations", "messages", "nodes", "words", "projects", "orphans", "models_used"] {
            #expect("\(all[key] ?? "absent")" == "\(one[key] ?? "absent")", "\(key)")
        }
        #expect(NSArray(array: all["models"] as? [Any] ?? [1]) == NSArray(array: one["models"] as? [Any] ?? [2]))
        #expect(NSArray(array: all["per_project"] as? [Any] ?? [1]) == NSArray(array: one["per_project"] as? [Any] ?? [2]))
        let row = try #require((all["per_provider"] as? [[String: Any]])?.first)
        #expect("\(row["messages"] ?? "")" == "\(all["messages"] ?? "absent")")
        #expect("\(row["nodes"] ?? "")" == "\(all["nodes"] ?? "absent")")
        #expect((all["messages"] as? NSNumber)?.intValue != (all["nodes"] as? NSNumber)?.intValue)
        #expect((all["models_used"] as? NSNumber)?.intValue == (all["models"] as? [Any])?.count,
                "models used counts the models the Models table lists")
    }

    @Test func searchFiltersByProvider() throws {
        let h = try harness()
        let claude = CommandHarness.rows(try h.run("search --all --provider claude plugin"))
        #expect(!claude.isEmpty)
        #expect(CommandHarness.rows(try h.run("search --all --provider grok plugin")).isEmpty)
    }
}
