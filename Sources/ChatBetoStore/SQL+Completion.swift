import Foundation

/// The SQL of tab completion. All SQL text is in SQL.swift and its extensions.
extension SQL {
    /// Names for tab completion.
    public enum Completion {
        /// The tables and columns of the current database the connection's account may see
        /// (information_schema lists only what it holds a privilege on).
        static let schemaNames = Statement("""
            SELECT DISTINCT TABLE_NAME AS name FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()
            UNION SELECT DISTINCT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()
            """)
    }
}

/// Table and column names for completing SQL, as the connection's account sees them.
public enum SchemaNames {
    /// The names, sorted; empty when the account sees nothing.
    public static func read(_ connection: MySQLConnection) throws -> [String] {
        try connection.query(SQL.Completion.schemaNames).rows.compactMap { $0.first?.textValue }.sorted()
    }
}
