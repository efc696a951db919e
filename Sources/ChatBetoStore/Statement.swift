/// One SQL statement with its bound values in the order of its `?`s. Built by the `SQL` entries
/// (e.g. `SQL.Import.finish(report:importID:)`), so no caller outside ChatBetoStore positions arguments.
public struct Statement: Sendable {
    /// The statement text (never holds a value).
    public let sql: String
    /// The values for its `?`s, in order.
    public let arguments: [SQLValue]

    init(_ sql: String, _ arguments: [SQLValue] = []) {
        self.sql = sql
        self.arguments = arguments
    }
}

extension MySQLConnection {
    /// Runs a statement with its bound values and reads its whole result.
    @discardableResult
    public func query(_ statement: Statement) throws -> ResultSet { try query(statement.sql, statement.arguments) }

    /// Runs a statement with its bound values and returns the first row, if any.
    public func queryOne(_ statement: Statement) throws -> Record? { try queryOne(statement.sql, statement.arguments) }
}
