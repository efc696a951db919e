import ChatBetoTestSupport
import Foundation
import Testing
@testable import ChatBetoCore

/// `nopager`: output is printed directly (`set pager off`): the setting is off, saved with the
/// session, and the shell's output no longer goes through a pager.
@Suite struct NoPagerCommandTests {
    @Test func nopagerTurnsPagingOffForTheShellsOutput() throws {
        let shell = try ShellHarness(interactive: true, history: false)
        shell.type("pager cat", "nopager")
        #expect(!shell.context.settings.pager)
        #expect(!shell.terminal.pagerEnabled())
        #expect(shell.stdout.contains("Pager off."))
        // `pager` turns it on again, with the command chosen before.
        shell.type("pager")
        #expect(shell.terminal.pagerEnabled())
    }

    @Test func nopagerTakesNoArguments() throws {
        let h = try CommandHarness(history: false)
        #expect(throws: ParseError.usage(command: "nopager", problem: "too many arguments: 'less'", usage: "nopager")) { try h.run("nopager less") }
        #expect(h.context.settings.pager)
    }

    @Test func nopagerIsSavedLikeSetPagerOffAndARestoreDoesNotUndoIt() throws {
        let first = try CommandHarness(history: false)
        try first.run("set pager on")
        let next = try CommandHarness(database: first.database)
        #expect(CommandHarness.text(try next.run("nopager")) == "Pager off.")
        try next.run("sql SELECT 1")
        #expect(!next.context.settings.pager, "the restored session undid 'nopager'")
        let third = try CommandHarness(database: first.database)
        #expect(CommandHarness.rows(try third.run("set")).first { $0[0] == "pager" }?[1] == "off")
    }
}
