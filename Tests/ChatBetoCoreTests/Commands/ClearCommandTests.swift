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

    // The buffer's pure parts (what the REPL acts on).

    @Test func backslashCAndEAtTheEndOfALineAreBufferCommands() {
        #expect(StatementBuffer.clientCommand(in: "SELECT 1 \\c", continuing: false) == .clear(rest: "SELECT 1 "))
        #expect(StatementBuffer.clientCommand(in: "  , 2 \\e  ", continuing: true) == .edit(rest: ", 2 "))
        #expect(StatementBuffer.clientCommand(in: "clear", continuing: true) == .clear(rest: ""))
        #expect(StatementBuffer.clientCommand(in: "EDIT", continuing: false) == .edit(rest: ""))
        // Inside a quote, or an escaped backslash: text, not a command.
        #expect(StatementBuffer.clientCommand(in: "SELECT 'a\\c", continuing: false) == nil)
        #expect(StatementBuffer.clientCommand(in: "SELECT 'a\\\\c'", continuing: false) == nil)
        #expect(StatementBuffer.clientCommand(in: "SELECT 1;", continuing: false) == nil)
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
