import ChatBetoStore
import ChatBetoTestSupport
import Foundation
import Testing
@testable import ChatBetoCore

/// `timeline [project]`: a project's conversations month by month, numbered for open/show.
@Suite struct TimelineCommandTests {
    @Test func aNamedProjectMonthByMonthOldestFirstNumberedForOpen() throws {
        let h = try CommandHarness()
        let result = try h.run("timeline Wordpress")
        let text = CommandHarness.text(result)
        #expect(text == """
            Wordpress: 2 conversations

            2024-03  ████████████████████ 1
              1. 2024-03-01  Cron jobs

            2024-05  ████████████████████ 1
              2. 2024-05-01  Plugin fix

            """)
        let rows = CommandHarness.rows(result)
        #expect(rows.map { $0[0] } == ["2024-03", "2024-05"])
        #expect(rows.map { $0[1] } == [SmallHistory.cronJobs, SmallHistory.pluginFix])
        #expect(h.context.state.lastListing.map(\.conversationID) == [SmallHistory.cronJobs, SmallHistory.pluginFix])
        try h.run("open 2")
        #expect(h.context.state.conversation?.id == SmallHistory.pluginFix)
        // The visible messages, as the conversations listing counts them (Plugin fix holds a regenerated reply off the path).
        let listed = CommandHarness.rows(try h.run("conversations --all"))
        let visible = Dictionary(uniqueKeysWithValues: listed.map { ($0[5], $0[3]) })
        #expect(rows.map { $0[4] } == [visible[SmallHistory.cronJobs], visible[SmallHistory.pluginFix]])
        let nodes = try h.database.connection.queryOne("SELECT message_count AS n FROM conversations WHERE id = ?", [.text(SmallHistory.pluginFix)])?.int("n")
        #expect(rows[1][4] != nodes.map { String($0) }, "timeline counts every node of Plugin fix")
    }

    @Test func withoutANameItIsTheCurrentProjectAndOneIsSingular() throws {
        let h = try CommandHarness()
        try h.run("use ChatGPT")
        let text = CommandHarness.text(try h.run("timeline"))
        #expect(text.hasPrefix("ChatGPT: 1 conversation\n"))
        #expect(text.contains("2023-01  ████████████████████ 1\n  1. 2023-01-01  Café ñandú 🥘\n"))
        #expect(!text.contains("Cron jobs"))
    }

    @Test func barsAreScaledToTheBusiestMonthAndANewUntitledConversationIsThisMonths() throws {
        let h = try CommandHarness()
        try h.run("use Wordpress")
        try h.database.connection.query("UPDATE conversations SET create_time = '2024-05-20 10:00:00' WHERE id = ?", [.text(SmallHistory.cronJobs)])
        try h.run("new")
        let text = CommandHarness.text(try h.run("timeline"))
        #expect(text.hasPrefix("Wordpress: 3 conversations\n"))
        #expect(text.contains("2024-05  ████████████████████ 2\n  1. 2024-05-01  Plugin fix\n  2. 2024-05-20  Cron jobs\n"))
        let month = String(try #require(h.database.connection.queryOne("SELECT DATE_FORMAT(CURRENT_TIMESTAMP, '%Y-%m') AS m")?.string("m")))
        #expect(text.contains("\n\(month)  ██████████ 1\n  3. \(month)-"), "\(text)")
        #expect(text.hasSuffix("  (untitled)\n"))
        #expect(h.context.state.lastListing.last?.conversationID == h.context.state.conversation?.id)
    }

    @Test func anEmptyProjectHasNoMonthsAndForgetsTheLastListing() throws {
        let h = try CommandHarness()
        try h.database.connection.query("INSERT INTO projects (id, name, name_source) VALUES (3, 'Empty one', 'user')")
        try h.run("conversations --all")
        #expect(h.context.state.lastListing.count == 4)
        let result = try h.run("timeline Empty one")
        #expect(CommandHarness.text(result) == "Empty one: 0 conversations\n")
        #expect(CommandHarness.rows(result).isEmpty)
        #expect(h.context.state.lastListing.isEmpty)
        #expect(throws: LookupError.self) { try h.run("open 1") }
    }

    @Test func noProjectOrAnUnknownOneIsAnErrorNamingIt() throws {
        let h = try CommandHarness()
        #expect(throws: ParseError.self) { try h.run("timeline") }
        #expect(h.failure("timeline")?.contains("no current project") == true)
        #expect(h.failure("timeline Nowhere")?.contains("'Nowhere'") == true)
        #expect(throws: ParseError.self) { try h.run("timeline Wordpress --by month") }
        #expect(h.context.state.lastListing.isEmpty)
    }
}
