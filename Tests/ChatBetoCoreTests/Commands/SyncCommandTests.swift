@testable import ChatBetoExport
@testable import ChatBetoImport
@testable import ChatBetoOpenAI
@testable import ChatBetoRender
@testable import ChatBetoSearch
@testable import ChatBetoServer
@testable import ChatBetoStore
@testable import ChatBetoSupport
import ChatBetoTestSupport
import Foundation
import Testing
@testable import ChatBetoCore

@Suite struct SyncCommandTests {
    @Test func dryRunPlansEveryConversationWithTheCostAndSendsNothing() throws {
        let fake = try FakeOpenAIServer()
        let h = try CommandHarness(openAI: fake.config())
        try LongThread.load(into: h.database.connection, turns: 30)
        let result = try h.run("sync --dry-run")
        // The plan, then its totals as a report (printed in scripts too, unlike a table's summary line).
        guard case .sequence(let parts)? = result, parts.count == 2, case .rows(let rs, _) = parts[0],
              case .report(let summary, _) = parts[1] else { Issue.record("no rows: \(String(describing: result))"); return }
        #expect(Set(rs.rows.map { $0[0].textValue ?? "" }) == ["aaaa1111-0000-4000-8000-000000000001", "aaaa1111-0000-4000-8000-000000000002",
                                                                "bbbb2222-0000-4000-8000-000000000003", "cccc3333-0000-4000-8000-000000000004", "long-0000"])
        #expect(rs.rows.allSatisfy { $0[1].textValue == "create" })
        #expect(summary.hasPrefix("dry run: would seed 5 conversations"))
        // The cost of input is the model's price for the estimated tokens, not zero.
        let tokens = rs.rows.reduce(0) { $0 + Int($1[4].int64Value ?? 0) }
        let cost = Double(tokens) * (ModelPricing.price(for: "gpt-5-mini")?.inputPerMillion ?? 0) / 1_000_000
        #expect(cost > 0.001)
        #expect(summary.contains(String(format: "about $%.4f of input per turn with gpt-5-mini", cost)), "\(summary)")
        #expect(try fake.requests().isEmpty)
    }

    @Test func syncSeedsEveryConversationAndASecondRunHasNothingToDo() throws {
        let fake = try FakeOpenAIServer()
        let h = try CommandHarness(openAI: fake.config())
        h.sink.answers = [true]
        try h.run("sync")
        let report = CommandHarness.text(h.sink.results.last)
        #expect(report.hasPrefix("Synced 4 of 4 conversations"), "\(report)")
        #expect(h.sink.events.contains(.progress(.advance(done: 4, total: 4, unit: "conversations"))))
        let unsynced = try h.database.connection.queryOne("SELECT COUNT(*) AS n FROM conversations WHERE openai_thread_id IS NULL")
        #expect(unsynced?.int("n") == 0)
        let again = try h.run("sync")
        #expect(CommandHarness.text(again).hasPrefix("Nothing to sync"))
    }

    @Test func syncInAScriptWithoutYesAsksAndSendsNothing() throws {
        let fake = try FakeOpenAIServer()
        let h = try CommandHarness(openAI: fake.config())
        #expect(throws: ChatError.self) { try h.run("sync") }
        #expect(h.sink.questions.first?.hasPrefix("Seed 4 conversations") == true)
        #expect(try fake.requests().isEmpty)
    }

    @Test func withoutAKeyItSaysSoBeforeAskingAnything() throws {
        let h = try CommandHarness()
        h.sink.answers = [true]
        #expect(throws: ChatError.self) { try h.run("sync") }
        #expect(h.sink.questions.isEmpty, "asked before finding there is no key: \(h.sink.questions)")
        let unsynced = try h.database.connection.queryOne("SELECT COUNT(*) AS n FROM conversations WHERE openai_thread_id IS NULL")
        #expect(unsynced?.int("n") == 4)
    }
}
