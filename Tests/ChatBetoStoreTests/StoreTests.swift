@testable import ChatBetoStore
import ChatBetoTestSupport
import Foundation
import Testing

@Suite struct StoreTests {
    @Test func migrationsCreateSchemaAndRecordVersions() throws {
        let db = try TestServer.freshDatabase()
        #expect(try db.schemaVersion() == Migrator.latestVersion)
        // Applying again is a no-op.
        #expect(try Migrator(connection: db.connection).migrate().isEmpty)
        let tables = try db.connection.execute("SHOW TABLES").rows.compactMap { $0.first?.textValue }
        #expect(Set(tables).isSuperset(of: ["projects", "conversations", "messages", "sessions", "schema_migrations"]))
    }

    @Test func boundParametersRoundTripTypesAndUnicode() throws {
        let db = try TestServer.freshDatabase()
        let text = "Ñandú 🥘 \u{0}nul 'quote' \\ back"
        let big = String(repeating: "x", count: 200_000)
        let rs = try db.connection.query("SELECT ? AS t, ? AS i, ? AS d, ? AS n, ? AS big, CAST(? AS DECIMAL(10,2)) AS num",
                                         [.text(text), .int(-42), .double(1.5), .null, .text(big), .text("3.14")])
        #expect(rs.rows[0][0] == .text(text))
        #expect(rs.rows[0][1] == .int(-42))
        #expect(rs.rows[0][2] == .double(1.5))
        #expect(rs.rows[0][3] == .null)
        #expect(rs.rows[0][4] == .text(big))
        #expect(rs.rows[0][5] == .decimal("3.14"))
        #expect(rs.columns.map(\.kind) == [.text, .integer, .real, .null, .text, .decimal])
    }

    @Test func errorsCarryCodeMessageAndSQL() throws {
        let db = try TestServer.freshDatabase()
        do {
            try db.connection.query("SELECT * FROM no_such_table WHERE id = ?", [.text("secret-value")])
            Issue.record("expected an error")
        } catch let e as StoreError {
            #expect(e.code == 1146)
            #expect(e.description.contains("no_such_table"))
            #expect(!e.description.contains("secret-value"))
        }
    }

    @Test func transactionRollsBackOnThrow() throws {
        let db = try TestServer.freshDatabase()
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try db.connection.transaction {
                try db.connection.query("INSERT INTO projects (name) VALUES (?)", ["temp"])
                throw Boom()
            }
        }
        #expect(try db.connection.query("SELECT COUNT(*) FROM projects").rows[0][0] == .int(0))
        _ = try db.connection.transaction { try db.connection.query("INSERT INTO projects (name) VALUES (?)", ["kept"]) }
        #expect(try db.connection.query("SELECT COUNT(*) FROM projects").rows[0][0] == .int(1))
    }

    @Test func readerAccountRefusesWritesAndDDLOnTheServer() throws {
        let db = try TestServer.freshDatabase()
        #expect(db.readOnlyLimitation == nil)
        let reader = try db.userConnection(write: false)
        #expect(try reader.execute("SELECT COUNT(*) AS n FROM projects").rows[0][0] == .int(0))
        for statement in ["CREATE TABLE evil (x INT)", "INSERT INTO projects (name) VALUES ('x')", "DROP TABLE projects"] {
            #expect(throws: StoreError.self) { try reader.execute(statement) }
        }
        let tables = try db.connection.execute("SHOW TABLES").rows.compactMap { $0.first?.textValue }
        #expect(!tables.contains("evil"))
        #expect(tables.contains("projects"))
        #expect(try db.connection.query("SELECT COUNT(*) FROM projects").rows[0][0] == .int(0))
    }

    @Test func reconnectsOnceAfterTheConnectionIsKilled() throws {
        let db = try TestServer.freshDatabase()
        let victim = db.connection
        let id = try victim.execute("SELECT CONNECTION_ID()").rows[0][0].int64Value!
        let killer = try MySQLConnection(config: victim.config)
        try killer.execute("KILL \(id)")
        final class Flag: @unchecked Sendable { var hit = false }
        let flag = Flag()
        victim.onReconnect = { _ in flag.hit = true }
        #expect(try victim.query("SELECT 1 AS one").rows[0][0] == .int(1))
        #expect(flag.hit)
    }
}
