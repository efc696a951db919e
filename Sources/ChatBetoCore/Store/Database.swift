import Foundation

/// The chatbeto database: the main connection (migrated on open) and, for user-typed SQL, a second
/// connection whose account the server itself restricts to reading.
public final class Database {
    public let connection: MySQLConnection
    private var readerConnection: MySQLConnection?
    private var readerConfig: ConnectionConfig?
    private let readerPasswordFile: URL?
    /// Why user SQL falls back to a read-only transaction instead of a read-only account, if it does.
    public private(set) var readOnlyLimitation: String?

    /// Connects, creates the database if missing, and applies pending migrations.
    public init(config: ConnectionConfig, readerPasswordFile: URL?) throws {
        connection = try MySQLConnection(config: config)
        self.readerPasswordFile = readerPasswordFile
        try connection.useDatabase(create: true)
        try Migrator(connection: connection).migrate()
        var reader: ConnectionConfig?
        do {
            reader = try ReaderAccount(connection: connection, passwordFile: readerPasswordFile).ensure()
        } catch {
            readOnlyLimitation = "cannot create the read-only account (\(error)); " +
                "read-only SQL runs in a read-only transaction, which the server does not apply to DDL"
        }
        readerConfig = reader
    }

    /// The connection that runs user SQL: the read-only account unless writes are allowed.
    public func userConnection(write: Bool) throws -> MySQLConnection {
        if write || readerConfig == nil { return connection }
        if let c = readerConnection, c.ping() { return c }
        // The server may have gone (and the main connection's hook starts it again): recover that first.
        try connection.ensureConnected()
        let c: MySQLConnection
        do {
            c = try MySQLConnection(config: readerConfig!)
        } catch let e as StoreError where e.code == 1045 {
            // Someone reset the reader's password (another home sharing this server): set ours again.
            readerConfig = try ReaderAccount(connection: connection, passwordFile: readerPasswordFile).ensure()
            c = try MySQLConnection(config: readerConfig!)
        }
        try c.useDatabase(create: false)
        c.onReconnect = connection.onReconnect
        readerConnection = c
        return c
    }

    /// The schema version recorded in the database.
    public func schemaVersion() throws -> Int {
        Int(try connection.queryOne(SQL.Migrations.current)?["v"].int64Value ?? 0)
    }
}
