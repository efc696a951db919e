@testable import ChatBetoOpenAI
@testable import ChatBetoStore
import ChatBetoTestSupport
import Foundation
import Testing
@testable import ChatBetoCore

/// `forget` in-process: the DELETEs the fake server receives, the ids cleared in the database, the
/// local history kept, and the next turn seeding a new server copy.
@Suite struct ForgetCommandTests {
    /// A harness at the fake server where `conversations` each had one turn (so each has a server copy).
    private func chatted(_ fake: FakeOpenAIServer, in conversations: [String]) throws -> CommandHarness {
        let h = try CommandHarness(openAI: fake.config())
        h.sink.answers = Array(repeating: true, count: conversations.count)
        for c in conversations {
            try h.run("open \(c)")
            try h.run("ask hi")
        }
        #expect(h.sink.questions.count == conversations.filter { $0 == SmallHistory.pluginFix }.count)
        h.sink.answers = []
        try fake.call("DELETE", "requests")
        return h
    }

    @Test func forgetDeletesTheCurrentServerCopyClearsItsIdsAndKeepsTheHistory() throws {
        let fake = try FakeOpenAIServer()
        let h = try chatted(fake, in: [SmallHistory.cronJobs])
        let threadID = try #require(try h.serverThread(SmallHistory.cronJobs).id)
        let result = try h.run("forget")
        #expect(try fake.calls() == ["DELETE /conversations/\(threadID)"])
        guard case .report(let text, let json)? = result else { Issue.record("not a report: \(String(describing: result))"); return }
        #expect(text == "forgot 1 server conversation of 'Cron jobs'; the local history is kept")
        #expect(json == "{\"forgotten\": 1, \"failed\": 0}")
        let cleared = try h.serverThread(SmallHistory.cronJobs)
        #expect(cleared.id == nil && cleared.seededNode == nil)
        #expect(h.context.state.conversation?.openAIConversationID == nil)
        #expect(try h.thread(SmallHistory.cronJobs).count == 4)
        #expect(throws: OpenAIError.self) { _ = try fake.serverItems(threadID) }
    }

    @Test func forgetNeedsATargetWhenNothingIsCurrent() throws {
        let h = try CommandHarness()
        #expect(throws: ParseError.usage(command: "forget", problem: "no current conversation; name a conversation or a project",
                                         usage: ForgetCommand.spec.usage)) {
            try h.run("forget")
        }
        #expect(throws: LookupError.self) { try h.run("forget nothing-like-this") }
    }

    @Test func forgettingAConversationWithoutAServerCopySendsNothingAndNeedsNoKey() throws {
        let h = try CommandHarness()
        try h.run("open \(SmallHistory.orphan)")
        #expect(CommandHarness.text(try h.run("forget")) == "forgot 0 server conversations of 'Orphan talk'; the local history is kept")
    }

    @Test func forgetAProjectAsksFirstAndDeletesEveryCopyInIt() throws {
        let fake = try FakeOpenAIServer()
        let h = try chatted(fake, in: [SmallHistory.pluginFix, SmallHistory.cronJobs, SmallHistory.orphan])
        let orphanCopy = try h.serverThread(SmallHistory.orphan).id
        h.sink.answers = [false]
        #expect(CommandHarness.text(try h.run("forget Wordpress")) == "nothing deleted")
        #expect(h.sink.questions.last == "Delete the server copies of 2 conversations in project 'Wordpress'?")
        #expect(try fake.requests().isEmpty)
        #expect(try h.serverThread(SmallHistory.cronJobs).id != nil)

        h.sink.answers = [true]
        #expect(CommandHarness.text(try h.run("forget Wordpress")) == "forgot 2 server conversations in project 'Wordpress'; the local history is kept")
        #expect(try fake.calls().filter { $0.hasPrefix("DELETE /conversations/") }.count == 2)
        #expect(try h.serverThread(SmallHistory.pluginFix).id == nil && h.serverThread(SmallHistory.cronJobs).id == nil)
        #expect(try h.serverThread(SmallHistory.orphan).id == orphanCopy, "other conversations keep their copies")
    }

    @Test func aCopyAlreadyGoneOnTheServerIsClearedAndAFailedDeleteIsKept() throws {
        let fake = try FakeOpenAIServer()
        let h = try chatted(fake, in: [SmallHistory.cronJobs, SmallHistory.orphan])
        let gone = try #require(try h.serverThread(SmallHistory.cronJobs).id)
        _ = try OpenAIClient(config: fake.config(), retryPolicy: RetryPolicy(maxRetries: 0)).deleteConversation(id: gone)
        #expect(CommandHarness.text(try h.run("forget \(SmallHistory.cronJobs)")).hasPrefix("forgot 1 server conversation of 'Cron jobs'"))
        #expect(try h.serverThread(SmallHistory.cronJobs).id == nil)

        let kept = try #require(try h.serverThread(SmallHistory.orphan).id)
        try fake.queueFaults(["name": "server_error", "path": .string("/v1/conversations/\(kept)")])
        let text = CommandHarness.text(try h.run("forget cccc"))
        #expect(text.hasPrefix("forgot 0 server conversations of 'Orphan talk'"))
        #expect(text.contains("\n  not deleted \(SmallHistory.orphan): "))
        #expect(try h.serverThread(SmallHistory.orphan).id == kept, "a copy that could not be deleted keeps its id")
    }

    @Test func afterForgetTheNextTurnSeedsANewCopyFromTheLocalHistory() throws {
        let fake = try FakeOpenAIServer()
        let h = try chatted(fake, in: [SmallHistory.cronJobs])
        let old = try #require(try h.serverThread(SmallHistory.cronJobs).id)
        try h.run("forget")
        try h.run("continue")
        #expect(h.context.state.conversation?.id == SmallHistory.cronJobs)
        h.sink.answers = [true]
        try h.run("ask again")
        #expect(h.sink.questions.last?.hasPrefix("Seeding the new server conversation with 4 messages") == true)
        let new = try #require(try h.serverThread(SmallHistory.cronJobs).id)
        #expect(new != old)
        #expect(try fake.posted(to: "/conversations").map(FakeOpenAIServer.items)
                == [["user: How do WP cron jobs run?", "assistant: On page loads, unless DISABLE_WP_CRON.", "user: hi", "assistant: You said: hi"]])
        #expect(try fake.posted(to: "/responses").map { $0["conversation"]?.string } == [new])
        #expect(try fake.serverItems(new) == (try h.thread(SmallHistory.cronJobs)))
    }
}
