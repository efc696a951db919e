import ChatBetoStore
import ChatBetoTestSupport
import Foundation
import Testing
@testable import ChatBetoCore

/// `conversations`: the listing of the current project (or all, or orphans), newest first, numbered for open/show.
@Suite struct ConversationsCommandTests {
    /// The listing's rows by column name (#, title, updated, messages, project, id).
    private func listing(_ result: CommandResult?) throws -> [[String: String]] {
        guard case .rows(let rs, _)? = result else { throw CocoaError(.coderValueNotFound) }
        return CommandHarness.rows(result).map { Dictionary(uniqueKeysWithValues: zip(rs.columns.map(\.name), $0)) }
    }

    @Test func afterUseItListsThatProjectNewestFirstNumberedForOpen() throws {
        let h = try CommandHarness()
        try h.run("use Wordpress")
        let result = try h.run("conversations")
        guard case .rows(let rs, _)? = result else { Issue.record("no rows: \(String(describing: result))"); return }
        #expect(rs.columns.map(\.name) == ["#", "title", "updated", "messages", "project", "id"])
        let rows = try listing(result)
        #expect(rows.map { $0["#"] } == ["1", "2"])
        #expect(rows.map { $0["title"] } == ["Plugin fix", "Cron jobs"])
        #expect(rows.map { $0["updated"] } == ["2024-05-02 09:00", "2024-03-01 11:00"])
        #expect(rows.allSatisfy { $0["project"] == "Wordpress" })
        #expect(CommandHarness.summary(result) == "2 conversations in 'Wordpress'")
        #expect(h.context.state.lastListing.map(\.conversationID) == [SmallHistory.pluginFix, SmallHistory.cronJobs])
        try h.run("open 2")
        #expect(h.context.state.conversation?.id == SmallHistory.cronJobs)
    }

    /// The column says "messages": the visible ones, as `show` and `stats` count them — not every stored
    /// node (the regenerated branch, the hidden system message) that `conversations.message_count` holds.
    @Test func messagesAreTheVisibleMessagesThatShowShows() throws {
        let h = try CommandHarness()
        let rows = try listing(try h.run("conversations --all"))
        #expect(rows.map { $0["title"] } == ["Plugin fix", "Cron jobs", "Café ñandú 🥘", "Orphan talk"])
        #expect(rows.map { $0["messages"] } == ["3", "2", "1", "1"])
        for row in rows {
            let shown = CommandHarness.rows(try h.run("show \(row["id"] ?? "")"))
            #expect(row["messages"] == String(shown.count), "\(row["title"] ?? "")")
        }
    }

    @Test func aNewConversationComesFirstWithNoMessages() throws {
        let h = try CommandHarness()
        try h.run("use Wordpress")
        try h.run("new Draft ideas")
        let result = try h.run("conversations")
        let rows = try listing(result)
        #expect(rows.map { $0["title"] } == ["Draft ideas", "Plugin fix", "Cron jobs"])
        #expect(rows[0]["messages"] == "0" && rows[0]["project"] == "Wordpress")
        #expect(rows[0]["id"] == h.context.state.conversation?.id)
        #expect(CommandHarness.summary(result) == "3 conversations in 'Wordpress'")
    }

    @Test func orphansAndAllLookPastTheCurrentProject() throws {
        let h = try CommandHarness()
        try h.run("use Wordpress")
        let orphans = try h.run("conversations --orphans")
        #expect(try listing(orphans).map { $0["title"] } == ["Orphan talk"])
        #expect(try listing(orphans).map { $0["project"] } == ["NULL"])
        #expect(CommandHarness.summary(orphans) == "1 conversation outside projects")
        let all = try h.run("conversations --all")
        #expect(try listing(all).count == 4)
        #expect(CommandHarness.summary(all) == "4 conversations in all projects")
        #expect(h.context.state.lastListing.count == 4, "the last listing is what open N numbers")
    }

    @Test func withoutAProjectItListsEverything() throws {
        let h = try CommandHarness()
        let result = try h.run("ls")
        #expect(try listing(result).count == 4)
        #expect(CommandHarness.summary(result) == "4 conversations in all projects")
    }

    @Test func limitSaysHowManyThereAreAndSinceKeepsRecentOnes() throws {
        let h = try CommandHarness()
        let limited = try h.run("conversations --all --limit 2")
        #expect(try listing(limited).map { $0["title"] } == ["Plugin fix", "Cron jobs"])
        #expect(CommandHarness.summary(limited) == "2 of 4 conversations in all projects")
        let exact = try h.run("conversations --all --limit 4")
        #expect(CommandHarness.summary(exact) == "4 conversations in all projects")
        let since = try h.run("conversations --all --since 2024-03")
        #expect(try listing(since).map { $0["title"] } == ["Plugin fix", "Cron jobs"])
        #expect(try listing(try h.run("conversations --all --since 2024-03-02")).map { $0["title"] } == ["Plugin fix"])
        #expect(try listing(try h.run("conversations --all --since 2030-01-01")).isEmpty)
    }

    @Test func badArgumentsAreUsageErrorsAndKeepTheLastListing() throws {
        let h = try CommandHarness()
        try h.run("conversations --all")
        for line in ["conversations Wordpress", "conversations --limit 0", "conversations --limit many",
                     "conversations --since yesterday", "conversations --limit", "conversations --newest"] {
            #expect(throws: ParseError.self, "\(line)") { try h.run(line) }
        }
        do { try h.run("conversations --since yesterday") } catch {
            #expect(String(describing: error).contains("yesterday"))
        }
        #expect(h.context.state.lastListing.count == 4)
    }
}
