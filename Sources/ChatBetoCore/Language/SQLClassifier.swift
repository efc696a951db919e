/// Decides whether a piece of input is SQL (bare SQL runs until `;` or `\G`, may span lines) or a shell
/// command (ends at the end of its line).
public enum SQLClassifier {
    /// Statements recognised without the `sql` prefix.
    static let statementKeywords: Set<String> = [
        "select", "with", "describe", "desc", "explain", "insert", "update", "delete", "replace", "create", "drop",
        "alter", "truncate", "rename", "analyze", "optimize", "call", "values", "table", "(",
    ]
    /// Words after `show` that make it SQL's SHOW rather than the conversation command.
    static let showKeywords: Set<String> = [
        "tables", "create", "columns", "fields", "index", "indexes", "keys", "variables", "status", "databases",
        "schemas", "processlist", "full", "grants", "warnings", "errors", "engines", "engine", "table", "triggers",
        "procedure", "function", "collation", "character", "charset", "global", "session", "plugins", "privileges",
        "events", "open", "master", "slave", "replica", "binary", "profile", "profiles", "count", "view",
    ]

    /// True when the text starts an SQL statement (including `sql …`).
    public static func isSQL(_ text: String) -> Bool {
        let words = leadingWords(text, count: 2)
        guard let first = words.first else { return false }
        if first == "sql" { return true }
        if first.hasPrefix("(") { return true }
        if first == "show" { return words.count > 1 && showKeywords.contains(words[1]) }
        return statementKeywords.contains(first)
    }

    /// True for bare SQL, which runs on over lines until `;` or `\G`; `sql <statement>` is a one-line
    /// command, so a script's next line is never taken into its statement.
    public static func spansLines(_ text: String) -> Bool {
        isSQL(text) && leadingWords(text, count: 1) != ["sql"]
    }

    static func leadingWords(_ text: String, count: Int) -> [String] {
        var words: [String] = []
        var current = ""
        for c in text {
            if c.isWhitespace || c == ";" {
                if !current.isEmpty { words.append(current.lowercased()); current = "" }
                if words.count == count || c == ";" { break }
            } else {
                current.append(c)
            }
        }
        if !current.isEmpty && words.count < count { words.append(current.lowercased()) }
        return words
    }
}
