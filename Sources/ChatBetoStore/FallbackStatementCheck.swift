/// What read-only user SQL may run when no read-only account could be made and it runs on chatbeto's own
/// account instead. A read-only session makes the server refuse writes (DDL too, on MariaDB 10.11), but
/// the account can read `chatbeto_private`, and what a read-only session covers differs between servers:
/// so only statements that read (by their first word, after ordinary comments) are sent, none naming the
/// private table. Connections never allow several statements in one text, so the first word is the
/// statement's kind.
public enum FallbackStatementCheck {
    /// Statement kinds that only read.
    static let reading: Set<String> = ["select", "with", "show", "describe", "desc", "explain", "values", "table"]

    /// Why `sql` is refused, or nil when it may run.
    public static func refusal(_ sql: String) -> String? {
        if sql.lowercased().contains(NamedLock.privateTable) {
            return "\(NamedLock.privateTable) holds chatbeto's own secrets; read-only SQL cannot read it"
        }
        guard let first = firstWord(sql) else {
            return "only a statement that reads (SELECT, WITH, SHOW, DESCRIBE, EXPLAIN) runs read-only here"
        }
        if first == "(" || reading.contains(first) { return nil }
        return "the shell is read-only, and without a read-only account only statements that read " +
            "(SELECT, WITH, SHOW, DESCRIBE, EXPLAIN) run: 'set sql-write on' allows statements that change data or schema"
    }

    /// The first word, lower-cased, after white space and ordinary comments; nil when an executable
    /// comment (`/*! … */`, `/*M! … */`, which the server runs) comes first or nothing does.
    static func firstWord(_ sql: String) -> String? {
        var rest = Substring(sql)
        while true {
            rest = rest.drop(while: \.isWhitespace)
            if rest.hasPrefix("/*!") || rest.hasPrefix("/*M!") || rest.hasPrefix("/*m!") { return nil }
            if rest.hasPrefix("/*") {
                guard let end = rest.range(of: "*/") else { return nil }
                rest = rest[end.upperBound...]
            } else if rest.hasPrefix("#") || rest.hasPrefix("-- ") || rest.hasPrefix("--\t") || rest == "--" {
                guard let end = rest.firstIndex(of: "\n") else { return nil }
                rest = rest[end...]
            } else {
                break
            }
        }
        if rest.hasPrefix("(") { return "(" }
        let word = rest.prefix(while: { $0.isLetter })
        return word.isEmpty ? nil : word.lowercased()
    }
}

/// Read-only user SQL refused before it was sent, because no read-only account could be made.
public struct FallbackRefusal: Error, CustomStringConvertible {
    /// Why it was refused and what allows it.
    public let reason: String
    /// The message the user sees.
    public var description: String { "refused: \(reason)" }
}
