@testable import ChatBetoOpenAI
@testable import ChatBetoStore
import ChatBetoTestSupport
import Foundation
import Testing
@testable import ChatBetoCore

/// `ask <text>` in-process: what goes over the wire to the fake OpenAI server, what streams to the
/// sink, and what the tree holds afterwards.
@Suite struct AskCommandTests {
    @Test func theMessageIsEveryWordAfterAskAndOneIsRequired() throws {
        let ask = try CommandParser.parse("ask how do I   \"keep  it\" short", vertical: false).command as? AskCommand
        #expect(ask == AskCommand(text: "how do I keep  it short"))
        #expect(throws: ParseError.usage(command: "ask", problem: "missing the message ('ask -' reads it from standard input)",
                                         usage: AskCommand.spec.usage)) {
            try CommandParser.parse("ask", vertical: false)
        }
    }

    @Test func theFirstAskSeedsTheVisibleThreadAndTheNextSendsOnlyItsTurn() throws {
        let fake = try FakeOpenAIServer()
        let h = try CommandHarness(openAI: fake.config())
        try h.run("open \(SmallHistory.cronJobs)")
        try h.run("ask first")
        #expect(try fake.calls() == ["GET /models", "POST /conversations", "POST /responses"])
        let seed = try fake.posted(to: "/conversations")[0]
        #expect(FakeOpenAIServer.items(seed) == ["user: How do WP cron jobs run?", "assistant: On page loads, unless DISABLE_WP_CRON."])
        #expect(seed["metadata"]?["chatbeto_conversation"]?.string == SmallHistory.cronJobs)
        let threadID = try #require(try h.serverThread(SmallHistory.cronJobs).id)

        try h.run("ask second")
        #expect(try fake.calls().count == 4, "the second turn is one POST /responses: no model check, no seeding")
        let turns = try fake.posted(to: "/responses")
        #expect(turns.map { $0["input"]?.string } == ["first", "second"])
        #expect(turns.allSatisfy { $0["conversation"]?.string == threadID && $0["model"]?.string == "gpt-5-mini" && $0["stream"]?.bool == true })
        #expect(turns.allSatisfy { $0["instructions"] == nil })

        let local = try h.thread(SmallHistory.cronJobs)
        #expect(local == ["user: How do WP cron jobs run?", "assistant: On page loads, unless DISABLE_WP_CRON.",
                          "user: first", "assistant: You said: first", "user: second", "assistant: You said: second"])
        #expect(try fake.serverItems(threadID) == local, "the server copy holds the same thread")
        let leaf = try Catalog(connection: h.database.connection).visibleThread(conversationID: SmallHistory.cronJobs).last?.nodeID
        #expect(try h.serverThread(SmallHistory.cronJobs).seededNode == leaf)
        #expect(try h.serverThread(SmallHistory.cronJobs).currentNode == leaf)
        #expect(h.sink.replyText == "You said: firstYou said: second")
        #expect(h.sink.replyEvents.filter { $0 == .started(model: "gpt-5-mini") }.count == 2)
        #expect(h.context.state.conversation?.messageCount == 6)
    }

    @Test func aThreadOfMoreThanTwoMessagesIsSeededOnlyOnceTheUserAgrees() throws {
        let fake = try FakeOpenAIServer()
        let h = try CommandHarness(openAI: fake.config())
        try h.database.connection.query("UPDATE messages SET text = 'You are a WordPress expert.' WHERE node_id = 'n0'")
        try h.run("open \(SmallHistory.pluginFix)")
        h.sink.answers = [false]
        #expect(throws: ChatError.seedingDeclined) { try h.run("ask still broken") }
        #expect(h.sink.questions.count == 1, "a thread of two turns is not offered a shorter seed")
        #expect(h.sink.questions[0].hasPrefix("Seeding the new server conversation with 3 messages (~"))
        #expect(h.sink.questions[0].hasSuffix("with gpt-5-mini). Send?"))
        #expect(try fake.calls() == ["GET /models"])
        #expect(try h.thread(SmallHistory.pluginFix).count == 3)
        #expect(try h.serverThread(SmallHistory.pluginFix).id == nil)

        h.sink.answers = [true]
        try h.run("ask still broken")
        // The hidden system message and the regenerated (off-path) reply are not sent.
        #expect(try fake.posted(to: "/conversations").map(FakeOpenAIServer.items)
                == [["user: My plugin breaks on save", "assistant: Check the save_post hook.", "user: Thanks, fixed!"]])
        #expect(try h.thread(SmallHistory.pluginFix).suffix(2) == ["user: still broken", "assistant: You said: still broken"])
    }

    @Test func theProjectsInstructionsGoWithEachTurnOfItsConversations() throws {
        let fake = try FakeOpenAIServer()
        let h = try CommandHarness(openAI: fake.config())
        try Catalog(connection: h.database.connection).setInstructions(projectID: 1, "Answer in French.")
        try h.run("open \(SmallHistory.cronJobs)")
        try h.run("ask bonjour")
        try h.run("open \(SmallHistory.orphan)")
        try h.run("ask hello")
        #expect(try fake.posted(to: "/responses").map { $0["instructions"]?.string } == ["Answer in French.", nil])
    }

    @Test func chatbetoModelFromTheEnvironmentIsTheModelOfTheTurn() throws {
        let fake = try FakeOpenAIServer()
        let h = try CommandHarness(openAI: fake.config(), environment: ["CHATBETO_MODEL": "gpt-5-nano"])
        try h.run("open \(SmallHistory.orphan)")
        try h.run("ask hi")
        #expect(try fake.posted(to: "/responses").map { $0["model"]?.string } == ["gpt-5-nano"])
        #expect(h.sink.replyEvents.first == .started(model: "gpt-5-nano"))
        let stored = try h.database.connection.query(
            "SELECT model_slug FROM messages WHERE conversation_id = ? AND role = 'assistant'", [.text(SmallHistory.orphan)])
        #expect(stored.rows.map { $0[0].textValue } == ["gpt-5-nano"])
    }

    @Test func anIncompleteReplyIsKeptMarkedIncompleteWithAWarning() throws {
        let fake = try FakeOpenAIServer()
        let h = try CommandHarness(openAI: fake.config())
        try h.run("open \(SmallHistory.orphan)")
        try fake.queueFaults(["name": "incomplete", "path": "/v1/responses"])
        try h.run("ask tell me everything")
        #expect(h.sink.warnings.contains { $0.hasPrefix("reply incomplete (max_output_tokens)") })
        #expect(!h.sink.replyEvents.contains { if case .finished = $0 { return true } else { return false } })
        let reply = try h.database.connection.query(
            "SELECT is_incomplete, status FROM messages WHERE conversation_id = ? AND role = 'assistant'", [.text(SmallHistory.orphan)])
        #expect(reply.rows.map { [$0[0].int64Value.map(String.init) ?? "NULL", $0[1].textValue ?? "NULL"] } == [["1", "incomplete"]])
    }

    @Test func aFailedRequestStoresNoTurnAndTheNextAskSendsItAgain() throws {
        let fake = try FakeOpenAIServer()
        let h = try CommandHarness(openAI: fake.config())
        try h.run("open \(SmallHistory.orphan)")
        try fake.queueFaults(["name": "server_error", "path": "/v1/responses"])
        #expect(throws: OpenAIError.self) { try h.run("ask hello") }
        #expect(h.sink.replyEvents == [.aborted])
        #expect(try h.thread(SmallHistory.orphan) == ["user: Hello orphan"], "nothing half-written")
        let threadID = try #require(try h.serverThread(SmallHistory.orphan).id, "the seeding before the failed turn is kept")

        try h.run("ask hello")
        #expect(try fake.posted(to: "/conversations").count == 1, "the server copy is not seeded twice")
        #expect(try fake.posted(to: "/responses").last?["conversation"]?.string == threadID)
        #expect(try h.thread(SmallHistory.orphan) == ["user: Hello orphan", "user: hello", "assistant: You said: hello"])
    }

    @Test func withoutAKeyAskSaysHowToSetOneAndStoresNothing() throws {
        let h = try CommandHarness()
        try h.run("open \(SmallHistory.orphan)")
        #expect(throws: ChatError.noAPIKey) { try h.run("ask hi") }
        #expect(ChatError.noAPIKey.description.contains("OPENAI_API_KEY"))
        #expect(try h.thread(SmallHistory.orphan) == ["user: Hello orphan"])
        #expect(h.sink.replyEvents.isEmpty)
    }

    @Test func showAfterAskShowsTheNewTurns() throws {
        let fake = try FakeOpenAIServer()
        let h = try CommandHarness(openAI: fake.config())
        try h.run("open \(SmallHistory.orphan)")
        try h.run("ask what is new")
        let shown = CommandHarness.text(try h.run("show"))
        #expect(shown.contains("Hello orphan") && shown.contains("what is new") && shown.contains("You said: what is new"))
    }
}
