/// Cuts input into units: a shell command (`sql …` too) ends at `;` or the end of its line; a bare SQL
/// statement (`SELECT …`, `WITH …`, `SHOW TABLES`) ends at `;` or `\G` and may span lines, as in `mysql`. Quotes ('…', "…", `…`) and SQL comments are respected. Pure.
public struct InputSplitter: Sendable {
    /// One statement or command cut from the input, with where it started.
    public struct Unit: Sendable, Equatable {
        public var text: String
        /// Ended by `\G`: show vertically.
        public var vertical: Bool
        /// The 1-based line where the unit started.
        public var line: Int
    }

    private var buffer = ""
    private var bufferStartLine = 0
    private var lineNumber = 0

    /// A splitter with nothing buffered.
    public init() {}

    /// True when a statement is waiting for its terminator (the shell shows a continuation prompt).
    public var isContinuing: Bool { !buffer.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }

    /// Feeds one line (without its newline) and returns the units it completed.
    public mutating func feed(line: String) -> [Unit] {
        lineNumber += 1
        if buffer.isEmpty {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            // Whole-line comments in scripts and at the prompt.
            if trimmed.hasPrefix("#") || trimmed.hasPrefix("--") && (trimmed.count == 2 || trimmed.dropFirst(2).first?.isWhitespace == true) {
                return []
            }
            bufferStartLine = lineNumber
        } else {
            buffer += "\n"
        }
        buffer += line
        return drain(endOfLine: true)
    }

    /// Ends the input: whatever is pending becomes a unit (as the `mysql` client does in batch mode).
    public mutating func finish() -> [Unit] {
        var units = drain(endOfLine: true)
        let rest = buffer.trimmingCharacters(in: .whitespacesAndNewlines)
        if !rest.isEmpty { units.append(Unit(text: rest, vertical: false, line: bufferStartLine)) }
        buffer = ""
        return units
    }

    /// Abandons a pending statement (Ctrl-C at a continuation prompt).
    public mutating func reset() { buffer = "" }

    private mutating func drain(endOfLine: Bool) -> [Unit] {
        var units: [Unit] = []
        while true {
            let isSQL = SQLClassifier.isSQL(buffer)
            guard let cut = InputSplitter.findTerminator(in: buffer, sql: isSQL) else { break }
            let text = String(buffer[..<cut.start]).trimmingCharacters(in: .whitespacesAndNewlines)
            let startLine = bufferStartLine
            // Count the newlines consumed so later units report their own line.
            bufferStartLine += buffer[..<cut.end].filter { $0 == "\n" }.count
            buffer = String(buffer[cut.end...])
            if buffer.first == "\n" { buffer.removeFirst(); bufferStartLine += 1 }
            let leading = buffer.prefix { $0 == " " || $0 == "\t" }
            buffer.removeFirst(leading.count)
            if !text.isEmpty { units.append(Unit(text: text, vertical: cut.vertical, line: startLine)) }
        }
        // A newline ends a command (an unterminated quote then fails in the parser, with its message).
        if endOfLine && !buffer.isEmpty && !SQLClassifier.spansLines(buffer) {
            let text = buffer.trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty { units.append(Unit(text: text, vertical: false, line: bufferStartLine)) }
            buffer = ""
        }
        return units
    }

    /// Finds the first `;` or `\G` outside quotes and comments. For commands, `#`/`--` are not comments.
    static func findTerminator(in text: String, sql: Bool) -> (start: String.Index, end: String.Index, vertical: Bool)? {
        var quote: Character?
        var i = text.startIndex
        var blockComment = false
        var lineComment = false
        while i < text.endIndex {
            let c = text[i]
            let next = text.index(after: i)
            if lineComment { if c == "\n" { lineComment = false }; i = next; continue }
            if blockComment {
                if c == "*", next < text.endIndex, text[next] == "/" { blockComment = false; i = text.index(after: next) } else { i = next }
                continue
            }
            if let q = quote {
                if c == "\\", next < text.endIndex { i = text.index(after: next); continue }
                if c == q { quote = nil }
                i = next
                continue
            }
            switch c {
            case "'", "\"", "`":
                if c == "`" && !sql { break }
                quote = c
            case ";":
                return (i, next, false)
            case "\\":
                if next < text.endIndex, text[next] == "G" || text[next] == "g" {
                    return (i, text.index(after: next), text[next] == "G")
                }
            case "#" where sql:
                lineComment = true
            case "-" where sql:
                if next < text.endIndex, text[next] == "-" {
                    let after = text.index(after: next)
                    if after == text.endIndex || text[after].isWhitespace { lineComment = true }
                }
            case "/" where sql:
                if next < text.endIndex, text[next] == "*" { blockComment = true; i = text.index(after: next); continue }
            default: break
            }
            i = next
        }
        return nil
    }
}
