import Foundation

/// A named server lock (`GET_LOCK`) that the read-only account cannot take, so user SQL can never
/// stall chatbeto's own work (migrations, imports) by holding its lock name.
///
/// `GET_LOCK` needs no privilege and its names are server-wide: any account that knows a name can take
/// it. So the name is `chatbeto_<purpose>_<secret>`, where the secret (32 random hex digits, made once
/// per database) lives in `chatbeto_private`, a table the reader is never granted (ReaderAccount grants
/// table by table). Every chatbeto on the same database, whatever its home, reads the same secret, so
/// the lock still serialises them — on the private server and on an external one alike.
public struct NamedLock {
    /// What the lock is for: `migrate`, `import`, … (lower-case letters, at most 22 characters).
    public let purpose: String
    /// The connection that holds it; a named lock belongs to its session.
    public let connection: MySQLConnection

    /// The table holding chatbeto's secrets; never granted to the read-only account.
    public static let privateTable = "chatbeto_private"

    /// A server-side lock named after its purpose, on this connection.
    public init(_ purpose: String, on connection: MySQLConnection) {
        precondition(purpose.count <= 22 && purpose.allSatisfy { $0.isASCII && ($0.isLowercase || $0 == "-") })
        self.purpose = purpose
        self.connection = connection
    }

    /// The server-wide name (at most 64 characters, the servers' limit).
    public func name() throws -> String { "chatbeto_\(purpose)_" + (try NamedLock.secret(connection)) }

    /// Waits up to `seconds` for the lock; false when another session kept it that long.
    public func acquire(waiting seconds: Int) throws -> Bool {
        try connection.queryOne(SQL.Locks.acquire(name: try name(), waitSeconds: Int(seconds)))?["got"].int64Value == 1
    }

    /// Releases the lock (a no-op when this session does not hold it).
    public func release() {
        guard let name = try? name() else { return }
        _ = try? connection.query(SQL.Locks.release(name: name))
    }

    /// Runs `body` holding the lock; `busy` is the error to throw when it stays taken for `seconds`.
    public func holding<T>(waiting seconds: Int, busy: @autoclosure () -> Error, _ body: () throws -> T) throws -> T {
        guard try acquire(waiting: seconds) else { throw busy() }
        defer { release() }
        return try body()
    }

    /// The database's lock secret, made on first use.
    static func secret(_ connection: MySQLConnection) throws -> String {
        try PrivateSecret.value("lock_secret", on: connection)
    }
}
