import ChatBetoTestSupport
import Foundation
import Testing
@testable import ChatBetoCore

/// `notee`: stops the copy `tee` started, names the file, and says so when there was none.
@Suite struct NoTeeCommandTests {
    @Test func noteeStopsTheCopyAndNamesTheFile() throws {
        let shell = try ShellHarness(interactive: false, history: false)
        let log = shell.directory.appendingPathComponent("t.log").path
        shell.type("tee \(log)", "SELECT 'kept' AS k;", "notee", "SELECT 'not kept' AS n;", "notee", sourceName: "-e")
        let logged = try #require(shell.read("t.log"))
        #expect(logged.contains("| kept |") && !logged.contains("not kept"), "\(logged)")
        #expect(!shell.terminal.tee.isActive)
        #expect(shell.stderr == "", "\(shell.stderr)")
    }

    @Test func noteeSaysWhetherAFileWasBeingWritten() throws {
        let shell = try ShellHarness(interactive: true, history: false)
        let log = shell.directory.appendingPathComponent("t.log").path
        shell.type("notee", "tee \(log)", "notee")
        let out = shell.stdout
        let none = try #require(out.range(of: "Not logging to a file."))
        let stopped = try #require(out.range(of: "Stopped logging to '\(log)'."))
        #expect(none.lowerBound < stopped.lowerBound)
        // Without a terminal sink there is no file to stop.
        let h = try CommandHarness(history: false)
        #expect(CommandHarness.text(try h.run("notee")) == "Not logging to a file.")
        #expect(throws: ParseError.usage(command: "notee", problem: "too many arguments: 'now'", usage: "notee")) { try h.run("notee now") }
    }
}
