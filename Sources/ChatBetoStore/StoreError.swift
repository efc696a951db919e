/// An error from the database layer, carrying what the server said and the SQL that caused it.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    /// MySQL/MariaDB error number (e.g. 1064 syntax, 1792 read-only transaction, 2002 cannot connect).
    public var code: MySQLErrorCode
    public var sqlState: String
    public var message: String
    /// The statement text, never the bound values.
    public var sql: String?
    /// The C function that failed, for errors raised by the client library.
    public var function: String?

    /// An error as the server reported it, with the SQL and the C function.
    public init(code: MySQLErrorCode, sqlState: String = "HY000", message: String, sql: String? = nil, function: String? = nil) {
        self.code = code; self.sqlState = sqlState; self.message = message; self.sql = sql; self.function = function
    }

    /// The message the user sees (the SQL, never bound values).
    public var description: String {
        var s = "ERROR \(code) (\(sqlState)): \(message)"
        if let sql, !sql.isEmpty {
            let oneLine = sql.split(whereSeparator: \.isNewline).joined(separator: " ")
            s += "\n  in: " + (oneLine.count > 300 ? String(oneLine.prefix(300)) + "…" : oneLine)
        }
        return s
    }

    /// Errors after which the connection is gone and a reconnect may help.
    public var isConnectionLost: Bool { code == .serverGone || code == .serverLost || code == .serverLostExtended || code == .idleTimeout }
    /// Errors that mean nothing is listening at the address.
    public var isCannotConnect: Bool { code == .cannotConnectSocket || code == .cannotConnectHost || code == .unknownHost }
}
