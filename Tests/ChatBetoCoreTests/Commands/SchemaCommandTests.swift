import ChatBetoStore
import ChatBetoTestSupport
import Foundation
import Testing
@testable import ChatBetoCore

/// `schema`: the schema of record as SQL, generated from the migrations, and `--reference`.
@Suite struct SchemaCommandTests {
    /// Table names in `CREATE TABLE [IF NOT EXISTS] name` statements.
    private func createdTables(_ sql: String) throws -> Set<String> {
        let pattern = try NSRegularExpression(pattern: #"CREATE TABLE (?:IF NOT EXISTS )?`?(\w+)`?"#)
        return Set(pattern.matches(in: sql, range: NSRange(sql.startIndex..., in: sql)).compactMap {
            Range($0.range(at: 1), in: sql).map { String(sql[$0]) }
        })
    }

    @Test func theScriptCreatesTheTablesAMigratedDatabaseHasUpToItsVersion() throws {
        let h = try CommandHarness(history: false)
        let script = CommandHarness.text(try h.run("schema"))
        let tables = try h.database.connection.query("SHOW TABLES").rows.compactMap { $0[0].textValue }
        #expect(!tables.isEmpty)
        #expect(try createdTables(script) == Set(tables))
        // The last migration in the script is the version `status` reports for a migrated database.
        let versions = script.components(separatedBy: "\n").compactMap { line -> Int? in
            guard line.hasPrefix("-- migration ") else { return nil }
            return Int(line.dropFirst("-- migration ".count).prefix { $0.isNumber })
        }
        #expect(versions == versions.sorted() && !versions.isEmpty)
        let status = Dictionary(uniqueKeysWithValues: CommandHarness.rows(try h.run("status")).map { ($0[0], $0[1]) })
        #expect(status["schema version"] == versions.last.map(String.init))
        let recorded = try h.database.connection.query("SELECT version FROM schema_migrations ORDER BY version").rows.compactMap { $0[0].int64Value }
        #expect(recorded.map(Int.init) == versions)
    }

    @Test func theScriptNamesTheFileItIsGeneratedFromAndThatFileExists() throws {
        let h = try CommandHarness(history: false)
        let header = CommandHarness.text(try h.run("schema")).prefix { $0 != "\n" }
        let named = try #require(header.split(separator: " ").first { $0.hasPrefix("Sources/") }).trimmingCharacters(in: .punctuationCharacters)
        #expect(named.hasSuffix("Migrations.swift"))
        #expect(FileManager.default.fileExists(atPath: ImportFixtures.packageRoot.appendingPathComponent(named).path), "\(named)")
    }

    @Test func theSchemaNeedsNoSessionAndWritesNone() throws {
        let h = try CommandHarness()
        try h.run("schema")
        #expect(!h.context.sessionRestored)
        #expect(try h.database.connection.queryOne("SELECT COUNT(*) AS n FROM sessions")?.int("n") == 0)
        try h.run("status")
        #expect(h.context.sessionRestored)
    }

    @Test func referenceListsEveryCommandWithItsUsage() throws {
        let h = try CommandHarness(history: false)
        let reference = CommandHarness.text(try h.run("schema --reference"))
        #expect(!reference.contains("CREATE TABLE"))
        for command in CommandTable.all {
            // Markdown table cells escape the `|` of alternatives.
            #expect(reference.contains("`" + command.spec.usage.replacingOccurrences(of: "|", with: "\\|") + "`"), "\(command.spec.name)")
            #expect(reference.contains(command.spec.summary), "\(command.spec.name)")
        }
    }

    @Test func argumentsAreUsageErrors() throws {
        let h = try CommandHarness(history: false)
        for line in ["schema conversations", "schema --tables", "schema --reference extra"] {
            #expect(throws: ParseError.self, "\(line)") { try h.run(line) }
        }
    }
}
