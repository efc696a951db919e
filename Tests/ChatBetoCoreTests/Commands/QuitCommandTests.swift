@testable import ChatBetoStore
import ChatBetoTestSupport
import Foundation
import Testing
@testable import ChatBetoCore

/// `quit` (`exit`, `\q`) in-process: it asks the loop to end, takes no arguments, and touches no session.
@Suite struct QuitCommandTests {
    @Test func quitExitAndBackslashQAreOneCommandWithoutArguments() throws {
        for line in ["quit", "exit", "\\q", "QUIT"] {
            #expect(try CommandParser.parse(line, vertical: false).command as? QuitCommand == QuitCommand(), "\(line)")
        }
        #expect(throws: ParseError.usage(command: "quit", problem: "too many arguments: 'now'", usage: "quit")) {
            try CommandParser.parse("quit now", vertical: false)
        }
    }

    @Test func quitAsksTheLoopToEndAndShowsNothing() throws {
        let h = try CommandHarness()
        let loop = RecordingLoop()
        h.context.loop = loop
        try h.run("quit")
        #expect(loop.quits == 1)
        #expect(h.sink.results.count == 1 && h.sink.events.isEmpty)
        if case .none? = h.sink.results.first {} else { Issue.record("quit showed \(h.sink.results)") }
    }

    @Test func quitAsTheFirstCommandRestoresNoSession() throws {
        let first = try CommandHarness()
        try first.run("use ChatGPT")
        let next = try CommandHarness(database: first.database)
        let loop = RecordingLoop()
        next.context.loop = loop
        try next.run("exit")
        #expect(loop.quits == 1)
        #expect(!next.context.sessionRestored, "quit needs no database")
        #expect(next.context.state.project == nil)
    }

    @Test func whatWasOpenedBeforeQuitIsThereInTheNextSession() throws {
        let h = try CommandHarness()
        let loop = RecordingLoop()
        h.context.loop = loop
        try h.run("open \(SmallHistory.cronJobs)")
        try h.run("quit")
        let next = try CommandHarness(database: h.database)
        try next.context.prepareSession()
        #expect(next.context.state.conversation?.id == SmallHistory.cronJobs)
        #expect(next.context.state.project?.name == "Wordpress")
    }

    @Test func withoutALoopQuitIsHarmless() throws {
        let h = try CommandHarness()
        try h.run("quit")
        try h.run("open \(SmallHistory.orphan)")
        #expect(h.context.state.conversation?.id == SmallHistory.orphan)
    }
}
