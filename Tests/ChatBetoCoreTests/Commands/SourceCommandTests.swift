import ChatBetoTestSupport
import Foundation
import Testing
@testable import ChatBetoCore

/// `source FILE` through the real REPL: a .chatbeto file's commands and SQL run in order, errors name
/// the file and line (the innermost file when scripts nest), a missing file or a loop is an error,
/// and a script sourced at the prompt keeps its `use` and `set` to itself.
@Suite struct SourceCommandTests {
    @Test func aSourcedScriptRunsItsCommandsAndSQLInOrderAndItsUseLastsUntilItEnds() throws {
        let shell = try ShellHarness(interactive: true)
        let script = try shell.file("report.chatbeto", """
            # the Wordpress report
            use Wordpress
            -- its conversations, then a count over two lines
            conversations --format csv
            SELECT COUNT(*) AS n
              FROM conversations;
            set format json
            """)
        #expect(shell.type("source \(script)", "status --format tsv") == .success)
        #expect(shell.stderr == "", "\(shell.stderr)")
        let out = shell.stdout
        let listing = try #require(out.range(of: "1,Plugin fix,"))
        let count = try #require(out.range(of: "| 4 |"))
        #expect(listing.lowerBound < count.lowerBound)
        #expect(out.contains("2,Cron jobs,"))
        // Back at the prompt: the script's project and format are gone, and nothing of it was saved.
        #expect(shell.context.state.project == nil)
        #expect(shell.context.settings.format == .table)
        #expect(out.contains("project\t(none)"), "\(out)")
    }

    @Test func anErrorNamesTheFileAndLineAndStopsTheScript() throws {
        let shell = try ShellHarness(interactive: true)
        let script = try shell.file("broken.chatbeto", "SELECT 'one' AS first;\n\nuse Nowhere\nSELECT 'never' AS after;\n")
        #expect(shell.type("source \(script)", "SELECT 'prompt' AS back;") == .success)
        #expect(shell.stderr.hasPrefix("\(script):3: error: no project matches 'Nowhere'"), "\(shell.stderr)")
        #expect(shell.stdout.contains("| one   |") && shell.stdout.contains("| prompt |"), "\(shell.stdout)")
        #expect(!shell.stdout.contains("never"))
    }

    @Test func aNestedScriptsErrorNamesTheInnerFileAndStopsBoth() throws {
        let shell = try ShellHarness(interactive: false)
        let inner = try shell.file("inner.chatbeto", "SELECT 'inner' AS i;\nshow --nonsense\n")
        let outer = try shell.file("outer.chatbeto", "SELECT 'outer' AS o;\nsource \(inner)\nSELECT 'not reached' AS x;\n")
        #expect(shell.type("source \(outer)", "SELECT 'not reached either' AS y;", sourceName: "-e") == .commandFailed)
        #expect(shell.stderr.hasPrefix("\(inner):2: error: show: unknown option '--nonsense'"), "\(shell.stderr)")
        #expect(shell.stdout.contains("outer") && shell.stdout.contains("inner"))
        #expect(!shell.stdout.contains("not reached"))
    }

    @Test func aMissingFileAndASelfSourcingScriptAreErrorsNamingTheFiles() throws {
        let h = try CommandHarness(history: false)
        let shell = try ShellHarness(interactive: false, database: h.database)
        let missing = shell.directory.appendingPathComponent("nope.chatbeto").path
        #expect(shell.type("source \(missing)", sourceName: "-e") == .commandFailed)
        #expect(shell.stderr == "-e:1: error: cannot read script '\(missing)': no such file\n")

        let loop = try shell.file("loop.chatbeto", "SELECT 1 AS again;\nsource \(shell.directory.path)/loop.chatbeto\n")
        do {
            try shell.repl.runFile(loop)
            Issue.record("a script that sources itself ran to the end")
        } catch let failed as ScriptFailed {
            #expect(failed.code == .commandFailed)
        }
        #expect(shell.stderr.contains("\(loop):2: error: scripts nested too deeply (more than 16 levels of 'source'; does a script source itself?): \(loop) → \(loop)"), "\(shell.stderr)")
    }

    @Test func aPathWithSpacesIsQuotedAndBadArgumentsAreUsageErrors() throws {
        let shell = try ShellHarness(interactive: false)
        let script = try shell.file("my scripts/a b.chatbeto", "SELECT 'spaced' AS s;\n")
        #expect(shell.type("source '\(script)'", sourceName: "-e") == .success)
        #expect(shell.stdout.contains("spaced"))
        let h = try CommandHarness(history: false)
        #expect(throws: ParseError.usage(command: "source", problem: "missing argument", usage: "source <file>")) { try h.run("source") }
        #expect(throws: ParseError.usage(command: "source", problem: "too many arguments: 'a b'", usage: "source <file>")) { try h.run("source a b") }
        // Without a loop to run it (a command on its own) source says so rather than doing nothing.
        #expect { try h.run("source x.chatbeto") } throws: { String(describing: $0) == "cannot read script 'x.chatbeto': no script runner" }
    }
}
