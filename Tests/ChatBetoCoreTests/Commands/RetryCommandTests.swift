@testable import ChatBetoOpenAI
@testable import ChatBetoStore
import ChatBetoTestSupport
import Foundation
import Testing
@testable import ChatBetoCore

/// `retry` in-process: the retried turn is taken off the server conversation (item DELETEs), the
/// user message is asked again, and the old reply stays in the tree as a sibling branch.
@Suite struct RetryCommandTests {
    @Test func retryTakesNoArgumentsAndRegenerateIsItsAlias() throws {
        #expect(try CommandParser.parse("regenerate", vertical: false).command as? RetryCommand == RetryCommand())
        #expect(throws: ParseError.usage(command: "retry", problem: "too many arguments: 'that'", usage: "retry")) {
            try CommandParser.parse("retry that", vertical: false)
        }
    }

    @Test func retryDeletesTheLastTurnOnTheServerAndKeepsTheOldReplyAsASibling() throws {
        let fake = try FakeOpenAIServer()
        let h = try CommandHarness(openAI: fake.config())
        try h.run("use Wordpress")
        try h.run("new Fresh start")
        try h.run("ask one")
        let id = try #require(h.context.state.conversation?.id)
        let threadID = try #require(try h.serverThread(id).id)
        let userItems = try fake.serverItems(threadID)
        #expect(userItems == ["user: one", "assistant: You said: one"])
        try fake.call("DELETE", "requests")
        try fake.configure(["reply": "Second try"])

        try h.run("retry")
        // Two item deletions (the reply, then the user message), one new turn, nothing seeded again.
        let calls = try fake.calls()
        #expect(calls.first == "GET /conversations/\(threadID)/items")
        #expect(calls.dropFirst().prefix(2).allSatisfy { $0.hasPrefix("DELETE /conversations/\(threadID)/items/msg_") })
        #expect(Array(calls.dropFirst(3)) == ["POST /responses"])
        #expect(try fake.posted(to: "/responses").map { $0["input"]?.string } == ["one"])
        #expect(try fake.posted(to: "/responses").first?["conversation"]?.string == threadID)
        #expect(try fake.serverItems(threadID) == ["user: one", "assistant: Second try"])
        #expect(h.sink.replyText == "You said: oneSecond try")

        #expect(try h.thread(id) == ["user: one", "assistant: Second try"])
        let all = try Catalog(connection: h.database.connection).allMessages(conversationID: id)
        let user = try #require(all.first { $0.role == "user" })
        // Both replies can carry the same time, so they are told apart by their text, not their order.
        let replies = all.filter { $0.role == "assistant" }.sorted { ($0.text ?? "") > ($1.text ?? "") }
        #expect(replies.map { $0.text ?? "" } == ["You said: one", "Second try"])
        #expect(replies.allSatisfy { $0.parentNodeID == user.nodeID }, "the new reply is a sibling of the old one")
        #expect(replies.map(\.onVisiblePath) == [false, true])
        #expect(all.filter { $0.role == "user" }.count == 1, "the user turn is not stored twice")
        #expect(try h.serverThread(id).seededNode == replies[1].nodeID)
    }

    @Test func retryOfAnImportedReplySeedsOnlyWhatComesBeforeTheUserTurn() throws {
        let fake = try FakeOpenAIServer()
        let h = try CommandHarness(openAI: fake.config())
        try h.run("open \(SmallHistory.cronJobs)")
        try h.run("retry")
        #expect(try fake.calls() == ["GET /models", "POST /conversations", "POST /responses"], "no server copy yet: nothing to delete")
        #expect(try fake.posted(to: "/conversations").map(FakeOpenAIServer.items) == [[]])
        #expect(try fake.posted(to: "/responses").map { $0["input"]?.string } == ["How do WP cron jobs run?"])
        #expect(try h.thread(SmallHistory.cronJobs) == ["user: How do WP cron jobs run?", "assistant: You said: How do WP cron jobs run?"])
        let offPath = try h.database.connection.query(
            "SELECT node_id FROM messages WHERE conversation_id = ? AND on_visible_path = 0", [.text(SmallHistory.cronJobs)])
        #expect(offPath.rows.map { $0[0].textValue } == ["m2"])
    }

    @Test func whenTheServerRefusesTheDeletionTheCopyIsDroppedAndSeededAgain() throws {
        let fake = try FakeOpenAIServer()
        let h = try CommandHarness(openAI: fake.config())
        try h.run("open \(SmallHistory.orphan)")
        try h.run("ask one")
        let old = try #require(try h.serverThread(SmallHistory.orphan).id)
        try fake.queueFaults(["name": "server_error", "path": .string("/v1/conversations/\(old)/items/")])
        try h.run("retry")
        #expect(h.sink.warnings.contains { $0.hasPrefix("could not take the last turn off the server conversation") })
        #expect(try fake.calls().contains("DELETE /conversations/\(old)"))
        let new = try #require(try h.serverThread(SmallHistory.orphan).id)
        #expect(new != old)
        #expect(try fake.posted(to: "/conversations").map(FakeOpenAIServer.items).last == ["user: Hello orphan"])
        #expect(try fake.serverItems(new) == ["user: Hello orphan", "user: one", "assistant: You said: one"])
    }

    @Test func retryTwiceMakesThreeSiblings() throws {
        let fake = try FakeOpenAIServer()
        let h = try CommandHarness(openAI: fake.config())
        try h.run("open \(SmallHistory.orphan)")
        try h.run("ask one")
        try h.run("retry")
        try h.run("retry")
        let replies = try Catalog(connection: h.database.connection).allMessages(conversationID: SmallHistory.orphan).filter { $0.role == "assistant" }
        #expect(replies.count == 3 && Set(replies.map(\.parentNodeID)).count == 1)
        #expect(replies.filter(\.onVisiblePath).count == 1)
        #expect(try fake.posted(to: "/conversations").count == 1)
        #expect(try fake.serverItems(try #require(try h.serverThread(SmallHistory.orphan).id)).count == 3)
    }

    @Test func retryNeedsAReplyAfterAUserMessageAConversationAndAKey() throws {
        let fake = try FakeOpenAIServer()
        let h = try CommandHarness(openAI: fake.config())
        #expect(throws: ChatError.noConversation) { try h.run("retry") }
        try h.run("new Empty")
        #expect(throws: ChatError.nothingToRetry) { try h.run("retry") }
        #expect(try fake.posted(to: "/responses").isEmpty)
        let offline = try CommandHarness()
        try offline.run("open \(SmallHistory.cronJobs)")
        #expect(throws: ChatError.noAPIKey) { try offline.run("retry") }
        #expect(try offline.thread(SmallHistory.cronJobs).count == 2)
    }
}
