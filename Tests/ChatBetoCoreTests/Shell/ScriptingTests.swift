@testable import ChatBetoCore
import ChatBetoTestSupport
import Foundation
import Testing

/// The real binary driven by scripts (-e, -f, stdin), with golden output.
@Suite struct ScriptingTests {
    @Test func jsonFormatPrintsSQLTypes() throws {
        let dsn = try Binary.freshDSN()
        let r = try Binary.run(["--dsn", dsn, "--format", "json", "-e", "sql SELECT 1 AS one"])
        #expect(r.stdout == "[{\"one\":1}]\n")
        #expect(r.status == 0)
        let t = try Binary.run(["--dsn", dsn, "--format", "json", "-e", "SELECT NULL AS n, 1.5 AS d, 'x' AS s, CAST(2.50 AS DECIMAL(4,2)) AS m"])
        #expect(t.stdout == "[{\"n\":null,\"d\":1.5,\"s\":\"x\",\"m\":2.50}]\n")
    }

    @Test func originalDesignQueryRunsUnchanged() throws {
        let dsn = try SmallHistory.dsn()
        let q = "SELECT title, create_time, chatgpt_gizmo_id FROM conversations c JOIN projects p ON c.project_id = p.id WHERE p.name = 'ChatGPT' ORDER BY create_time;"
        let r = try Binary.run(["--dsn", dsn, "-e", q])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == """
            +---------------+----------------------------+--------------------------------------+
            | title         | create_time                | chatgpt_gizmo_id                     |
            +---------------+----------------------------+--------------------------------------+
            | Café ñandú 🥘 | 2023-01-01 08:00:00.000000 | g-p-11111111111181911111111111111111 |
            +---------------+----------------------------+--------------------------------------+

            """)
    }

    @Test func useThenConversationsAsTwoCommandsWithGoldenOutput() throws {
        let dsn = try SmallHistory.dsn()
        let r = try Binary.run(["--dsn", dsn, "--format", "csv", "-e", "use Wordpress; conversations"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "#,title,updated,messages,project,id\r\n1,Plugin fix,2024-05-02 09:00,3,Wordpress,aaaa1111-0000-4000-8000-000000000001\r\n2,Cron jobs,2024-03-01 11:00,2,Wordpress,aaaa1111-0000-4000-8000-000000000002\r\n")
    }

    @Test func showPrintsTheVisibleThreadInTreeOrder() throws {
        let dsn = try SmallHistory.dsn()
        let r = try Binary.run(["--dsn", dsn, "-e", "use Wordpress; conversations; show 1"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Plugin fix"))
        let user = try #require(r.stdout.range(of: "My plugin breaks on save"))
        let answer = try #require(r.stdout.range(of: "Check the save_post hook."))
        #expect(user.lowerBound < answer.lowerBound)
        #expect(!r.stdout.contains("First answer (regenerated)"))
        let branches = try Binary.run(["--dsn", dsn, "-e", "show aaaa1111-0000-4000-8000-000000000001 --all-branches"])
        #expect(branches.stdout.contains("First answer (regenerated)"))
        let json = try Binary.run(["--dsn", dsn, "-e", "show aaaa1111-0000-4000-8000-000000000001 --format json"])
        let parsed = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(parsed?.map { $0["node_id"] as? String } == ["n1", "n3", "n4"])
        #expect(parsed?.first?["role"] as? String == "user")
    }

    /// A script's `use` and `open` last for the script; only the interactive shell saves the context
    /// (the next run restoring it: Tests/faults/test_cli_script_context.py, through a pseudo-terminal).
    @Test func aScriptsContextIsItsOwn() throws {
        let dsn = try SmallHistory.dsn()
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("cb-\(UUID().uuidString.prefix(8))")
        let first = try Binary.run(["--dsn", dsn, "--format", "tsv", "-e", "use Wordpress; open aaaa1111-0000-4000-8000-000000000002; status"], home: home)
        #expect(first.stdout.contains("project\tWordpress"))
        #expect(first.stdout.contains("conversation\tCron jobs (aaaa1111-0000-4000-8000-000000000002)"))
        let r = try Binary.run(["--dsn", dsn, "--format", "tsv", "-e", "status"], home: home)
        #expect(!r.stdout.contains("Cron jobs"), "a script's 'open' was saved: \(r.stdout)")
        let c = try Binary.run(["--dsn", dsn, "-e", "open aaaa1111-0000-4000-8000-000000000002; continue"], home: home)
        #expect(c.stdout.contains("On page loads, unless DISABLE_WP_CRON."))
    }

    @Test func settingsChangedBeforeConnectingSitOnTopOfTheSavedOnes() throws {
        let dsn = try Binary.freshDSN()
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("cb-\(UUID().uuidString.prefix(8))")
        // A session as the interactive shell saves it (scripts never save theirs).
        let saved = #"{"format":"table","pager":true,"model":"gpt-test-1","seedTurns":7}"#
        _ = try Binary.run(["--dsn", dsn, "-e", "set sql-write on; sql INSERT INTO sessions (started_at, updated_at, settings) VALUES (NOW(), NOW(), '\(saved)')"], home: home)
        let r = try Binary.run(["--dsn", dsn, "-e", "set format csv; set"], environment: ["CHATBETO_MODEL": ""], home: home)
        #expect(r.stdout.contains("model,gpt-test-1,"), "\(r.stdout)")
        #expect(r.stdout.contains("seed-turns,7,"))
        #expect(r.stdout.contains("format,csv,"))
    }

    @Test func scriptFileStopsAtFirstErrorNamingFileAndLine() throws {
        let dsn = try SmallHistory.dsn()
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("t-\(UUID().uuidString.prefix(6)).chatbeto")
        try """
        # a comment
        -- another comment
        use Wordpress
        SELECT COUNT(*) AS n
          FROM conversations;
        use Nope
        SELECT 'never' AS x;
        """.write(to: script, atomically: true, encoding: .utf8)
        let r = try Binary.run(["--dsn", dsn, "--format", "csv", "-f", script.path])
        #expect(r.status == 1)
        #expect(r.stdout == "n\r\n4\r\n")
        #expect(r.stderr.contains("\(script.path):6: error: no project matches 'Nope'"))
        let forced = try Binary.run(["--dsn", dsn, "--format", "csv", "--force", "-f", script.path])
        #expect(forced.stdout.hasSuffix("x\r\nnever\r\n"))
    }

    @Test func stdinScriptsPrintOnlyResults() throws {
        let dsn = try SmallHistory.dsn()
        let r = try Binary.run(["--dsn", dsn, "--format", "tsv"], stdin: "use ChatGPT\nconversations\n")
        #expect(r.status == 0)
        #expect(r.stdout == "#\ttitle\tupdated\tmessages\tproject\tid\n1\tCafé ñandú 🥘\t2023-01-01 08:30\t1\tChatGPT\tbbbb2222-0000-4000-8000-000000000003\n")
        #expect(r.stderr.isEmpty)
    }

    @Test func sourceRunsANestedScript() throws {
        let dsn = try SmallHistory.dsn()
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("n-\(UUID().uuidString.prefix(6)).chatbeto")
        try "SELECT 42 AS answer;\n".write(to: script, atomically: true, encoding: .utf8)
        let r = try Binary.run(["--dsn", dsn, "--format", "csv", "-e", "source \(script.path)"])
        #expect(r.stdout == "answer\r\n42\r\n")
    }

    @Test func projectNamesAreKeptAndPrefixesWork() throws {
        let dsn = try SmallHistory.dsn()
        let r = try Binary.run(["--dsn", dsn, "--format", "tsv", "-e", "project name g-p-11111111111181911111111111111111-some-slug 'Asistente'; use asis; status"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("project\tAsistente"))
    }
}
