@testable import ChatBetoCore
import Testing

@Suite struct ChatCommandParsingTests {
    @Test func chatCommandsParse() throws {
        #expect(try CommandParser.parse(#"ask "summarise this""#).command as? AskCommand == AskCommand(text: "summarise this"))
        #expect(try CommandParser.parse("ask what is   this").command as? AskCommand == AskCommand(text: "what is this"))
        #expect(try CommandParser.parse("new My title").command as? NewCommand == NewCommand(title: "My title"))
        #expect(try CommandParser.parse("new").command as? NewCommand == NewCommand(title: nil))
        #expect(try CommandParser.parse("retry").command is RetryCommand)
        #expect(try CommandParser.parse("models").command is ModelsCommand)
        #expect(try CommandParser.parse("sync Wordpress --limit 5 --dry-run").command as? SyncCommand
                == SyncCommand(project: "Wordpress", limit: 5, dryRun: true))
        #expect(throws: ParseError.self) { try CommandParser.parse("ask") }
        #expect(throws: ParseError.self) { try CommandParser.parse("sync --limit 0") }
    }

    @Test func slashLinesInChatModeAreCommands() {
        #expect(ChatMode.command(fromSlashLine: "/show") == "show")
        #expect(ChatMode.command(fromSlashLine: "/model gpt-5.4") == "set model gpt-5.4")
        #expect(ChatMode.command(fromSlashLine: "/model") == "set")
        #expect(ChatMode.isLeave("/exit") && ChatMode.isLeave(" /EXIT ") && !ChatMode.isLeave("/show"))
    }
}
