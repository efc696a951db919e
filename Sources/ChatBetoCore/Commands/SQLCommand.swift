import ChatBetoStore

/// `sql <statement>` and bare SELECT/WITH/SHOW/DESCRIBE/EXPLAIN: runs SQL. Read-only unless
/// `set sql-write on`; the server enforces it (a SELECT-only account), not string matching.
public struct SQLCommand: ShellCommand, Equatable {
    public static let spec = CommandSpec(
        name: "sql", usage: "sql <statement>  |  SELECT … ;  |  … \\G",
        summary: "Run an SQL statement (read-only unless 'set sql-write on'); \\G shows rows vertically.",
        details: """
        SELECT title, create_time FROM conversations ORDER BY create_time DESC LIMIT 5;
        SHOW TABLES;   DESCRIBE messages;   EXPLAIN SELECT …;
        sql SELECT 1 AS one --format json
        Statements may span lines; they run at ; or \\G.
        """, category: .query)
    public var statement: String

    /// `sql` with these arguments, as its words would parse.
    public init(statement: String) { self.statement = statement }
    /// Parses the words after `sql` (see `spec`).
    public init(arguments: inout Arguments) throws {
        let text = arguments.rest
        guard !text.isEmpty else { throw arguments.usageError("missing statement") }
        statement = text
    }

    /// Run an SQL statement (read-only unless 'set sql-write on'); \G shows rows vertically.
    public func run(in context: CommandContext) throws -> CommandResult {
        let db = try context.db()
        let limits = Database.ReaderLimits(statementSeconds: context.settings.sqlTimeLimit, lockWaitSeconds: context.settings.sqlLockWait)
        let connection = try db.userConnection(write: context.settings.sqlWrite, limits: limits)
        let asReader = connection !== db.connection
        // A read-only statement runs on its own: a transaction the user opened (and the row locks of a
        // locking read in it) never outlasts the command, so an idle shell holds nothing up.
        defer { if asReader { _ = try? connection.execute(SQL.Connection.rollback) } }
        let fallback = !context.settings.sqlWrite && connection === db.connection
        if fallback {
            // No read-only account could be made: statements that only read, in a read-only session with
            // the reader's limits (the server refuses DML there, chatbeto refuses the rest first).
            if let note = db.takeFallbackNote() { context.output.diagnostics("note: " + note) }
            try db.beginFallbackStatement(statement, limits: limits)
        }
        defer { if fallback { db.endFallbackStatement() } }
        do {
            do {
                return .rows(try InterruptibleQuery(connection: connection, killer: db.connection).run(statement), summary: nil)
            } catch let e as StoreError where asReader && e.code == .tableAccessDenied {
                switch try db.explainSelectRefusal(e) {
                case .noSuchTable(let missing)?: throw missing
                case .privateTable?: throw SQLCommandError.privateTable(e)
                case .grantedNow?: return .rows(try InterruptibleQuery(connection: connection, killer: db.connection).run(statement), summary: nil)
                case nil: throw e
                }
            }
        } catch let e as StoreError where !context.settings.sqlWrite && SQLCommand.isReadOnlyRefusal(e) {
            throw SQLCommandError.readOnly(e)
        } catch let e as StoreError where (asReader || fallback) && SQLCommand.isTimeLimit(e) {
            throw SQLCommandError.timeLimit(e, seconds: limits.statementSeconds)
        } catch let e as StoreError where (asReader || fallback) && e.code == .lockWaitTimeout {
            throw SQLCommandError.lockWait(e, seconds: limits.lockWaitSeconds)
        }
    }

    /// Access-denied and read-only-transaction errors, when the reader account refused a write.
    static func isReadOnlyRefusal(_ e: StoreError) -> Bool {
        [.tableAccessDenied, .databaseAccessDenied, .specificAccessDenied, .readOnlyTransaction, .routineAccessDenied, .columnAccessDenied, .accessDenied].contains(e.code)
    }

    /// MariaDB's max_statement_time (1969) and MySQL's max_execution_time (3024) errors.
    static func isTimeLimit(_ e: StoreError) -> Bool { e.code == .statementTimeout || e.code == .queryTimeout }
}

/// SQL refused because the shell is read-only.
public enum SQLCommandError: Error, CustomStringConvertible {
    case readOnly(StoreError)
    /// `chatbeto_private` holds the secret of chatbeto's lock names: never readable by user SQL.
    case privateTable(StoreError)
    /// The read-only account's statement time limit cut the statement off.
    case timeLimit(StoreError, seconds: Int)
    /// The statement waited longer than the read-only account may for a lock another session holds.
    case lockWait(StoreError, seconds: Int)
    /// The message the user sees.
    public var description: String {
        switch self {
        case .readOnly(let e):
            return "\(e)\n  the shell is read-only: 'set sql-write on' allows statements that change data or schema"
        case .privateTable(let e):
            return "\(e)\n  \(NamedLock.privateTable) holds chatbeto's own secrets; read-only SQL cannot read it"
        case .timeLimit(let e, let seconds):
            return "\(e)\n  stopped after \(seconds) s, the time limit of read-only SQL ('set sql-time-limit N' changes it, 0 = none)"
        case .lockWait(let e, let seconds):
            return "\(e)\n  waited \(seconds) s for a lock another session holds, the most read-only SQL waits ('set sql-lock-wait N' changes it)"
        }
    }
}
