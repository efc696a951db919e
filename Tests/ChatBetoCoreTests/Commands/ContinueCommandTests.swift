@testable import ChatBetoOpenAI
@testable import ChatBetoStore
import ChatBetoTestSupport
import Foundation
import Testing
@testable import ChatBetoCore

/// `continue` in-process: which conversation it picks, the recap it shows, chat mode only where a
/// person types, and what the next `ask` then sends.
@Suite struct ContinueCommandTests {
    @Test func continueTakesAtMostOneConversation() throws {
        #expect(try CommandParser.parse("continue 2", vertical: false).command as? ContinueCommand == ContinueCommand(conversation: "2"))
        #expect(throws: ParseError.usage(command: "continue", problem: "too many arguments: '1 2'", usage: ContinueCommand.spec.usage)) {
            try CommandParser.parse("continue 1 2", vertical: false)
        }
    }

    @Test func continueResumesTheProjectsMostRecentConversationShowsItsLastTurnsAndSavesIt() throws {
        let h = try CommandHarness()
        try h.run("use Wordpress")
        let shown = CommandHarness.text(try h.run("continue"))
        #expect(h.context.state.conversation?.id == SmallHistory.pluginFix)
        #expect(shown.contains("Plugin fix") && shown.contains("Check the save_post hook.") && shown.contains("Thanks, fixed!"))
        #expect(!shown.contains("First answer (regenerated)"), "the recap is the visible thread")
        let next = try CommandHarness(database: h.database)
        try next.context.prepareSession()
        #expect(next.context.state.conversation?.id == SmallHistory.pluginFix)
    }

    @Test func continueKeepsTheCurrentConversationOverTheMostRecentOne() throws {
        let h = try CommandHarness()
        try h.run("open \(SmallHistory.cronJobs)")
        let shown = CommandHarness.text(try h.run("continue"))
        #expect(h.context.state.conversation?.id == SmallHistory.cronJobs)
        #expect(shown.contains("On page loads, unless DISABLE_WP_CRON."))
    }

    @Test func continueResumesAnOpenedConversationOutsideTheCurrentProject() throws {
        let h = try CommandHarness()
        try h.run("use Wordpress")
        try h.run("open \(SmallHistory.orphan)")
        let shown = CommandHarness.text(try h.run("continue"))
        #expect(h.context.state.conversation?.id == SmallHistory.orphan, "continue resumes the conversation just opened")
        #expect(shown.contains("Hello orphan"))
    }

    @Test func continueWithoutAProjectResumesTheMostRecentOfAll() throws {
        let h = try CommandHarness()
        try h.run("continue")
        #expect(h.context.state.conversation?.id == SmallHistory.pluginFix)
        #expect(h.context.state.project?.name == "Wordpress", "the conversation's project becomes current")
    }

    @Test func continueNAndAPrefixPickThatConversationAndItsProject() throws {
        let h = try CommandHarness()
        try h.run("use Wordpress")
        try h.run("conversations")
        try h.run("continue 2")
        #expect(h.context.state.conversation?.id == SmallHistory.cronJobs)
        try h.run("continue bbbb")
        #expect(h.context.state.conversation?.id == SmallHistory.cafe)
        #expect(h.context.state.project?.name == "ChatGPT")
        #expect(throws: LookupError.self) { try h.run("continue 7") }
        #expect(h.context.state.conversation?.id == SmallHistory.cafe)
    }

    @Test func continueInAnEmptyDatabaseSaysHowToGetConversations() throws {
        let h = try CommandHarness(history: false)
        do {
            try h.run("continue")
            Issue.record("continue found a conversation in an empty database")
        } catch let error as LookupError {
            #expect(error.description == "no conversations in the database yet; import an export first ('import --demo' to try)")
        }
        #expect(h.context.state.conversation == nil)
    }

    @Test func continueInAnEmptyProjectSaysHowToStartOne() throws {
        let h = try CommandHarness()
        try h.database.connection.query("INSERT INTO projects (id, name, name_source) VALUES (3, 'Empty one', 'user')")
        try h.run("use Empty one")
        do {
            try h.run("continue")
            Issue.record("continue found a conversation in an empty project")
        } catch let error as LookupError {
            #expect(error.description == "no conversations in project 'Empty one' yet; 'new' starts one here, or 'import' an export")
        }
        #expect(h.context.state.conversation == nil && h.context.state.project?.name == "Empty one")
    }

    @Test func chatModeStartsOnlyWhereAPersonTypesAndOnlyWithAKey() throws {
        let fake = try FakeOpenAIServer()
        let script = try CommandHarness(openAI: fake.config())
        let scriptLoop = RecordingLoop(canChat: false)
        script.context.loop = scriptLoop
        try script.run("continue")
        #expect(scriptLoop.chatModeEntered == 0)

        let terminal = try CommandHarness(openAI: fake.config())
        let terminalLoop = RecordingLoop(canChat: true)
        terminal.context.loop = terminalLoop
        terminal.context.settings.pager = true
        let result = try terminal.run("continue")
        #expect(terminalLoop.chatModeEntered == 1)
        #expect(CommandHarness.text(result).hasPrefix("Chat mode with gpt-5-mini"))
        #expect(CommandHarness.text(terminal.sink.results.first).contains("Thanks, fixed!"), "the recap is shown before chat mode")
        #expect(terminal.context.settings.pager, "the pager setting is back after the recap")

        let noKey = try CommandHarness()
        let noKeyLoop = RecordingLoop(canChat: true)
        noKey.context.loop = noKeyLoop
        try noKey.run("continue")
        #expect(noKeyLoop.chatModeEntered == 0)
        #expect(noKey.sink.warnings == [ChatError.noAPIKey.description])
        #expect(try fake.requests().isEmpty, "continue itself sends nothing")
    }

    @Test func continueAfterRetryGoesOnFromTheRegeneratedReply() throws {
        let fake = try FakeOpenAIServer()
        let h = try CommandHarness(openAI: fake.config())
        try h.run("open \(SmallHistory.orphan)")
        try h.run("ask one")
        try fake.configure(["reply": "Regenerated"])
        try h.run("retry")
        try fake.configure(["reply": "Fine"])
        let shown = CommandHarness.text(try h.run("continue"))
        #expect(shown.contains("Regenerated") && !shown.contains("You said: one"))
        try h.run("ask two")
        let threadID = try #require(try h.serverThread(SmallHistory.orphan).id)
        #expect(try fake.posted(to: "/conversations").count == 1, "nothing seeded again")
        #expect(try fake.posted(to: "/responses").map { $0["conversation"]?.string } == [threadID, threadID, threadID])
        let expected = ["user: Hello orphan", "user: one", "assistant: Regenerated", "user: two", "assistant: Fine"]
        #expect(try h.thread(SmallHistory.orphan) == expected)
        #expect(try fake.serverItems(threadID) == expected)
    }
}
