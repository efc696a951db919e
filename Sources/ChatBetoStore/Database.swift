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
            readOnlyLimitation = "cannot create the read-only account (\(error)); read-only SQL runs on chatbeto's own " +
                "account in a read-only session with the same time limits, and only statements that read (SELECT, WITH, SHOW, DESCRIBE, EXPLAIN)"
        }
        readerConfig = reader
    }

    /// The connection that runs user SQL: the read-only account unless writes are allowed. The reader's
    /// session gets `limits` (set before each statement, so a reconnect cannot drop them): a reader
    /// waiting on a lock or running long gives up instead of holding up chatbeto's own work.
    public func userConnection(write: Bool, limits: ReaderLimits = ReaderLimits()) throws -> MySQLConnection {
        if write || readerConfig == nil { return connection }
        let c: MySQLConnection
        if let open = readerConnection, open.ping() {
            c = open
        } else {
            // The server may have gone (and the main connection's hook starts it again): recover that first.
            try connection.ensureConnected()
            do {
                c = try MySQLConnection(config: readerConfig!)
            } catch let e as StoreError where e.code == .accessDenied {
                // Someone reset the reader's password (another home sharing this server): set ours again.
                readerConfig = try ReaderAccount(connection: connection, passwordFile: readerPasswordFile).ensure()
                c = try MySQLConnection(config: readerConfig!)
            }
            try c.useDatabase(create: false)
            c.onReconnect = connection.onReconnect
            readerConnection = c
        }
        try apply(limits, to: c)
        return c
    }

    /// Without a read-only account (`readOnlyLimitation`), read-only user SQL runs on the main connection:
    /// refuses `sql` unless it only reads (`FallbackStatementCheck`), and gives the session the reader's
    /// `limits` and read-only mode until `endFallbackStatement`, so chatbeto's own work after it runs as before.
    public func beginFallbackStatement(_ sql: String, limits: ReaderLimits) throws {
        if let reason = FallbackStatementCheck.refusal(sql) { throw FallbackRefusal(reason: reason) }
        try apply(limits, to: connection)
        try connection.execute(SQL.UserSQL.readOnly)
    }

    /// Gives the main connection back its read-write session and the server's default limits.
    public func endFallbackStatement() {
        _ = try? connection.execute(SQL.UserSQL.readWrite)
        _ = try? connection.execute(statementLimitInMilliseconds == true ? SQL.UserSQL.defaultLimitsMySQL : SQL.UserSQL.defaultLimitsMariaDB)
    }

    /// The note to show once, on the first read-only user SQL without a read-only account; nil after.
    public func takeFallbackNote() -> String? {
        guard !fallbackNoted, let readOnlyLimitation else { return nil }
        fallbackNoted = true
        return readOnlyLimitation
    }
    private var fallbackNoted = false

    /// Why the reader was refused a SELECT (1142, which the server also says for a table that does not
    /// exist, since the reader is granted table by table).
    public enum SelectRefusal {
        /// No such table: the error the owner would get.
        case noSuchTable(StoreError)
        /// `chatbeto_private`, which read-only SQL may never read.
        case privateTable
        /// A table made since the grants (say with sql-write on): granted now, worth one retry.
        case grantedNow
    }

    /// Why a read-only SELECT was refused, when the refusal is one chatbeto explains; nil otherwise.
    public func explainSelectRefusal(_ e: StoreError) throws -> SelectRefusal? {
        guard e.code == .tableAccessDenied, e.message.hasPrefix("SELECT command denied"), let name = Database.tableName(inRefusal: e.message) else { return nil }
        if name == NamedLock.privateTable { return .privateTable }
        let exists = try connection.queryOne(SQL.Reader.tableExists, [.text(connection.config.database), .text(name)]) != nil
        guard exists else {
            return .noSuchTable(StoreError(code: .noSuchTable, sqlState: "42S02", message: "Table '\(connection.config.database).\(name)' doesn't exist", sql: e.sql))
        }
        _ = try ReaderAccount(connection: connection, passwordFile: readerPasswordFile).ensure()
        return .grantedNow
    }

    /// The table in "SELECT command denied to user … for table `db`.`t`" (MariaDB) or "… for table 't'" (MySQL).
    static func tableName(inRefusal message: String) -> String? {
        guard let range = message.range(of: "for table ", options: .backwards) else { return nil }
        let quoted = message[range.upperBound...].trimmingCharacters(in: .whitespaces)
        let last = quoted.split(separator: ".").last.map(String.init) ?? quoted
        let name = last.trimmingCharacters(in: CharacterSet(charactersIn: "`'\""))
        return name.isEmpty ? nil : name
    }

    /// Which statement-time variable the server has: MariaDB's `max_statement_time` (seconds, every
    /// statement) or MySQL's `max_execution_time` (milliseconds, SELECT); found on first use.
    private var statementLimitInMilliseconds: Bool?

    private func apply(_ limits: ReaderLimits, to c: MySQLConnection) throws {
        let wait = SQLValue.int(Int64(limits.lockWaitSeconds))
        if statementLimitInMilliseconds != true {
            do {
                try c.query(SQL.UserSQL.limitsMariaDB, [wait, wait, .int(Int64(limits.statementSeconds))])
                statementLimitInMilliseconds = false
                return
            } catch let e as StoreError where e.code == .unknownSystemVariable && statementLimitInMilliseconds == nil {
                statementLimitInMilliseconds = true  // 1193: unknown system variable (MySQL)
            }
        }
        try c.query(SQL.UserSQL.limitsMySQL, [wait, wait, .int(Int64(limits.statementSeconds) * 1000)])
    }

    /// Time limits of the read-only account's session (settings `sql-time-limit`, `sql-lock-wait`).
    public struct ReaderLimits: Sendable, Equatable {
        /// Longest a statement may run; 0 = no limit.
        public var statementSeconds: Int = 30
        /// Longest a statement waits for a lock (table metadata or InnoDB rows); at least 1.
        public var lockWaitSeconds: Int = 5
        /// Limits for one statement and for waiting on a lock, in seconds.
        public init(statementSeconds: Int = 30, lockWaitSeconds: Int = 5) {
            self.statementSeconds = statementSeconds; self.lockWaitSeconds = lockWaitSeconds
        }
    }

    /// The schema version recorded in the database.
    public func schemaVersion() throws -> Int {
        Int(try connection.queryOne(SQL.Migrations.current)?["v"].int64Value ?? 0)
    }
}
