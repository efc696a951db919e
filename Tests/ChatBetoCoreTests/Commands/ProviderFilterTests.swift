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

    @Test func searchFiltersByProvider() throws {
        let h = try harness()
        let claude = CommandHarness.rows(try h.run("search --all --provider claude plugin"))
        #expect(!claude.isEmpty)
        #expect(CommandHarness.rows(try h.run("search --all --provider grok plugin")).isEmpty)
    }
}
