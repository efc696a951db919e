@testable import ChatBetoCore
@testable import ChatBetoStore
import ChatBetoTestSupport
import Foundation
import Testing

/// Files in the repository that are generated from the code must match it.
@Suite struct GeneratedFilesTests {
    @Test func schemaFileMatchesMigrations() throws {
        let file = try String(contentsOf: Binary.packageRoot.appendingPathComponent("schema_chatbeto.sql"), encoding: .utf8)
        #expect(file == Migrations.script, "run: .build/debug/chatbeto schema > schema_chatbeto.sql")
    }

    @Test func readmeHoldsTheGeneratedCommandReference() throws {
        let readme = try String(contentsOf: Binary.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains(CommandTable.markdownReference), "run: scripts/gen-docs")
    }

    @Test func schemaScriptBuildsTheDatabaseOnTheServer() throws {
        let db = try TestServer.freshDatabase()
        // Run the schema file in an empty database of its own and compare the table list with the migrated one.
        var config = db.connection.config
        config.database = config.database + "_file"
        let c = try MySQLConnection(config: config)
        try c.useDatabase(create: true)
        for statement in Migrations.script.components(separatedBy: ";\n").map({ $0.trimmingCharacters(in: .whitespacesAndNewlines) })
            where !statement.isEmpty && !statement.allSatisfy({ $0 == "\n" }) {
            let body = statement.split(separator: "\n").filter { !$0.hasPrefix("--") }.joined(separator: "\n")
            if !body.isEmpty { try c.execute(body) }
        }
        let fromFile = try c.execute("SHOW TABLES").rows.compactMap { $0.first?.textValue }
        let migrated = try db.connection.execute("SHOW TABLES").rows.compactMap { $0.first?.textValue }
        #expect(fromFile == migrated)
        try c.execute("DROP DATABASE `\(config.database)`")
    }
}
