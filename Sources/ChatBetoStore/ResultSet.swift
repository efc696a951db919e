/// The kind of a result column, enough to render values faithfully (numbers as numbers in JSON).
public enum ColumnKind: Sendable, Hashable {
    case integer, real, decimal, text, binary, temporal, null
    /// Whether values of this column right-align as numbers.
    public var isNumeric: Bool { self == .integer || self == .real || self == .decimal }
}

/// A result column.
public struct Column: Sendable, Hashable {
    public var name: String
    public var kind: ColumnKind
    /// A result column with its name and kind.
    public init(name: String, kind: ColumnKind) { self.name = name; self.kind = kind }
}

/// Rows returned by a statement, fully read.
public struct ResultSet: Sendable, Hashable {
    public var columns: [Column]
    public var rows: [[SQLValue]]
    /// Rows changed by a statement without a result set.
    public var affectedRows: UInt64
    public var lastInsertID: UInt64

    /// A result: columns, rows, and what a write changed.
    public init(columns: [Column] = [], rows: [[SQLValue]] = [], affectedRows: UInt64 = 0, lastInsertID: UInt64 = 0) {
        self.columns = columns; self.rows = rows; self.affectedRows = affectedRows; self.lastInsertID = lastInsertID
    }

    /// Whether the statement produced a result set (even an empty one).
    public var hasResultSet: Bool { !columns.isEmpty }

    /// The index of a column by name, case-insensitive.
    public func index(of name: String) -> Int? {
        columns.firstIndex { $0.name.caseInsensitiveCompare(name) == .orderedSame }
    }

    /// Rows as dictionaries keyed by column name, for code that reads a few named fields.
    public var records: [Record] { rows.map { Record(columns: columns, values: $0) } }
}

/// One row with access by column name.
public struct Record: Sendable {
    public let columns: [Column]
    public let values: [SQLValue]
    /// The value in the named column (null when there is no such column).
    public subscript(_ name: String) -> SQLValue {
        guard let i = columns.firstIndex(where: { $0.name == name }) else { return .null }
        return values[i]
    }
    /// The named column as text.
    public func string(_ name: String) -> String? { self[name].textValue }
    /// The named column as an integer.
    public func int(_ name: String) -> Int64? { self[name].int64Value }
}
