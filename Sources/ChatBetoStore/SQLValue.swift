import Foundation

/// A value crossing the boundary to MySQL: a bound parameter or a result cell.
public enum SQLValue: Sendable, Hashable {
    case null
    case int(Int64)
    case double(Double)
    /// Exact numerics (DECIMAL) keep their text so nothing is rounded.
    case decimal(String)
    case text(String)
    case blob([UInt8])
    /// DATE, TIME, DATETIME and TIMESTAMP values as the server prints them (`2024-05-01 10:00:00.000000`).
    case temporal(String)

    /// The value as text, the way the `mysql` client prints it; nil for NULL.
    public var textValue: String? {
        switch self {
        case .null: return nil
        case .int(let v): return String(v)
        case .double(let v): return SQLValue.format(v)
        case .decimal(let s), .text(let s), .temporal(let s): return s
        case .blob(let b): return String(decoding: b, as: UTF8.self)
        }
    }

    /// Whether this is SQL NULL.
    public var isNull: Bool { if case .null = self { return true } else { return false } }

    /// The value as an integer, when it is one or parses as one.
    public var int64Value: Int64? {
        switch self {
        case .int(let v): return v
        case .double(let v): return Int64(exactly: v.rounded())
        case .decimal(let s), .text(let s): return Int64(s)
        default: return nil
        }
    }

    /// The value as a double, when it is a number.
    public var doubleValue: Double? {
        switch self {
        case .int(let v): return Double(v)
        case .double(let v): return v
        case .decimal(let s), .text(let s): return Double(s)
        default: return nil
        }
    }

    static func format(_ d: Double) -> String {
        if d.isFinite, d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return String(d)
    }
}

extension SQLValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByNilLiteral {
    /// A text value from a literal.
    public init(stringLiteral value: String) { self = .text(value) }
    /// An integer value from a literal.
    public init(integerLiteral value: Int64) { self = .int(value) }
    /// NULL from `nil`.
    public init(nilLiteral: ()) { self = .null }
}

public extension SQLValue {
    /// `.text` or `.null`.
    static func optional(_ s: String?) -> SQLValue { s.map { .text($0) } ?? .null }
    /// `.int` or `.null`.
    static func optional(_ i: Int?) -> SQLValue { i.map { .int(Int64($0)) } ?? .null }
    /// `.double` or `.null`.
    static func optional(_ d: Double?) -> SQLValue { d.map { .double($0) } ?? .null }
    /// `.int(0/1)` or `.null`.
    static func optional(_ b: Bool?) -> SQLValue { b.map { .int($0 ? 1 : 0) } ?? .null }
}
