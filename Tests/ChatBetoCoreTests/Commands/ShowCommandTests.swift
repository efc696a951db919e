import Foundation
import Testing
@testable import ChatBetoCore

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

    @Test func showWithNothingCurrentIsAUsageError() throws {
        let h = try CommandHarness()
        #expect(throws: ParseError.self) { try h.run("show") }
    }
}
