@testable import ChatBetoCore
@testable import ChatBetoStore
import Testing

@Suite struct CommandParserTests {
    func parse<T: ShellCommand>(_ text: String, as: T.Type) throws -> T? {
        try CommandParser.parse(text).command as? T
    }

    @Test func parsesCommandsIntoValues() throws {
        #expect(try parse("use Wordpress", as: UseCommand.self) == UseCommand(project: "Wordpress"))
        #expect(try parse("use -", as: UseCommand.self) == UseCommand(project: nil))
        #expect(try parse("use My Project", as: UseCommand.self) == UseCommand(project: "My Project"))
        #expect(try parse("conversations --limit 5 --orphans", as: ConversationsCommand.self) == ConversationsCommand(limit: 5, orphans: true))
        #expect(try parse("conversations --since 2024-05", as: ConversationsCommand.self)?.since == "2024-05-01")
        #expect(try parse("show 3 --all-branches", as: ShowCommand.self) == ShowCommand(conversation: "3", allBranches: true))
        #expect(try parse("project name g-p-abc 'New name'", as: ProjectCommand.self) == ProjectCommand(action: .rename(project: "g-p-abc", newName: "New name")))
        #expect(try parse("set format json", as: SetCommand.self) == SetCommand(name: "format", value: "json"))
        #expect(try parse("\\q", as: QuitCommand.self) == QuitCommand())
        #expect(try parse("EXIT", as: QuitCommand.self) == QuitCommand())
    }

    @Test func sqlStatementsAndFormats() throws {
        let i = try CommandParser.parse("sql SELECT 1 AS one --format json")
        #expect(i.command as? SQLCommand == SQLCommand(statement: "SELECT 1 AS one"))
        #expect(i.format == .json)
        let v = try CommandParser.parse("SELECT * FROM projects", vertical: true)
        #expect(v.format == .vertical)
        #expect(try CommandParser.parse("show tables").command as? SQLCommand == SQLCommand(statement: "show tables"))
        #expect(try CommandParser.parse("projects --format csv").format == .csv)
    }

    @Test func errorsNameTheProblemAndUsage() {
        #expect(throws: ParseError.unknownCommand("conversatons", suggestion: "conversations")) { try CommandParser.parse("conversatons") }
        do {
            _ = try CommandParser.parse("conversations --limit many")
            Issue.record("expected a usage error")
        } catch let e as ParseError {
            #expect(e.description.contains("--limit needs a whole number"))
            #expect(e.description.contains("usage: conversations [--limit N]"))
        } catch { Issue.record("unexpected \(error)") }
        #expect(throws: ParseError.self) { try CommandParser.parse("use") }
        #expect(throws: ParseError.self) { try CommandParser.parse("projects --bogus") }
        #expect(throws: ParseError.self) { try CommandParser.parse("projects --format xml") }
        #expect(throws: ParseError.unterminatedQuote("\"")) { try CommandParser.parse("use \"Word") }
    }

    @Test func everyCommandHasUsageAndHelpAndAUniqueName() {
        var seen = Set<String>()
        for type in CommandTable.all {
            let s = type.spec
            #expect(!s.usage.isEmpty && !s.summary.isEmpty)
            for n in [s.name] + s.aliases { #expect(seen.insert(n).inserted, "duplicate command name \(n)") }
            #expect(CommandTable.lookup(s.name) != nil)
        }
        #expect(CommandTable.markdownReference.contains("`use <project>\\|-`"))
    }
}
