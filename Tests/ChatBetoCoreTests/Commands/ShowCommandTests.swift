import Foundation
import Testing
@testable import ChatBetoCore
import ChatBetoStore

@Suite struct ShowCommandTests {
    @Test func showGivesTheVisibleThreadWithoutHiddenMessages() throws {
        let h = try CommandHarness()
        let result = try h.run("show aaaa1111-0000-4000-8000-000000000001")
        let rows = CommandHarness.rows(result)
        #expect(rows.map { $0[0] } == ["n1", "n3", "n4"])
        #expect(rows.map { $0[4] } == ["My plugin breaks on save", "Check the save_post hook.", "Thanks, fixed!"])
        let text = CommandHarness.text(result)
        #expect(text.contains("Plugin fix") && text.contains("Wordpress"))
        #expect(!text.contains("First answer (regenerated)"))
    }

    @Test func allShowsEveryBranchAndLastCutsTheThread() throws {
        let h = try CommandHarness()
        let all = CommandHarness.rows(try h.run("show aaaa1111-0000-4000-8000-000000000001 --all-branches"))
        #expect(all.map { $0[0] } == ["n1", "n2", "n3", "n4"])
        let last = CommandHarness.rows(try h.run("show aaaa1111-0000-4000-8000-000000000001 --last 1"))
        #expect(last.map { $0[0] } == ["n4"])
    }

    @Test func showWithoutArgumentsUsesTheRestoredConversation() throws {
        let first = try CommandHarness()
        try first.run("open aaaa1111-0000-4000-8000-000000000002")
        let next = try CommandHarness(database: first.database)
        let rows = CommandHarness.rows(try next.run("show"))
        #expect(rows.map { $0[0] } == ["m1", "m2"])
    }

    @Test func showAndOpenNFollowTheRowsOfEachKindOfListing() throws {
        let h = try CommandHarness()
        try h.run("use Wordpress")
        try h.run("conversations")
        let listed = h.context.state.lastListing
        #expect(listed.count == 2 && listed.allSatisfy { $0.nodeID == nil })
        #expect(CommandHarness.rows(try h.run("show 2")).count >= 2)
        try h.run("open 2")
        #expect(h.context.state.conversation?.id == listed[1].conversationID)

        try h.run("search cron")
        // Hits are messages (and titles): both rows are the cron conversation, neither at a message.
        #expect(!h.context.state.lastListing.isEmpty
                && h.context.state.lastListing.allSatisfy { $0 == ListingEntry(conversationID: "aaaa1111-0000-4000-8000-000000000002") })
        let found = CommandHarness.text(try h.run("show 1"))
        #expect(found.contains("How do WP cron jobs run?") && !found.contains("▶ "))
        try h.run("open 1")
        #expect(h.context.state.conversation?.id == "aaaa1111-0000-4000-8000-000000000002")

        try h.run("recall thanks fixed --sources")
        #expect(h.context.state.lastListing == [ListingEntry(conversationID: "aaaa1111-0000-4000-8000-000000000001", nodeID: "n4")])
        #expect(CommandHarness.text(try h.run("show 1")).contains("▶ "))
        #expect(throws: LookupError.self) { try h.run("show 2") }

        // A search after the recall replaces rows and anchors together.
        try h.run("search save")
        #expect(h.context.state.lastListing.allSatisfy { $0.nodeID == nil })
        #expect(!CommandHarness.text(try h.run("show 1")).contains("▶ "))
    }

    @Test func showWithNothingCurrentIsAUsageError() throws {
        let h = try CommandHarness()
        #expect(throws: ParseError.self) { try h.run("show") }
    }
}
