import Foundation
internal import CMySQL

/// One connection to a MySQL-compatible server, owning the C handle.
///
/// Not thread-safe: use one connection per thread. Prepared statements are cached by SQL text.
public final class MySQLConnection {
    private(set) var handle: UnsafeMutablePointer<MYSQL>
    public let config: ConnectionConfig
    private var statementCache: [String: PreparedStatement] = [:]
    /// Called when the connection was lost and re-established, so the caller can say so.
    public var onReconnect: (@Sendable (StoreError) -> Void)?
    /// Runs before a reconnect (the shell starts its private server again there); returns true when it
    /// already told the user what happened, so `onReconnect` stays quiet.
    public var prepareReconnect: (() throws -> Bool)?
    private var transactionDepth = 0
    /// How often the connection was re-made (a new server session each time): holders of session state,
    /// such as the import lock, compare it to notice that their session is gone.
    public private(set) var reconnects = 0

    private static let libraryInit: Void = { _ = chatbeto_mysql_library_init() }()

    /// Connects, sets utf8mb4 and UTC for the session.
    public init(config: ConnectionConfig, connectTimeout: UInt32 = 5) throws {
        _ = MySQLConnection.libraryInit
        guard let h = mysql_init(nil) else {
            throw StoreError(code: .outOfMemory, message: "out of memory creating a MySQL handle", function: "mysql_init")
        }
        handle = h
        self.config = config
        // On failure deinit closes the handle (it runs for a fully initialised instance that throws).
        try open(connectTimeout: connectTimeout)
    }

    deinit {
        statementCache.removeAll()
        mysql_close(handle)
    }

    private func open(connectTimeout: UInt32) throws {
        _ = chatbeto_mysql_set_uint_option(handle, MYSQL_OPT_CONNECT_TIMEOUT, connectTimeout)
        _ = chatbeto_mysql_set_string_option(handle, MYSQL_SET_CHARSET_NAME, "utf8mb4")
        _ = chatbeto_mysql_set_bool_option(handle, MYSQL_OPT_LOCAL_INFILE, true)
        let flags = UInt(CLIENT_FOUND_ROWS)
        let ok = mysql_real_connect(handle, config.socket == nil ? config.host : "localhost", config.user,
                                    config.password, nil, config.socket == nil ? config.port : 0,
                                    config.socket, flags)
        if ok == nil { throw lastError(sql: nil, function: "mysql_real_connect") }
        try execute(SQL.Connection.utcTimeZone)
        try execute(SQL.Connection.utf8mb4)
    }

    /// Selects the database, creating it if asked to.
    public func useDatabase(create: Bool) throws {
        let name = config.database
        guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else {
            throw StoreError(code: .wrongDatabaseName, sqlState: "42000", message: "incorrect database name '\(name)'")
        }
        if create {
            try execute(SQL.Connection.createDatabase(name))
        }
        if mysql_select_db(handle, name) != 0 { throw lastError(sql: "USE `\(name)`", function: "mysql_select_db") }
    }

    func lastError(sql: String?, function: String) -> StoreError {
        StoreError(code: MySQLErrorCode(rawValue: Int(mysql_errno(handle))), sqlState: String(cString: mysql_sqlstate(handle)),
                   message: String(cString: mysql_error(handle)), sql: sql, function: function)
    }

    /// Server version string, e.g. `10.11.6-MariaDB-0+deb12u1`.
    /// Empty when the handle is not connected (after a failed reconnect).
    public var serverVersion: String {
        guard let info = mysql_get_server_info(handle) else { return "" }
        return String(cString: info)
    }

    /// Runs a statement through the text protocol and reads its whole result.
    /// Use only for statements without values from outside (DDL, user-typed SQL).
    @discardableResult
    public func execute(_ sql: String) throws -> ResultSet {
        try withReconnect { try self.executeOnce(sql) }
    }

    private func executeOnce(_ sql: String) throws -> ResultSet {
        let status = sql.withCString { mysql_real_query(handle, $0, UInt(strlen($0))) }
        if status != 0 { throw lastError(sql: sql, function: "mysql_real_query") }
        var first: ResultSet?
        // Drain every result (CALL and multi-results); keep the first set that has columns, else the last status.
        repeat {
            let current = try readTextResult(sql: sql)
            if first == nil || (!(first!.hasResultSet) && current.hasResultSet) { first = current }
            let next = mysql_next_result(handle)
            if next > 0 { throw lastError(sql: sql, function: "mysql_next_result") }
            if next != 0 { break }
        } while true
        return first ?? ResultSet()
    }

    private func readTextResult(sql: String) throws -> ResultSet {
        guard let res = mysql_store_result(handle) else {
            if mysql_field_count(handle) != 0 { throw lastError(sql: sql, function: "mysql_store_result") }
            return ResultSet(affectedRows: mysql_affected_rows(handle), lastInsertID: mysql_insert_id(handle))
        }
        defer { mysql_free_result(res) }
        let n = Int(mysql_num_fields(res))
        let fields = mysql_fetch_fields(res)!
        var columns: [Column] = []
        for i in 0..<n {
            let f = fields[i]
            columns.append(Column(name: String(cString: f.name), kind: ColumnKind(type: f.type, charset: f.charsetnr)))
        }
        var rows: [[SQLValue]] = []
        while let row = mysql_fetch_row(res) {
            let lengths = mysql_fetch_lengths(res)!
            var values: [SQLValue] = []
            values.reserveCapacity(n)
            for i in 0..<n {
                guard let p = row[i] else { values.append(.null); continue }
                let bytes = UnsafeRawBufferPointer(start: p, count: Int(lengths[i]))
                values.append(SQLValue(bytes: bytes, kind: columns[i].kind))
            }
            rows.append(values)
        }
        return ResultSet(columns: columns, rows: rows)
    }

