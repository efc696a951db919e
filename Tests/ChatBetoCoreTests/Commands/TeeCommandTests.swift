import ChatBetoTestSupport
import Foundation
import Testing
@testable import ChatBetoCore

/// `tee FILE` through the real REPL and terminal sink: everything shown (results, notes, errors) and the
/// lines typed are appended to FILE (0600) until `notee`; typed lines that look secret are left out and
/// keys or URL passwords in the output are written as `…`. The file is read back.
@Suite struct TeeCommandTests {
    @Test func teeCopiesWhatIsShownAndTypedButNoSecrets() throws {
        let shell = try ShellHarness(interactive: true, history: false)
        let log = shell.directory.appendingPathComponent("session.log").path
        shell.type("tee \(log)",
                   "SELECT 'teed' AS t;",
                   "SELECT 'sk-abcdefghijklmnop123' AS k;",
                   "SELECT CONCAT('mysql://me:', 's3', 'cret', '@db/x') AS u;",
                   "set password hunter2",
                   "use Nowhere",
                   "notee",
                   "SELECT 'after notee' AS a;")
        let logged = try #require(shell.read("session.log"))
        #expect(logged.hasPrefix("Logging to file '\(log)'.\nchatbeto> SELECT 'teed' AS t;\n+------+\n| t    |\n+------+\n| teed |\n+------+\n1 row in set ("), "\(logged)")
        // The typed key is left out; the key and the URL password in the output are masked.
        #expect(!logged.contains("sk-abcdef") && logged.contains("| sk-… |"), "\(logged)")
        #expect(!logged.contains("s3cret") && logged.contains("mysql://me:…@db/x"))
        #expect(!logged.contains("hunter2"))
        // Errors go to the file too; nothing after notee does.
        #expect(logged.contains("error: no project matches 'Nowhere'"))
        #expect(logged.hasSuffix("chatbeto> notee\n"), "\(logged)")
        #expect(shell.stdout.contains("Stopped logging to '\(log)'.") && shell.stdout.contains("after notee"))
        let mode = try FileManager.default.attributesOfItem(atPath: log)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func teeAppendsToAnExistingFileAndASecondTeeSwitchesFiles() throws {
        let shell = try ShellHarness(interactive: false, history: false)
        let first = try shell.file("first.log", "earlier\n")
        let second = shell.directory.appendingPathComponent("second.log").path
        #expect(shell.type("tee \(first)", "SELECT 'one' AS o;", "tee \(second)", "SELECT 'two' AS w;", "notee", sourceName: "-e") == .success)
        let one = try #require(shell.read("first.log"))
        #expect(one.hasPrefix("earlier\n+-----+\n| o   |\n") && !one.contains("two"), "\(one)")
        let two = try #require(shell.read("second.log"))
        #expect(two.contains("| two |") && !two.contains("one"), "\(two)")
        // A script's typed lines are not teed (it has no prompt), its results are.
        #expect(!two.contains("SELECT"))
    }

    @Test func aFileThatCannotBeOpenedIsAnErrorAndBadArgumentsAreUsageErrors() throws {
        let shell = try ShellHarness(interactive: false, history: false)
        let bad = shell.directory.appendingPathComponent("no/such/dir/x.log").path
        #expect(shell.type("tee \(bad)", sourceName: "-e") == .commandFailed)
        #expect(shell.stderr == "-e:1: error: tee: cannot open \(bad): no such directory\n")
        #expect(!shell.terminal.tee.isActive)
        let h = try CommandHarness(history: false)
        #expect(throws: ParseError.usage(command: "tee", problem: "missing argument", usage: "tee <file>")) { try h.run("tee") }
        #expect(throws: ParseError.usage(command: "tee", problem: "too many arguments: 'a b'", usage: "tee <file>")) { try h.run("tee a b") }
    }

    // The file's filter on its own.

    @Test func theTeeFileLeavesOutSecretLinesAndRedactsKeys() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tee-\(UUID().uuidString).log").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let tee = TeeFile()
        try tee.start(path)
        tee.input("chatbeto> SELECT 1;")
        tee.input("chatbeto> set password 'hunter2'")
        tee.output("key sk-abcdefghijklmnop and mysql://me:s3cret@db/x\n")
        #expect(tee.stop() != nil)
        tee.output("after\n")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == "chatbeto> SELECT 1;\nkey sk-… and mysql://me:…@db/x\n")
    }
}
