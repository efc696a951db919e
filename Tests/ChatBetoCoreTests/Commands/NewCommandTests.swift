@testable import ChatBetoOpenAI
@testable import ChatBetoStore
import ChatBetoTestSupport
import Foundation
import Testing
@testable import ChatBetoCore

/// `new [title]` in-process: the local conversation it creates, where it goes, and that its turns
/// get a server copy of their own while the conversation before keeps its own.
@Suite struct NewCommandTests {
    @Test func theTitleIsTheWordsAfterNewAndOptionsAreRefused() throws {
        #expect(try CommandParser.parse("new Fresh  start", vertical: false).command as? NewCommand == NewCommand(title: "Fresh start"))
        #expect(try CommandParser.parse("new", vertical: false).command as? NewCommand == NewCommand(title: nil))
        #expect(throws: ParseError.usage(command: "new", problem: "unknown option '--project'", usage: "new [title]")) {
            try CommandParser.parse("new --project Wordpress", vertical: false)
        }
    }

    @Test func newCreatesAnEmptyLocalConversationInTheProjectMakesItCurrentAndSavesIt() throws {
        let h = try CommandHarness()
        try h.run("use Wordpress")
        let text = CommandHarness.text(try h.run("new Fresh start")).trimmingCharacters(in: .newlines)
        let current = try #require(h.context.state.conversation)
        #expect(text == "New 'Fresh start' in 'Wordpress' (\(current.id)).")
        let row = try h.database.connection.query(
            "SELECT title, project_id, origin, default_model_slug, message_count, openai_thread_id FROM conversations WHERE id = ?",
            [.text(current.id)]).rows.map { $0.map { $0.textValue ?? "NULL" } }
        #expect(row == [["Fresh start", "1", "local", "gpt-5-mini", "0", "NULL"]])
        #expect(try h.thread(current.id).isEmpty)
        let next = try CommandHarness(database: h.database)
        try next.context.prepareSession()
        #expect(next.context.state.conversation?.id == current.id)
        #expect(try Catalog(connection: h.database.connection).countConversations(projectID: 1, orphansOnly: false, since: nil) == 3)
    }

    @Test func newWithoutATitleOrProjectIsAnUntitledOrphan() throws {
        let h = try CommandHarness()
        let text = CommandHarness.text(try h.run("new")).trimmingCharacters(in: .newlines)
        let current = try #require(h.context.state.conversation)
        #expect(text == "New untitled conversation (\(current.id)).")
        #expect(current.projectID == nil && current.title == nil)
        #expect(try h.database.connection.query("SELECT COUNT(*) FROM conversations WHERE project_id IS NULL").rows[0][0].int64Value == 2)
    }

    @Test func newTakesTheModelOfTheSession() throws {
        let h = try CommandHarness()
        try h.run("set model gpt-5.4")
        try h.run("new Picked")
        let id = try #require(h.context.state.conversation?.id)
        #expect(try h.database.connection.query("SELECT default_model_slug FROM conversations WHERE id = ?", [.text(id)]).rows[0][0].textValue == "gpt-5.4")
    }

    @Test func newThenAskThenOpenThePreviousKeepsEachConversationsServerCopyApart() throws {
        let fake = try FakeOpenAIServer()
        let h = try CommandHarness(openAI: fake.config())
        try h.run("open \(SmallHistory.cronJobs)")
        try h.run("new Side")
        let side = try #require(h.context.state.conversation?.id)
        #expect(side != SmallHistory.cronJobs)
        #expect(h.context.state.project?.name == "Wordpress", "new stays in the project of the conversation before")
        try h.run("ask side question")
        #expect(try fake.posted(to: "/conversations").map(FakeOpenAIServer.items) == [[]], "a new conversation seeds nothing")
        let sideCopy = try #require(try h.serverThread(side).id)
        #expect(try h.thread(side) == ["user: side question", "assistant: You said: side question"])
        #expect(try h.thread(SmallHistory.cronJobs).count == 2 && h.serverThread(SmallHistory.cronJobs).id == nil)

        try h.run("open \(SmallHistory.cronJobs)")
        try h.run("ask back again")
        let cronCopy = try #require(try h.serverThread(SmallHistory.cronJobs).id)
        #expect(cronCopy != sideCopy)
        #expect(try fake.posted(to: "/conversations").map(FakeOpenAIServer.items).last
                == ["user: How do WP cron jobs run?", "assistant: On page loads, unless DISABLE_WP_CRON."])
        #expect(try fake.posted(to: "/responses").map { $0["conversation"]?.string } == [sideCopy, cronCopy])
        #expect(try h.thread(SmallHistory.cronJobs).suffix(2) == ["user: back again", "assistant: You said: back again"])
        #expect(try h.thread(side).count == 2, "the side conversation is untouched")
        #expect(try fake.serverItems(sideCopy) == ["user: side question", "assistant: You said: side question"])
    }

    @Test func onATerminalNewEntersChatModeWhenAKeyIsSet() throws {
        let fake = try FakeOpenAIServer()
        let h = try CommandHarness(openAI: fake.config())
        let loop = RecordingLoop(canChat: true)
        h.context.loop = loop
        let text = CommandHarness.text(try h.run("new Chatty"))
        #expect(loop.chatModeEntered == 1)
        #expect(text.contains("New 'Chatty'") && text.contains("Chat mode with gpt-5-mini"))
        #expect(try fake.requests().isEmpty, "new sends nothing")
    }
}