    /// Prepares a statement (or reuses the cached one for the same SQL).
    public func prepare(_ sql: String) throws -> PreparedStatement {
        if let s = statementCache[sql] { return s }
        let s = try PreparedStatement(connection: self, sql: sql)
        statementCache[sql] = s
        return s
    }

    /// Runs a statement with bound parameters and reads its whole result.
    @discardableResult
    public func query(_ sql: String, _ parameters: [SQLValue] = []) throws -> ResultSet {
        try withReconnect { try self.prepare(sql).run(parameters) }
    }

    /// Runs a statement with bound parameters and returns the first row, if any.
    public func queryOne(_ sql: String, _ parameters: [SQLValue] = []) throws -> Record? {
        try query(sql, parameters).records.first
    }

    /// Runs `body` in a transaction: committed if it returns, rolled back if it throws.
    /// Nested calls join the outer transaction.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        if transactionDepth > 0 {
            transactionDepth += 1
            defer { transactionDepth -= 1 }
            return try body()
        }
        try execute(SQL.Connection.start)
        transactionDepth = 1
        defer { transactionDepth = 0 }
        do {
            let value = try body()
            try execute(SQL.Connection.commit)
            return value
        } catch {
            _ = try? executeOnce(SQL.Connection.rollback)
            throw error
        }
    }

    /// Whether a transaction opened by `transaction` is running.
    public var inTransaction: Bool { transactionDepth > 0 }

    /// Retries once after a lost connection, outside transactions (where a retry would lose earlier work).
    private func withReconnect<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StoreError where error.isConnectionLost && transactionDepth == 0 {
            try recover(from: error)
            return try body()
        }
    }

    /// Reconnects after `error` (through `prepareReconnect`), or says which server could not be reached.
    private func recover(from error: StoreError) throws {
        let told: Bool
        do {
            told = try prepareReconnect?() ?? false
            try reconnect()
        } catch let failed as StoreError where failed.isCannotConnect || failed.isConnectionLost {
            throw StoreError(code: failed.code, sqlState: failed.sqlState,
                             message: "lost the connection to \(config.displayName) and could not reconnect: \(failed.message)",
                             function: failed.function)
        }
        if !told { onReconnect?(error) }
    }

    /// Makes sure the connection is up (a ping), reconnecting as a lost query would.
    public func ensureConnected() throws {
        if ping() { return }
        try recover(from: StoreError(code: .serverGone, message: "MySQL server has gone away"))
    }

    /// Re-establishes a lost connection on the same handle.
    public func reconnect() throws {
        statementCache.removeAll()
        // mysql_close frees a handle that mysql_init allocated: start from a new one.
        guard let fresh = mysql_init(nil) else {
            throw StoreError(code: .outOfMemory, message: "out of memory creating a MySQL handle", function: "mysql_init")
        }
        mysql_close(handle)
        handle = fresh
        reconnects += 1
        try open(connectTimeout: 5)
        if mysql_select_db(handle, config.database) != 0 {
            throw lastError(sql: "USE `\(config.database)`", function: "mysql_select_db")
        }
    }

    /// Checks that the server still answers.
    public func ping() -> Bool { mysql_ping(handle) == 0 }

    /// Whether the server is MariaDB (as opposed to MySQL).
    public var isMariaDB: Bool { serverVersion.localizedCaseInsensitiveContains("mariadb") }
}

extension ColumnKind {
    init(type: enum_field_types, charset: UInt32) {
        switch type {
        case MYSQL_TYPE_TINY, MYSQL_TYPE_SHORT, MYSQL_TYPE_LONG, MYSQL_TYPE_INT24, MYSQL_TYPE_LONGLONG, MYSQL_TYPE_YEAR:
            self = .integer
        case MYSQL_TYPE_FLOAT, MYSQL_TYPE_DOUBLE: self = .real
        case MYSQL_TYPE_DECIMAL, MYSQL_TYPE_NEWDECIMAL: self = .decimal
        case MYSQL_TYPE_DATE, MYSQL_TYPE_TIME, MYSQL_TYPE_DATETIME, MYSQL_TYPE_TIMESTAMP, MYSQL_TYPE_NEWDATE:
            self = .temporal
        case MYSQL_TYPE_NULL: self = .null
        case MYSQL_TYPE_TINY_BLOB, MYSQL_TYPE_MEDIUM_BLOB, MYSQL_TYPE_LONG_BLOB, MYSQL_TYPE_BLOB,
             MYSQL_TYPE_VAR_STRING, MYSQL_TYPE_STRING, MYSQL_TYPE_VARCHAR, MYSQL_TYPE_BIT, MYSQL_TYPE_GEOMETRY:
            self = charset == 63 ? .binary : .text
        default: self = .text
        }
    }
}

extension SQLValue {
    /// Decodes a value the server sent as text.
    init(bytes: UnsafeRawBufferPointer, kind: ColumnKind) {
        switch kind {
        case .integer:
            let s = String(decoding: bytes, as: UTF8.self)
            if let v = Int64(s) { self = .int(v) } else { self = .decimal(s) }  // BIGINT UNSIGNED beyond Int64
        case .real:
            let s = String(decoding: bytes, as: UTF8.self)
            self = Double(s).map { .double($0) } ?? .text(s)
        case .decimal: self = .decimal(String(decoding: bytes, as: UTF8.self))
        case .temporal: self = .temporal(String(decoding: bytes, as: UTF8.self))
        case .binary: self = .blob(Array(bytes))
        case .text, .null: self = .text(String(decoding: bytes, as: UTF8.self))
        }
    }
}
