@testable import ChatBetoCore
@testable import ChatBetoOpenAI
@testable import ChatBetoStore
import Foundation
import Testing

/// A stored message for plans, as the catalog would read it.
func storedMessage(_ id: String, _ role: String, _ text: String, hidden: Bool = false) -> StoredMessage {
    let names = ["node_id", "role", "text", "is_hidden", "on_visible_path"]
    return StoredMessage(Record(columns: names.map { Column(name: $0, kind: .text) },
                                values: [.text(id), .text(role), .text(text), .int(hidden ? 1 : 0), .int(1)]))
}

/// A visible thread: a hidden system root, then `turns` user/assistant pairs.
func thread(turns: Int) -> [StoredMessage] {
    [storedMessage("root", "system", "", hidden: true)] + (1...(2 * turns)).map {
        storedMessage("n\($0)", $0 % 2 == 1 ? "user" : "assistant", "message \($0)")
    }
}

@Suite struct SeedPlanTests {
    @Test func firstTurnCreatesWithTheVisibleThreadLeavingOutHiddenAndToolMessages() {
        let path = [storedMessage("s", "system", "be nice", hidden: true), storedMessage("u", "user", "hi"),
                    storedMessage("t", "tool", "tool output"), storedMessage("a", "assistant", "hello"),
                    storedMessage("e", "user", "   "), storedMessage("d", "system", "visible system note")]
        let plan = SeedPlan.make(conversationID: "c", path: path, server: ServerThread(), seedTurns: nil)
        #expect(plan.action == .create)
        #expect(plan.items == [InputMessage(role: .user, text: "hi"), InputMessage(role: .assistant, text: "hello"),
                               InputMessage(role: .developer, text: "visible system note")])
        #expect(plan.nodes == ["u", "a", "d"])
        #expect(plan.lastNode == "d")
        #expect(plan.requestCount == 1)
    }

    @Test func requestsFollowTheTwentyItemLimit() {
        #expect(SeedPlan.make(conversationID: "c", path: thread(turns: 10), server: ServerThread(), seedTurns: nil).requestCount == 1)
        #expect(SeedPlan.make(conversationID: "c", path: thread(turns: 11), server: ServerThread(), seedTurns: nil).requestCount == 2)
        #expect(SeedPlan.make(conversationID: "c", path: thread(turns: 30), server: ServerThread(), seedTurns: nil).requestCount == 3)
    }

    @Test func seedTurnsKeepsOnlyTheLastTurns() {
        let plan = SeedPlan.make(conversationID: "c", path: thread(turns: 30), server: ServerThread(), seedTurns: 3)
        #expect(plan.nodes == ["n55", "n56", "n57", "n58", "n59", "n60"])
        #expect(plan.skippedTurns == 27)
        #expect(plan.turns == 3)
        #expect(plan.lastNode == "n60")
    }

    @Test func aSeededServerCopyIsUpToDateOrGetsOnlyWhatIsMissing() {
        let path = thread(turns: 3)
        let upToDate = SeedPlan.make(conversationID: "c", path: path, server: ServerThread(id: "conv_1", seededNode: "n6"), seedTurns: nil)
        #expect(upToDate.action == .upToDate)
        #expect(upToDate.requestCount == 0)
        let behind = SeedPlan.make(conversationID: "c", path: path, server: ServerThread(id: "conv_1", seededNode: "n4"), seedTurns: 1)
        #expect(behind.action == .append(threadID: "conv_1"))
        #expect(behind.nodes == ["n5", "n6"])
    }

    @Test func aServerCopyOnAnotherBranchIsReplacedByANewOne() {
        let plan = SeedPlan.make(conversationID: "c", path: thread(turns: 2), server: ServerThread(id: "conv_1", seededNode: "elsewhere"), seedTurns: nil)
        #expect(plan.action == .create)
        #expect(plan.items.count == 4)
    }

    @Test func summaryShowsCountTokensAndCost() {
        let plan = SeedPlan.make(conversationID: "c", path: thread(turns: 2), server: ServerThread(), seedTurns: nil)
        #expect(plan.summary(model: "gpt-5-mini").hasPrefix("4 messages (~"))
        #expect(plan.summary(model: "gpt-5-mini").contains("about $0.0000 with gpt-5-mini"))
        #expect(plan.summary(model: "made-up-model").contains("cost unknown"))
    }
}
