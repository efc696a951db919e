/// A MySQL/MariaDB error number with names for the ones chatbeto reacts to (server errors 1xxx,
/// client library errors 2xxx, MariaDB's own 19xx/4xxx). Integer literals still work: `code == 1146`.
public struct MySQLErrorCode: RawRepresentable, Hashable, Sendable, ExpressibleByIntegerLiteral, CustomStringConvertible {
    /// The number the server or Connector/C reported.
    public let rawValue: Int

    /// A code from its number.
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// A code from a literal.
    public init(integerLiteral value: Int) { self.rawValue = value }
    /// The number, as `ERROR 1146 (42S02)` shows it.
    public var description: String { String(rawValue) }

    /// Not from the server: a condition chatbeto itself reports through `StoreError`.
    public static let none: MySQLErrorCode = 0

    // Access
    /// ER_DBACCESS_DENIED_ERROR: no access to the database.
    public static let databaseAccessDenied: MySQLErrorCode = 1044
    /// ER_ACCESS_DENIED_ERROR: wrong user or password.
    public static let accessDenied: MySQLErrorCode = 1045
    /// ER_NONEXISTING_GRANT: the account has no such grant.
    public static let noSuchGrant: MySQLErrorCode = 1141
    /// ER_TABLEACCESS_DENIED_ERROR: a table privilege is missing (e.g. the reader writing).
    public static let tableAccessDenied: MySQLErrorCode = 1142
    /// ER_COLUMNACCESS_DENIED_ERROR.
    public static let columnAccessDenied: MySQLErrorCode = 1143
    /// ER_SPECIFIC_ACCESS_DENIED_ERROR: needs SUPER or a similar privilege.
    public static let specificAccessDenied: MySQLErrorCode = 1227
    /// ER_PROCACCESS_DENIED_ERROR: a routine privilege is missing.
    public static let routineAccessDenied: MySQLErrorCode = 1370
    /// ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION.
    public static let readOnlyTransaction: MySQLErrorCode = 1792

    // Schema
    /// ER_TABLE_EXISTS_ERROR.
    public static let tableExists: MySQLErrorCode = 1050
    /// ER_BAD_DB_ERROR: unknown database.
    public static let unknownDatabase: MySQLErrorCode = 1049
    /// ER_DUP_FIELDNAME: the column exists.
    public static let duplicateColumn: MySQLErrorCode = 1060
    /// ER_DUP_KEYNAME: the index exists.
    public static let duplicateKey: MySQLErrorCode = 1061
    /// ER_DUP_ENTRY: a unique key already holds the value.
    public static let duplicateEntry: MySQLErrorCode = 1062
    /// ER_WRONG_DB_NAME.
    public static let wrongDatabaseName: MySQLErrorCode = 1102
    /// ER_NO_SUCH_TABLE.
    public static let noSuchTable: MySQLErrorCode = 1146
    /// ER_UNKNOWN_SYSTEM_VARIABLE (e.g. `max_statement_time` on MySQL).
    public static let unknownSystemVariable: MySQLErrorCode = 1193
    /// ER_FK_DUP_NAME: the foreign key exists.
    public static let duplicateForeignKey: MySQLErrorCode = 1826

    // Concurrency and limits
    /// ER_LOCK_WAIT_TIMEOUT.
    public static let lockWaitTimeout: MySQLErrorCode = 1205
    /// ER_LOCK_DEADLOCK.
    public static let deadlock: MySQLErrorCode = 1213
    /// ER_QUERY_INTERRUPTED: KILL QUERY.
    public static let queryInterrupted: MySQLErrorCode = 1317
    /// ER_STATEMENT_TIMEOUT (MariaDB `max_statement_time`).
    public static let statementTimeout: MySQLErrorCode = 1969
    /// ER_QUERY_TIMEOUT (MySQL `max_execution_time`).
    public static let queryTimeout: MySQLErrorCode = 3024

    // Client library
    /// CR_CONNECTION_ERROR: nothing listens on the socket.
    public static let cannotConnectSocket: MySQLErrorCode = 2002
    /// CR_CONN_HOST_ERROR: nothing listens on host:port.
    public static let cannotConnectHost: MySQLErrorCode = 2003
    /// CR_UNKNOWN_HOST.
    public static let unknownHost: MySQLErrorCode = 2005
    /// CR_SERVER_GONE_ERROR.
    public static let serverGone: MySQLErrorCode = 2006
    /// CR_OUT_OF_MEMORY.
    public static let outOfMemory: MySQLErrorCode = 2008
    /// CR_SERVER_LOST: the connection dropped during a query.
    public static let serverLost: MySQLErrorCode = 2013
    /// CR_PARAMS_NOT_BOUND / wrong parameter count.
    public static let wrongParameterCount: MySQLErrorCode = 2034
    /// CR_SERVER_LOST_EXTENDED.
    public static let serverLostExtended: MySQLErrorCode = 2055
    /// ER_CLIENT_INTERACTION_TIMEOUT (MariaDB closed an idle connection).
    public static let idleTimeout: MySQLErrorCode = 4031
}
