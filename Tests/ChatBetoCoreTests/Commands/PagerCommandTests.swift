@testable import ChatBetoRender
import ChatBetoTestSupport
import Foundation
import Testing
@testable import ChatBetoCore

/// `pager [CMD]`: turns paging on (a setting saved with the session, as `set pager on`) and picks the
/// command long output is piped to for this shell; the command is kept as typed, quotes included, and
/// run through `/bin/sh`.
@Suite struct PagerCommandTests {
    /// A pager script that writes its arguments, one a line, to `pager-args` and its input to `paged`.
    private func pagerScript(_ shell: ShellHarness) throws -> String {
        try shell.file("pager.sh", """
            #!/bin/sh
            dir=$(dirname "$0")
            for a in "$@"; do echo "$a"; done > "$dir/pager-args"
            cat > "$dir/paged"
            """, executable: true)
    }

    @Test func pagerWithoutACommandGoesBackToThePagerVariable() throws {
        let shell = try ShellHarness(interactive: true, history: false)
        shell.type("pager less -S", "pager")
        #expect(shell.terminal.pagerCommand == nil)
        #expect(shell.stdout.contains("Pager: less -S.") && shell.stdout.contains("Pager: $PAGER."))
        #expect(shell.terminal.pagerEnabled())
    }


    @Test func pagerCMDIsStoredAsTypedAndRunWithItsQuotes() throws {
        let shell = try ShellHarness(interactive: true, history: false)
        let script = try pagerScript(shell)
        shell.type("nopager", "pager \(script) -S -R \"x y\" 'a  b'")
        #expect(shell.terminal.pagerCommand == "\(script) -S -R \"x y\" 'a  b'")
        #expect(shell.context.settings.pager)
        #expect(shell.stdout.contains("Pager: \(script) -S -R \"x y\" 'a  b'."), "\(shell.stdout)")
        #expect(Pager(command: shell.terminal.pagerCommand).page("one\ntwo\n") == .paged)
        #expect(shell.read("pager-args") == "-S\n-R\nx y\na  b\n")
        #expect(shell.read("paged") == "one\ntwo\n")
        // The whole command in one pair of quotes is that command.
        shell.type("pager '\(script) -S -R \"x y\"'")
        #expect(shell.terminal.pagerCommand == "\(script) -S -R \"x y\"")
        #expect(Pager(command: shell.terminal.pagerCommand).page("three\n") == .paged)
        #expect(shell.read("pager-args") == "-S\n-R\nx y\n")
    }

    @Test func pagerTurnsThePagerSettingOnAndItIsSavedAndRestored() throws {
        let first = try CommandHarness(history: false)
        try first.run("set pager off")
        // The next shell: `pager` before anything else, then a statement (which restores the session).
        let next = try CommandHarness(database: first.database)
        #expect(CommandHarness.text(try next.run("pager more")) == "Pager: more.")
        try next.run("sql SELECT 1")
        #expect(next.context.settings.pager, "the restored session undid 'pager'")
        let third = try CommandHarness(database: first.database)
        try third.context.prepareSession()
        #expect(third.context.settings.pager)
        #expect(CommandHarness.rows(try third.run("set")).first { $0[0] == "pager" }?[1] == "on")
    }
}
