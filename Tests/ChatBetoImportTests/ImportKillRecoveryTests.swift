@testable import ChatBetoImport
@testable import ChatBetoStore
import ChatBetoTestSupport
import Foundation
import Testing

/// Kills a real `chatbeto import` with SIGKILL and checks that running it again ends in exactly the
/// state of a clean import. Drives the built binary (`.build/debug/chatbeto import PATH --dsn DSN`);
/// build it first (`swift build`).
@Suite(.serialized) struct ImportKillRecoveryTests {
    static let binary = ImportFixtures.packageRoot.appendingPathComponent(".build/debug/chatbeto")

    private func dsn(_ c: ConnectionConfig) -> String {
        if let socket = c.socket { return "mysql://\(c.user)@localhost/\(c.database)?socket=\(socket)" }
        let auth = c.password.map { "\(c.user):\($0)" } ?? c.user
        return "mysql://\(auth)@\(c.host ?? "127.0.0.1"):\(c.port)/\(c.database)"
    }

    /// The database state that matters, independent of auto-increment ids and import times.
    private func state(_ c: MySQLConnection) throws -> [[SQLValue]] {
        var rows: [[SQLValue]] = []
        rows += try c.execute("SELECT chatgpt_project_id, name, name_source, emoji, instructions FROM projects ORDER BY chatgpt_project_id").rows
        rows += try c.execute("SELECT * FROM gizmos ORDER BY id").rows
        rows += try c.execute("""
            SELECT c.id, p.chatgpt_project_id, c.title, c.create_time, c.update_time, c.chatgpt_gizmo_id, c.gizmo_type,
                   c.default_model_slug, c.current_node, c.is_archived, c.origin, c.message_count, c.content_hash, c.extra
            FROM conversations c LEFT JOIN projects p ON p.id = c.project_id ORDER BY c.id
            """).rows
        rows += try c.execute("SELECT * FROM messages ORDER BY conversation_id, node_id").rows
        rows += try c.execute("SELECT * FROM assets ORDER BY conversation_id, node_id, position").rows
        return rows
    }

    @Test
    func killedImportRerunEqualsCleanImport() throws {
        let export = try ImportFixtures.generate(conversations: 400, seed: 11, shardSize: 40)
        let clean = try TestServer.freshDatabase()
        _ = try Importer(connection: clean.connection).run(source: export)
        let expected = try state(clean.connection)
        // How long the binary takes, so the kills land inside the import.
        let timing = try TestServer.freshDatabase()
        let full = Process()
        full.executableURL = Self.binary
        full.arguments = ["import", export.path, "--dsn", dsn(timing.connection.config)]
        full.standardOutput = FileHandle.nullDevice
        let t0 = Date()
        try full.run()
        full.waitUntilExit()
        let duration = Date().timeIntervalSince(t0)
        #expect(full.terminationStatus == 0)
        #expect(try state(timing.connection) == expected)

        var partialStates = 0
        for fraction in [0.2, 0.5, 0.8] {
            let delay = duration * fraction
            let db = try TestServer.freshDatabase()
            let target = dsn(db.connection.config)
            let killed = Process()
            killed.executableURL = Self.binary
            killed.arguments = ["import", export.path, "--dsn", target]
            killed.standardOutput = FileHandle.nullDevice
            killed.standardError = FileHandle.nullDevice
            try killed.run()
            usleep(UInt32(delay * 1_000_000))
            kill(killed.processIdentifier, SIGKILL)
            killed.waitUntilExit()
            let afterKill = try ImportFixtures.count(db.connection, "SELECT COUNT(*) FROM conversations")
            if afterKill > 0 && afterKill < 400 { partialStates += 1 }

            let rerun = Process()
            rerun.executableURL = Self.binary
            rerun.arguments = ["import", export.path, "--dsn", target]
            rerun.standardOutput = FileHandle.nullDevice
            rerun.standardError = FileHandle.nullDevice
            try rerun.run()
            rerun.waitUntilExit()
            #expect(rerun.terminationStatus == 0)
            #expect(try state(db.connection) == expected, "killed after \(delay) s")
        }
        // At least one kill landed between two committed files.
        #expect(partialStates >= 1)
    }
}
