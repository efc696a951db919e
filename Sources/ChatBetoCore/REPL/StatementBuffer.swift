/// The lines of the statement being typed: one history entry per statement, and what `\e` edits.
/// Also recognises the `mysql` client's buffer commands at the end of a line (`\c`, `\e`). Pure.
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

    /// A buffer command ending a line: `\c` / `clear` drops the statement, `\e` / `edit` opens it in
    /// `$EDITOR`. `rest` is the text typed before the command on that line.
    enum ClientCommand: Equatable {
        case clear(rest: String)
        case edit(rest: String)
    }

    static func clientCommand(in line: String, continuing: Bool) -> ClientCommand? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        switch trimmed.lowercased() {
        case "clear", "clear;": return .clear(rest: "")
        case "edit", "edit;": return .edit(rest: "")
        default: break
        }
        guard trimmed.count >= 2, trimmed.hasSuffix("\\c") || trimmed.hasSuffix("\\e") else { return nil }
        let rest = String(trimmed.dropLast(2))
        // `\\c` is an escaped backslash and a c; inside an open quote the backslash is the quote's.
        if rest.hasSuffix("\\") || insideQuote(rest) { return nil }
        return trimmed.hasSuffix("\\c") ? .clear(rest: rest) : .edit(rest: rest)
    }

    /// Whether `text` ends inside a '…', "…" or `…` quote.
    static func insideQuote(_ text: String) -> Bool {
        var quote: Character?
        var escaped = false
        for c in text {
            if escaped { escaped = false; continue }
            if c == "\\" { escaped = true; continue }
            if let q = quote { if c == q { quote = nil } } else if c == "'" || c == "\"" || c == "`" { quote = c }
        }
        return quote != nil
    }
}
