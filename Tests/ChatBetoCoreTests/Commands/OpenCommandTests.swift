@testable import ChatBetoStore
import ChatBetoTestSupport
import Foundation
import Testing
@testable import ChatBetoCore

/// `open <conversation>|N` in-process: how the reference is resolved, the project that follows, the
/// saved session, and the errors naming what was typed.
@Suite struct OpenCommandTests {
    @Test func openTakesExactlyOneReference() throws {
        #expect(try CommandParser.parse("open 3", vertical: false).command as? OpenCommand == OpenCommand(conversation: "3"))
        #expect(throws: ParseError.usage(command: "open", problem: "missing argument", usage: OpenCommand.spec.usage)) {
            try CommandParser.parse("open", vertical: false)
        }
        #expect(throws: ParseError.usage(command: "open", problem: "too many arguments: 'a b'", usage: OpenCommand.spec.usage)) {
            try CommandParser.parse("open a b", vertical: false)
        }
    }

    @Test func openByIdMakesItAndItsProjectCurrentAndSavesThem() throws {
        let h = try CommandHarness()
        let text = CommandHarness.text(try h.run("open \(SmallHistory.cafe)"))
        #expect(text == "Opened 'Café ñandú 🥘' (\(SmallHistory.cafe)).")
        #expect(h.context.state.conversation?.id == SmallHistory.cafe)
        #expect(h.context.state.project?.name == "ChatGPT")
        let next = try CommandHarness(database: h.database)
        try next.context.prepareSession()
        #expect(next.context.state.conversation?.id == SmallHistory.cafe && next.context.state.project?.name == "ChatGPT")
    }

    @Test func openByPrefixOrRowNumberOfTheLastListing() throws {
        let h = try CommandHarness()
        try h.run("open cccc")
        #expect(h.context.state.conversation?.id == SmallHistory.orphan)
        try h.run("use Wordpress")
        try h.run("conversations")
        try h.run("open 2")
        #expect(h.context.state.conversation?.id == SmallHistory.cronJobs)
        try h.run("open 1")
        #expect(h.context.state.conversation?.id == SmallHistory.pluginFix)
    }

    @Test func openingAnOrphanKeepsTheCurrentProject() throws {
        let h = try CommandHarness()
        try h.run("use Wordpress")
        try h.run("open \(SmallHistory.orphan)")
        #expect(h.context.state.project?.name == "Wordpress", "an orphan has no project to switch to")
        #expect(h.context.state.conversation?.id == SmallHistory.orphan)
    }

    @Test func badReferencesAreErrorsThatSayWhatToDoAndChangeNothing() throws {
        let h = try CommandHarness()
        try h.run("open \(SmallHistory.orphan)")
        func message(_ line: String) -> String {
            do { try h.run(line); return "no error" } catch { return String(describing: error) }
        }
        #expect(message("open 3") == "no row matches '3'; list conversations first ('conversations')")
        try h.run("use Wordpress")
        try h.run("conversations")
        #expect(message("open 5") == "no row matches '5'; the last listing has 2 rows")
        #expect(message("open zzzz") == "no conversation matches 'zzzz'; type 'conversations' to list them")
        let ambiguous = message("open aaaa")
        #expect(ambiguous.hasPrefix("'aaaa' matches several conversations; be more specific:"))
        #expect(ambiguous.contains("\(SmallHistory.pluginFix)  Plugin fix") && ambiguous.contains("\(SmallHistory.cronJobs)  Cron jobs"))
        #expect(h.context.state.conversation == nil, "use cleared it and no failed open set one")
        #expect(h.context.state.project?.name == "Wordpress")
    }

    @Test func openThenShowAndStatusFollowTheOpenedConversation() throws {
        let h = try CommandHarness()
        try h.run("open \(SmallHistory.cronJobs)")
        #expect(CommandHarness.text(try h.run("show")).contains("How do WP cron jobs run?"))
        let status = Dictionary(uniqueKeysWithValues: CommandHarness.rows(try h.run("status")).map { ($0[0], $0[1]) })
        #expect(status["conversation"] == "Cron jobs (\(SmallHistory.cronJobs))")
        #expect(status["project"] == "Wordpress")
    }
}
