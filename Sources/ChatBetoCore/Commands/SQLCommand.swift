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

    public init(statement: String) { self.statement = statement }
    public init(arguments: inout Arguments) throws {
        let text = arguments.rest
        guard !text.isEmpty else { throw arguments.usageError("missing statement") }
        statement = text
    }

    public func run(in shell: Shell) throws -> CommandResult {
        let db = try shell.db()
        let connection = try db.userConnection(write: shell.settings.sqlWrite)
        if !shell.settings.sqlWrite && connection === db.connection {
            // No read-only account could be made: fall back to a read-only session (DML refused by the server).
            try connection.execute(SQL.UserSQL.readOnly)
        }
        defer { if !shell.settings.sqlWrite && connection === db.connection { _ = try? connection.execute(SQL.UserSQL.readWrite) } }
        do {
            let rs = try InterruptibleQuery(connection: connection, killer: db.connection).run(statement)
            return .rows(rs, summary: nil)
        } catch let e as StoreError where !shell.settings.sqlWrite && SQLCommand.isReadOnlyRefusal(e) {
            throw SQLCommandError.readOnly(e)
        }
    }

    /// Access-denied and read-only-transaction errors, when the reader account refused a write.
    static func isReadOnlyRefusal(_ e: StoreError) -> Bool {
        [1142, 1044, 1227, 1792, 1370, 1143, 1045].contains(e.code)
    }
}

/// SQL refused because the shell is read-only.
public enum SQLCommandError: Error, CustomStringConvertible {
    case readOnly(StoreError)
    public var description: String {
        switch self {
        case .readOnly(let e):
            return "\(e)\n  the shell is read-only: 'set sql-write on' allows statements that change data or schema"
        }
    }
}
