import ChatBetoStore
import Foundation

/// The import lock of one database: a named server lock (`GET_LOCK`), so it works on an external
/// server too and is released by the server when the holding session ends, even after kill -9 — but
/// only once that session's last statement (a COMMIT in flight) has finished, which is what a re-run
/// must wait for.
///
/// Lock names are server-wide and any account may take any name, so the name is a `NamedLock`'s: it
/// carries the database's lock secret, which the read-only account cannot read.
struct ImportLock {
    let lock: NamedLock
    let name: String
    var connection: MySQLConnection { lock.connection }

    /// How long a second import waits for the first before giving up.
    static let waitSeconds = 600

    /// Takes the lock, waiting (and saying for whom through `notice`) while another import holds it.
    static func acquire(connection: MySQLConnection, notice: ((String) -> Void)?, waitSeconds: Int = waitSeconds) throws -> ImportLock {
        let named = NamedLock("import", on: connection)
        let lock = ImportLock(lock: named, name: try named.name())
        if try named.acquire(waiting: 0) { return lock }
        let holder = lock.describeHolder()
        notice?("waiting for another import on this database to finish (\(holder)) …")
        if try named.acquire(waiting: waitSeconds) { return lock }
        throw ImportError.busy(holder: lock.describeHolder(), waitedSeconds: waitSeconds)
    }

    /// "connection 42, root@localhost, 3 s, COMMIT", as far as the server shows it.
    func describeHolder() -> String {
        guard let id = (try? connection.queryOne(SQL.Import.lockHolder(name: name)))?["holder"].int64Value else {
            return "a session that just ended"
        }
        guard let row = try? connection.queryOne(SQL.Import.connectionInfo(connectionID: id)) else { return "connection \(id)" }
        var parts = ["connection \(id)"]
        if let user = row.string("user") { parts.append(user + (row.string("host").map { "@" + $0 } ?? "")) }
        if let seconds = row.int("seconds") { parts.append("for \(seconds) s") }
        if let doing = row.string("doing") { parts.append(String(doing.prefix(40))) }
        return parts.joined(separator: ", ")
    }

    /// Releases the lock (the server also does when the session ends).
    func release() { lock.release() }
}
