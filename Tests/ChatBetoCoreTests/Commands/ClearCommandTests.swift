import ChatBetoTestSupport
import Foundation
import Testing
@testable import ChatBetoCore

/// `\c` / `clear` drops the statement being typed, as in `mysql`: anywhere on a line outside quotes
/// and SQL comments (what follows it on the line is read as new input), at the prompt and in scripts;
/// the dropped statement stays in the history, the last complete statement is kept for `\e`.
@Suite struct ClearCommandTests {
    @Test func clearAsAWordAndBackslashCWorkInScriptsToo() throws {
        let shell = try ShellHarness(interactive: false, history: false)
        let script = try shell.file("s.chatbeto", "SELECT 'gone' AS g\nclear\nSELECT 'also gone' AS g2 \\c\nSELECT 'stays' AS s;\nCLEAR;\n")
        #expect(shell.type("source \(script)", sourceName: "-e") == .success)
        #expect(shell.stderr == "", "\(shell.stderr)")
        #expect(shell.stdout.contains("stays") && !shell.stdout.contains("gone"), "\(shell.stdout)")
    }

    @Test func clearRunsAsANoOpAndTakesNoArguments() throws {
        let h = try CommandHarness(history: false)
        guard case .none? = try h.run("clear") else { Issue.record("clear showed something"); return }
        #expect(throws: ParseError.usage(command: "clear", problem: "too many arguments: 'all'", usage: ClearCommand.spec.usage)) { try h.run("clear all") }
    }

    @Test func backslashCDropsTheStatementTypedSoFar() throws {
        let shell = try ShellHarness(interactive: true, history: false)
        #expect(shell.type("SELECT 1 AS dropped", ", 2 \\c", "SELECT 7 AS kept;") == .success)
        #expect(!shell.stdout.contains("dropped") && shell.stdout.contains("| kept |"), "\(shell.stdout)")
        #expect(shell.reader.history == ["SELECT 1 AS dropped\n, 2", "SELECT 7 AS kept;"])
        // A continuation prompt was shown for the dropped statement, then the main prompt again.
        #expect(shell.reader.prompts.prefix(3) == ["chatbeto> ", "      -> ", "chatbeto> "])
    }

    @Test func backslashCInTheMiddleOfALineDropsWhatCameBeforeAndReadsWhatFollows() throws {
        let shell = try ShellHarness(interactive: true)
        shell.type("SELECT 'gone' AS g \\c SELECT 'next' AS n;", "use Wordpress \\c", "SELECT 'a' AS x, \\cSELECT 'b' AS y;")
        #expect(!shell.stdout.contains("gone") && shell.stdout.contains("| next |"), "\(shell.stdout)")
        #expect(shell.context.state.project == nil, "a dropped 'use' ran")
        #expect(!shell.stdout.contains("| x |") && shell.stdout.contains("| y |"))
        #expect(shell.stderr == "")
    }

    @Test func insideQuotesAndCommentsBackslashCIsText() throws {
        let shell = try ShellHarness(interactive: true, history: false)
        shell.type("SELECT 'a\\c b' AS q1, \"x \\e y\" AS q2;",
                   "SELECT 'open", "still \\c", "' AS q3;",
                   "SELECT 1 AS c1 -- not \\c here", ";",
                   "SELECT /* \\c */ 2 AS c2;")
        #expect(shell.stderr == "", "\(shell.stderr)")
        let out = shell.stdout
        #expect(out.contains("| ac b | x e y |"), "\(out)")
        #expect(out.contains("still c"), "a \\c inside a quote opened on an earlier line dropped the statement")
        #expect(out.contains("| c1 |") && out.contains("| c2 |"))
    }

    // The buffer's pure parts (what the REPL acts on).

    @Test func bufferCommandsAreFoundOutsideQuotesOnly() {
        #expect(StatementBuffer.clientCommand(in: "SELECT 1 \\c") == .clear(rest: "SELECT 1 ", after: ""))
        #expect(StatementBuffer.clientCommand(in: "  , 2 \\e  ", pending: "SELECT 1") == .edit(rest: "  , 2 ", after: "  "))
        #expect(StatementBuffer.clientCommand(in: "SELECT 1 \\c SELECT 2;") == .clear(rest: "SELECT 1 ", after: " SELECT 2;"))
        #expect(StatementBuffer.clientCommand(in: "clear", pending: "SELECT 1") == .clear(rest: "", after: ""))
        #expect(StatementBuffer.clientCommand(in: "EDIT") == .edit(rest: "", after: ""))
        // Inside a quote (also one opened on an earlier line), an escaped backslash, a comment: text.
        #expect(StatementBuffer.clientCommand(in: "SELECT 'a\\c") == nil)
        #expect(StatementBuffer.clientCommand(in: "b \\c", pending: "SELECT 'a") == nil)
        #expect(StatementBuffer.clientCommand(in: "clear", pending: "SELECT 'a") == nil)
        #expect(StatementBuffer.clientCommand(in: "SELECT 'a\\\\c'") == nil)
        #expect(StatementBuffer.clientCommand(in: "SELECT 1 \\\\c") == nil)
        #expect(StatementBuffer.clientCommand(in: "SELECT 1 -- \\c") == nil)
        #expect(StatementBuffer.clientCommand(in: "# \\c") == nil)
        #expect(StatementBuffer.clientCommand(in: "SELECT 1 \\G") == nil)
        #expect(StatementBuffer.clientCommand(in: "SELECT 1;") == nil)
    }

    @Test func aStatementOverLinesIsOneEntryAndTheLastOneIsKept() {
        var buffer = StatementBuffer()
        buffer.append("SELECT 40")
        buffer.append("+ 2;")
        #expect(buffer.text == "SELECT 40\n+ 2;")
        buffer.finish()
        #expect(buffer.text == "" && buffer.last == "SELECT 40\n+ 2;")
        buffer.append("SELECT 'dropped'")
        buffer.clear()
        #expect(buffer.last == "SELECT 40\n+ 2;")
    }
}
