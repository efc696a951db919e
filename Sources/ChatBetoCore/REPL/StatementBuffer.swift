/// The lines of the statement being typed: one history entry per statement, and what `\e` edits.
/// Also finds the `mysql` client's buffer commands (`\c`, `\e`) in a line, as `mysql` does: anywhere
/// outside quotes and SQL comments. Pure.
struct StatementBuffer: Sendable, Equatable {
    private var lines: [String] = []
    /// The last complete statement (what `\e` edits when nothing is typed).
    private(set) var last = ""

    /// The lines so far, joined with newlines.
    var text: String { lines.joined(separator: "\n") }

    mutating func append(_ line: String) { lines.append(line) }

    /// The statement with `line` added, without keeping it.
    func adding(_ line: String) -> String {
        let all = line.trimmingCharacters(in: .whitespaces).isEmpty ? lines : lines + [line]
        return all.joined(separator: "\n")
    }

    /// The statement is complete (or ran): remembered as the last one, the buffer starts over.
    mutating func finish() {
        let done = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if !done.isEmpty { last = done }
        lines = []
    }

    /// Drops the statement being typed (`\c`, Ctrl-C); the last complete one is kept.
    mutating func clear() { lines = [] }

    /// A buffer command in a line: `\c` / `clear` drops the statement, `\e` / `edit` opens it in
    /// `$EDITOR`. `rest` is the text typed before the command on that line, `after` what follows it
    /// (read as new input once the command is done).
    enum ClientCommand: Equatable {
        case clear(rest: String, after: String)
        case edit(rest: String, after: String)
    }

    /// The first buffer command in `line`, given the statement typed before it (`pending`, whose open
    /// quote or comment the line may continue); nil when there is none.
    static func clientCommand(in line: String, pending: String = "") -> ClientCommand? {
        let sql = SQLClassifier.isSQL(pending.isEmpty ? line : pending)
        var scan = Scan(sql: sql)
        if !pending.isEmpty { _ = scan.read(Array(pending + "\n"), find: false) }
        guard !scan.isOpen else {
            // Inside a quote or comment from an earlier line, only a command after it closes counts.
            return find(in: line, scan: &scan)
        }
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        switch trimmed.lowercased() {
        case "clear", "clear;": return .clear(rest: "", after: "")
        case "edit", "edit;": return .edit(rest: "", after: "")
        default: break
        }
        // A whole-line comment (`#`, `-- `) is skipped by the splitter, commands in it included.
        if pending.isEmpty && (trimmed.hasPrefix("#") || trimmed == "--" || trimmed.hasPrefix("-- ") || trimmed.hasPrefix("--\t")) { return nil }
        return find(in: line, scan: &scan)
    }

    private static func find(in line: String, scan: inout Scan) -> ClientCommand? {
        let chars = Array(line)
        guard let at = scan.read(chars, find: true) else { return nil }
        let rest = String(chars[..<at]), after = String(chars[(at + 2)...])
        return chars[at + 1] == "c" ? .clear(rest: rest, after: after) : .edit(rest: rest, after: after)
    }

    /// Where a text is: inside a '…', "…" (or, in SQL, `…`) quote, an SQL comment, or neither, as the
    /// input splitter reads it (a backslash escapes the next character).
    private struct Scan {
        let sql: Bool
        var quote: Character?
        var blockComment = false
        var lineComment = false

        /// Whether a quote or block comment is still open.
        var isOpen: Bool { quote != nil || blockComment }

        /// Reads `chars`; with `find`, stops at the first `\c` or `\e` outside quotes and comments and
        /// returns its offset.
        mutating func read(_ chars: [Character], find: Bool) -> Int? {
            var i = 0
            while i < chars.count {
                let c = chars[i]
                let next: Character? = i + 1 < chars.count ? chars[i + 1] : nil
                if lineComment {
                    if c == "\n" { lineComment = false }
                    i += 1
                    continue
                }
                if blockComment {
                    if c == "*" && next == "/" { blockComment = false; i += 2 } else { i += 1 }
                    continue
                }
                if let q = quote {
                    if c == "\\" { i += 2; continue }
                    if c == q { quote = nil }
                    i += 1
                    continue
                }
                switch c {
                case "'", "\"": quote = c
                case "`" where sql: quote = c
                case "\\":
                    if find && (next == "c" || next == "e") { return i }
                    i += 2
                    continue
                case "#" where sql: lineComment = true
                case "-" where sql && next == "-":
                    if i + 2 >= chars.count || chars[i + 2].isWhitespace { lineComment = true }
                case "/" where sql && next == "*":
                    blockComment = true
                    i += 2
                    continue
                default: break
                }
                i += 1
            }
            return nil
        }
    }
}
