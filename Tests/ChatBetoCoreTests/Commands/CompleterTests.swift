import Foundation
import Testing
@testable import ChatBetoCore

@Suite struct CompleterTests {
    @Test func commandNamesAndSQLKeywordsComplete() throws {
        let h = try CommandHarness()
        let completer = Completer(context: h.context)
        #expect(completer.candidates(lineBefore: "", word: "se") == ["search", "select", "server", "set"])
        #expect(completer.candidates(lineBefore: "help ", word: "qu") == ["quit"])
    }

    @Test func projectNamesCompleteAfterUseWithoutQuotesAndAfterProjectWithThem() throws {
        let h = try CommandHarness()
        try h.database.connection.query("INSERT INTO projects (name, name_source) VALUES ('Word Games', 'user')")
        let completer = Completer(context: h.context)
        #expect(Set(completer.candidates(lineBefore: "use ", word: "Wo")) == ["Wordpress", "Word Games"])
        #expect(completer.candidates(lineBefore: "use Word ", word: "G") == ["Games"])
        #expect(completer.candidates(lineBefore: "project name ", word: "Word G") == ["\"Word Games\""])
    }

    @Test func conversationsCompleteByIdPrefixOrTitle() throws {
        let h = try CommandHarness()
        let completer = Completer(context: h.context)
        #expect(completer.candidates(lineBefore: "show ", word: "bbbb") == ["bbbb2222-0000-4000-8000-000000000003"])
        #expect(completer.candidates(lineBefore: "open ", word: "orph") == ["cccc3333-0000-4000-8000-000000000004"])
    }

    @Test func settingsAndTheirValuesComplete() throws {
        let h = try CommandHarness()
        let completer = Completer(context: h.context)
        #expect(completer.candidates(lineBefore: "set ", word: "seed") == ["seed-turns"])
        #expect(completer.candidates(lineBefore: "set format ", word: "j") == ["json"])
        #expect(completer.candidates(lineBefore: "set pager ", word: "o") == ["on", "off"])
    }

    @Test func conversationsCompleteWithTheirTitlesInTheCurrentProjectOnly() throws {
        let h = try CommandHarness()
        try h.database.connection.query("UPDATE conversations SET title = CONCAT('Cron', CHAR(27), '[2J jobs') WHERE id = 'aaaa1111-0000-4000-8000-000000000002'")
        try h.run("use Wordpress")
        let completer = Completer(context: h.context)
        let listed = completer.completions(lineBefore: "show ", word: "")
        #expect(listed.map(\.text) == ["aaaa1111-0000-4000-8000-000000000001", "aaaa1111-0000-4000-8000-000000000002"])
        #expect(listed.map(\.label) == ["Plugin fix", "Cron\\x1B[2J jobs"])
        #expect(completer.candidates(lineBefore: "open ", word: "bbbb").isEmpty)
        #expect(completer.candidates(lineBefore: "open ", word: "orph").isEmpty)
    }

    @Test func fileNamesCompleteAfterImportSourceOutAndProjects() throws {
        let h = try CommandHarness()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cb completer \(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("exports"), withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: dir.appendingPathComponent("export.zip").path, contents: Data())
        defer { try? FileManager.default.removeItem(at: dir) }
        let typed = FileCompletion.escape(dir.path) + "/exp"
        let completer = Completer(context: h.context)
        let expected = [FileCompletion.escape(dir.path) + "/export.zip", FileCompletion.escape(dir.path) + "/exports/"]
        #expect(completer.candidates(lineBefore: "import ", word: typed) == expected)
        #expect(completer.candidates(lineBefore: "source ", word: typed) == expected)
        #expect(completer.candidates(lineBefore: "export --format md --out ", word: typed) == expected)
        #expect(completer.candidates(lineBefore: "import x.zip --projects ", word: typed) == expected)
        #expect(completer.completions(lineBefore: "import ", word: typed).map(\.endsWord) == [true, false])
        #expect(completer.candidates(lineBefore: "import ", word: "--y").isEmpty)
    }

    @Test func sqlCompletesKeywordsInTheCaseTypedAndTablesAndColumns() throws {
        let h = try CommandHarness()
        let completer = Completer(context: h.context)
        #expect(completer.candidates(lineBefore: "SELECT title ", word: "FR") == ["FROM"])
        #expect(completer.candidates(lineBefore: "select title ", word: "fr") == ["from"])
        #expect(completer.candidates(lineBefore: "SELECT * FROM ", word: "conversati") == ["conversation_id", "conversations"])
        // The earlier lines of a multi-line statement make it SQL.
        #expect(completer.candidates(lineBefore: "SELECT id\n  FROM ", word: "message_e") == ["message_embeddings"])
        #expect(completer.candidates(lineBefore: "SELECT ", word: "update_t") == ["update_time"])
    }
}
