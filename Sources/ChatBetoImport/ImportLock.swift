import ChatBetoStore
import ChatBetoSupport
import Foundation

/// The import lock of one database: a row in `chatbeto_locks` with its holder and a lease, so it holds
/// across the nodes of a Galera cluster, where `GET_LOCK` is local to each node. The read-only account
/// may read the row but never write it, so user SQL cannot take or hold the lock.
///
/// A holder that is gone frees the lock without waiting for the lease: on the same server, once its
/// connection has left the process list — that is, once its last statement (a COMMIT in flight after a
/// kill -9) has finished, which is what a re-run must wait for. A holder whose server went away (a
/// node killed) is known dead only when its lease lapses: `leaseSeconds` after its last renewal, which
/// the importer does after every committed batch.
///
/// A reconnect (the server dropped the connection between two batches) leaves the row naming the old
/// session, which another import takes for dead. So before each batch writes, `confirm()` re-points the
/// row at the new session if the connection was re-made, or stops the import when the row is no longer
/// ours: two imports never write at once.
final class ImportLock {
    let connection: MySQLConnection
    let name: String
    let owner: String
    /// The connection's reconnect count when the row last named its session.
    private var reconnectsSeen: Int

    private init(connection: MySQLConnection, name: String, owner: String) {
        self.connection = connection
        self.name = name
        self.owner = owner
        reconnectsSeen = connection.reconnects
    }

    /// How long a second import waits for the first before giving up.
    static let waitSeconds = 600
    /// How long a lock stays held without a renewal.
    static let leaseSeconds = 60

    /// Takes the lock, waiting (and saying for whom through `notice`) while another import holds it.
    /// Raising `cancellation` (Ctrl-C) stops the wait before anything is written.
    static func acquire(connection: MySQLConnection, notice: ((String) -> Void)?, waitSeconds: Int = waitSeconds,
                        cancellation: CancellationFlag? = nil) throws -> ImportLock {
        let lock = ImportLock(connection: connection, name: "import", owner: UUID().uuidString.lowercased())
        _ = try? connection.query(SQL.Import.causalReads)  // Galera: read the lock row as the cluster has it
        let node = try connection.queryOne(SQL.Import.serverNode)?.string("node") ?? "?"
        let deadline = Date().addingTimeInterval(TimeInterval(waitSeconds))
        var noticed = false
        while true {
            lock.reconnectsSeen = connection.reconnects
            if try lock.take(node: node) {
                // A reconnect during the attempt: the row may name the old session, so take it over now.
                if connection.reconnects != lock.reconnectsSeen { try lock.confirm() }
                return lock
            }
            if Date() >= deadline { throw ImportError.busy(holder: lock.describeHolder(), waitedSeconds: waitSeconds) }
            if !noticed {
                notice?("waiting for another import on this database to finish (\(lock.describeHolder())) …")
                noticed = true
            }
            // Short naps, so Ctrl-C ends the wait at once rather than after the timeout.
            for _ in 0..<5 {
                if cancellation?.isCancelled == true { throw ImportError.interruptedWaiting(holder: lock.describeHolder()) }
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
    }

    /// One attempt: takes a free or lapsed lock, or clears a holder known to be gone and tries again.
    private func take(node: String) throws -> Bool {
        do {
            try connection.query(SQL.Import.takeLock(name: name, owner: owner, node: node, leaseSeconds: ImportLock.leaseSeconds))
        } catch let e as StoreError where e.code == .deadlock {
            return false  // Galera: another node took it at the same moment and won certification
        }
        guard let row = try connection.queryOne(SQL.Import.lockRow(name: name)) else { return false }
        let holder = row.string("owner") ?? ""
        if holder == owner { return true }
        if row.string("node") == node, let id = row.int("connection_id"),
           (try connection.queryOne(SQL.Import.connectionInfo(connectionID: id))) == nil {
            // The holder's session ended on this server without releasing (kill -9): its row is stale.
            try connection.query(SQL.Import.dropLock(name: name, owner: holder))
            return try take(node: node)
        }
        return false
    }

    /// Extends the lease and names this session as the holder; call after every committed batch.
    /// Throws `lockLost` when the row is no longer ours.
    func renew() throws {
        let result = try connection.query(SQL.Import.renewLock(name: name, owner: owner, leaseSeconds: ImportLock.leaseSeconds))
        // CLIENT_FOUND_ROWS: the rows matched, changed or not.
        guard result.affectedRows == 1 else { throw ImportError.lockLost(reconnected: connection.reconnects != reconnectsSeen) }
        // The row now names the session the statement ran on, a re-made one included.
        reconnectsSeen = connection.reconnects
    }

    /// Call first inside each batch's transaction: when the connection was re-made since the row last
    /// named its session, makes the row name this one (within the batch, so no write precedes it), or
    /// throws `lockLost` when another import took the lock meanwhile.
    func confirm() throws {
        guard connection.reconnects != reconnectsSeen else { return }
        let result = try connection.query(SQL.Import.renewLock(name: name, owner: owner, leaseSeconds: ImportLock.leaseSeconds))
        guard result.affectedRows == 1 else { throw ImportError.lockLost(reconnected: true) }
        reconnectsSeen = connection.reconnects
    }

    /// "connection 42, root@localhost, for 3 s, COMMIT", as far as the server shows it; the node and the
    /// time left on the lease when the holder is on another server.
    func describeHolder() -> String {
        guard let lock = try? connection.queryOne(SQL.Import.lockRow(name: name)), let id = lock.int("connection_id") else {
            return "a session that just ended"
        }
        let here = (try? connection.queryOne(SQL.Import.serverNode))?.string("node")
        guard lock.string("node") == here else {
            return "connection \(id) at \(lock.string("node") ?? "another server"), lease ends in \(max(0, lock.int("lease_left") ?? 0)) s"
        }
        guard let row = try? connection.queryOne(SQL.Import.connectionInfo(connectionID: id)) else { return "connection \(id)" }
        var parts = ["connection \(id)"]
        if let user = row.string("user") { parts.append(user + (row.string("host").map { "@" + $0 } ?? "")) }
        if let seconds = lock.int("held") { parts.append("for \(seconds) s") }
        if let doing = row.string("doing") { parts.append(String(doing.prefix(40))) }
        return parts.joined(separator: ", ")
    }

    /// Releases the lock (a lapsed lease or the holder's session ending frees it too).
    func release() { _ = try? connection.query(SQL.Import.dropLock(name: name, owner: owner)) }
}
