@testable import ChatBetoCore
import ChatBetoTestSupport
import Foundation
import Testing

/// Bad input: a clear error, a non-zero exit in scripts, nothing changed.
@Suite struct BadInputTests {
    @Test func unknownCommandSuggestsAndFails() throws {
        let dsn = try Binary.freshDSN()
        let r = try Binary.run(["--dsn", dsn, "-e", "projcts"])
        #expect(r.status == 1)
        #expect(r.stderr == "-e:1: error: unknown command 'projcts'; did you mean 'projects'? (type 'help' for the list)\n")
    }

    @Test func unterminatedQuote() throws {
        let r = try Binary.run(["--dsn", try Binary.freshDSN(), "-e", "use \"Wordpress"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("unterminated quote"))
    }

    @Test func sqlErrorCarriesServerCodeAndStatement() throws {
        let r = try Binary.run(["--dsn", try Binary.freshDSN(), "-e", "SELECT * FROM nowhere;"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("ERROR 1146 (42S02)"))
        #expect(r.stderr.contains("in: SELECT * FROM nowhere"))
    }

    @Test func writesAreRefusedByTheServerInReadOnlyModeAndChangeNothing() throws {
        let dsn = try SmallHistory.dsn()
        for statement in ["CREATE TABLE evil (x INT);", "sql DROP TABLE messages", "DELETE FROM projects;",
                          "sql INSERT INTO projects (name) VALUES ('x')", "sql CREATE TEMPORARY TABLE t (x INT)"] {
            let r = try Binary.run(["--dsn", dsn, "-e", statement])
            #expect(r.status == 1, "\(statement) was not refused")
            #expect(r.stderr.contains("set sql-write on"), "\(r.stderr)")
        }
        let check = try Binary.run(["--dsn", dsn, "--format", "csv", "-e", "SELECT (SELECT COUNT(*) FROM projects) AS p, (SELECT COUNT(*) FROM messages) AS m, (SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'evil') AS evil;"])
        #expect(check.stdout == "p,m,evil\r\n2,9,0\r\n")
        let allowed = try Binary.run(["--dsn", dsn, "--format", "csv", "-e", "set sql-write on; sql CREATE TABLE scratch (x INT); sql INSERT INTO scratch VALUES (7); SELECT x FROM scratch;"])
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(allowed.stdout == "x\r\n7\r\n")
    }

    @Test func missingScriptFile() throws {
        let r = try Binary.run(["--dsn", try Binary.freshDSN(), "-f", "/nonexistent/x.chatbeto"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("cannot read script '/nonexistent/x.chatbeto': no such file"))
    }

    @Test func unreachableDSN() throws {
        let r = try Binary.run(["--dsn", "mysql://root:hunter2secret@127.0.0.1:1/none", "-e", "projects"])
        #expect(r.status == 3)
        #expect(r.stderr.contains("cannot connect to MySQL at root@127.0.0.1:1/none"))
        #expect(r.stderr.contains("check --dsn"))
        #expect(!r.stderr.contains("hunter2secret"))
        let bad = try Binary.run(["--dsn", "postgres://x@y/z", "-e", "projects"])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("invalid DSN"))
    }

    @Test func badGlobalFormatIsAUsageError() throws {
        let r = try Binary.run(["--format", "xml", "-e", "help"])
        // The README promises exit 2 for bad usage (not ArgumentParser's 64).
        #expect(r.status == 2)
        #expect(r.stderr.contains("unknown output format 'xml'"))
    }

    @Test func aCommandTogetherWithAScriptIsAUsageError() throws {
        let both = try Binary.run(["-e", "help", "status"])
        #expect(both.status == 2)
        #expect(both.stderr.contains("give either a command, -e or -f"))
    }
}
