import ChatBetoSearch
import ChatBetoStore
import ChatBetoTestSupport
import Foundation
import Testing
@testable import ChatBetoCore

/// `search`: ranked hits in the current project (or --all), numbered for show/open, with its filters,
/// its modes and its errors; a stored chat turn is found. (`--provider`: ProviderFilterTests.)
@Suite struct SearchCommandTests {
    /// The hits by column name (#, conversation_id, title, project, date, role, node_id, score, snippet).
    private func hits(_ result: CommandResult?) -> [[String: String]] {
        guard case .sequence(let parts)? = result, case .document(_, let data?)? = parts.first else { return [] }
        return CommandHarness.rows(result).map { Dictionary(uniqueKeysWithValues: zip(data.columns.map(\.name), $0)) }
    }

    @Test func hitsInTheCurrentProjectAreNumberedForShow() throws {
        let h = try CommandHarness()
        try h.run("use Wordpress")
        let result = try h.run("search save_post hook")
        let found = hits(result)
        #expect(found.map { $0["node_id"] } == ["n3"])
        #expect(found.first?["conversation_id"] == SmallHistory.pluginFix && found.first?["role"] == "assistant")
        #expect(found.first?["snippet"] == "Check the save_post hook.", "the rows (csv, json) carry the plain snippet")
        #expect(CommandHarness.summary(result) == "1 hit in 'Wordpress' (full-text)")
        let text = CommandHarness.text(result)
        #expect(text.hasPrefix("1. Plugin fix · Wordpress · 2024-05-01 · assistant\n   Check the **save_post** **hook**.\n"), "\(text)")
        #expect(h.context.state.lastListing.map(\.conversationID) == [SmallHistory.pluginFix])
        #expect(CommandHarness.rows(try h.run("show 1")).map { $0[0] } == ["n1", "n3", "n4"])
    }

    @Test func otherProjectsNeedAll() throws {
        let h = try CommandHarness()
        try h.run("use ChatGPT")
        let here = try h.run("search cron jobs")
        #expect(hits(here).isEmpty)
        #expect(CommandHarness.summary(here) == "0 hits in 'ChatGPT' (full-text)")
        let everywhere = try h.run("search --all cron jobs")
        #expect(Set(hits(everywhere).map { $0["conversation_id"] }) == [SmallHistory.cronJobs])
        #expect(CommandHarness.summary(everywhere)?.hasSuffix(" everywhere (full-text)") == true)
        #expect(h.context.state.lastListing.allSatisfy { $0.conversationID == SmallHistory.cronJobs } && !h.context.state.lastListing.isEmpty)
    }

    @Test func accentsAndCaseDoNotMatter() throws {
        let h = try CommandHarness()
        let found = hits(try h.run("search --all NANDU"))
        #expect(!found.isEmpty && found.allSatisfy { $0["conversation_id"] == "bbbb2222-0000-4000-8000-000000000003" })
    }

    @Test func roleSinceAndLimitNarrowTheHits() throws {
        let h = try CommandHarness()
        #expect(hits(try h.run("search --all --role assistant save_post hook")).map { $0["node_id"] } == ["n3"])
        #expect(hits(try h.run("search --all --role USER save_post hook")).isEmpty)
        #expect(hits(try h.run("search --all --since 2030-01-01 save_post hook")).isEmpty)
        #expect(!hits(try h.run("search --all --since 2024-05 save_post hook")).isEmpty)
        // "cron" is in a message and in a title: two hits, the first kept by --limit 1.
        let many = hits(try h.run("search --all cron"))
        #expect(many.count == 2 && Set(many.map { $0["role"] }) == ["user", "title"], "\(many)")
        #expect(hits(try h.run("search --all cron --limit 1")).map { $0["role"] } == [many[0]["role"]])
    }

    @Test func aStoredChatTurnIsFoundAndOpens() throws {
        let fake = try FakeOpenAIServer()
        let h = try CommandHarness(openAI: fake.config())
        try h.run("use Wordpress")
        try h.run("new Crossing notes")
        let id = try #require(h.context.state.conversation?.id)
        try h.run("ask zebra crossings")
        let found = hits(try h.run("search zebra"))
        #expect(Set(found.map { $0["role"] }) == ["user", "assistant"], "the question and the reply 'You said: zebra crossings'")
        #expect(found.allSatisfy { $0["conversation_id"] == id && $0["title"] == "Crossing notes" && $0["project"] == "Wordpress" })
        try h.run("use ChatGPT")
        #expect(hits(try h.run("search zebra")).isEmpty)
        try h.run("search --all zebra")
        try h.run("open 1")
        #expect(h.context.state.conversation?.id == id)
    }

    @Test func onlyStopWordsOrNoWordsAreErrors() throws {
        let h = try CommandHarness()
        #expect(h.failure("search --all the of a")?.contains("has only stop words") == true)
        #expect(throws: ParseError.self) { try h.run("search") }
        #expect(throws: ParseError.self) { try h.run("search --all") }
    }

    @Test func badOptionsAreUsageErrors() throws {
        let h = try CommandHarness()
        #expect(h.failure("search hook --semantic --hybrid")?.contains("choose --semantic or --hybrid, not both") == true)
        for line in ["search hook --limit 0", "search hook --limit 1001", "search hook --since soon", "search hook --role",
                     "search hook --fuzzy"] {
            #expect(throws: ParseError.self, "\(line)") { try h.run(line) }
        }
        #expect(hits(try h.run("find --all hook --limit 1000")).count == 1)
    }

    @Test func semanticSearchWithoutAnIndexSaysWhatToRunAndHybridFallsBackToWords() throws {
        let home = try TemporaryFolder("search")
        let fake = try FakeOpenAIServer()
        let h = try CommandHarness(home: home, openAI: fake.config())
        #expect(h.failure("search --all --semantic hooks for saving")?.contains("run 'index'") == true)
        try h.run("use Wordpress")
        #expect(h.failure("search --semantic hooks for saving")?.contains("run `index Wordpress`") == true)
        let hybrid = try h.run("search --hybrid save_post hook")
        #expect(hits(hybrid).map { $0["node_id"] } == ["n3"])
        #expect(h.sink.warnings.contains { $0.contains("project 'Wordpress' has no embeddings") && $0.hasSuffix("showing full-text hits only") })
        #expect(CommandHarness.summary(hybrid) == "1 hit in 'Wordpress' (hybrid)")
        #expect(try fake.requests(to: "/embeddings").isEmpty)
    }
}
