@testable import ChatBetoImport
@testable import ChatBetoStore
import ChatBetoTestSupport
import Foundation
import Testing

/// The server drops an import's connection after it took the import lock and before it writes (the
/// moment the progress bar starts): the lock row still names the dead session. Either the import takes
/// its row over on the new session and finishes, or — when another import took the lock as a dead
/// holder's meanwhile — it stops before writing anything. Two imports never write at once.
@Suite(.serialized) struct ImportLockReconnectTests {
    /// A progress bar whose first clock reading (at `start`, after the lock is taken) runs `hook`.
    private func progress(_ hook: @escaping () -> Void) -> ImportProgress {
        nonisolated(unsafe) var fired = false
        return ImportProgress(write: { _ in true }, width: { 80 }, clock: {
            if !fired { fired = true; hook() }
            return ProcessInfo.processInfo.systemUptime
        })
    }

    private func kill(_ victim: MySQLConnection, from admin: MySQLConnection) throws {
        let id = try #require(try victim.execute(SQL.Connection.connectionID).rows.first?.first?.int64Value)
        try admin.execute("KILL CONNECTION \(id)")
        // KILL returns before the session has ended: wait until the server shows it gone.
        for _ in 0..<600 {
            if try admin.execute("SELECT 1 FROM information_schema.PROCESSLIST WHERE ID = \(id)").rows.isEmpty { return }
            usleep(50_000)
        }
        Issue.record("connection \(id) was not gone after KILL")
    }

    @Test
    func importWhoseLockWasTakenDuringAReconnectStopsBeforeWriting() throws {
        let export = try ImportFixtures.generate(conversations: 5, seed: 3)
        let db = try TestServer.freshDatabase()
        let admin = try MySQLConnection(config: db.connection.config)
        try admin.useDatabase(create: false)
        var other: ImportLock?
        var hookError: Error?
        let hook = {
            do {
                try self.kill(db.connection, from: admin)
                // A second import sees a holder whose session is gone and takes the lock.
                other = try ImportLock.acquire(connection: admin, notice: nil, waitSeconds: 60)
            } catch { hookError = error }
        }
        let error = #expect(throws: ImportError.self) {
            _ = try Importer(connection: db.connection).run(source: export, progress: self.progress(hook))
        }
        #expect(hookError == nil)
        guard case .lockLost(reconnected: true)? = error?.underlying else {
            Issue.record("expected lockLost, got \(String(describing: error))")
            return
        }
        #expect(try admin.execute("SELECT COUNT(*) FROM conversations").rows.first?.first?.int64Value == 0)
        #expect(try admin.execute("SELECT COUNT(*) FROM messages").rows.first?.first?.int64Value == 0)
        // The other import's lock is untouched.
        let owner = try admin.execute("SELECT owner FROM chatbeto_locks WHERE name = 'import'").rows.first?.first?.textValue
        #expect(owner == other?.owner)
        other?.release()
    }

    @Test
    func importWhoseConnectionDroppedResumesWithItsLockOnTheNewSession() throws {
        let export = try ImportFixtures.generate(conversations: 5, seed: 3)
        let db = try TestServer.freshDatabase()
        let admin = try MySQLConnection(config: db.connection.config)
        try admin.useDatabase(create: false)
        var hookError: Error?
        let report = try Importer(connection: db.connection).run(source: export, progress: progress {
            do { try self.kill(db.connection, from: admin) } catch { hookError = error }
        })
        #expect(hookError == nil)
        #expect(db.connection.reconnects == 1)
        #expect(report.conversationsNew == 5)
        #expect(try admin.execute("SELECT COUNT(*) FROM conversations").rows.first?.first?.int64Value == 5)
        #expect(try admin.execute("SELECT COUNT(*) FROM chatbeto_locks").rows.first?.first?.int64Value == 0)
    }
}
