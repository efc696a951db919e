/// Splits a command line into words, shell style: whitespace separates, '…' and "…" quote,
/// a backslash escapes the next character outside single quotes.
public enum Tokenizer {
    /// The words of a line, with quotes and backslashes resolved; throws on an unclosed quote.
    public static func words(_ line: String) throws -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var iterator = line.makeIterator()
        while let c = iterator.next() {
            if let q = quote {
                if c == q { quote = nil; continue }
                if c == "\\" && q == "\"", let next = iterator.next() {
                    if next == "\"" || next == "\\" { current.append(next) } else { current.append(c); current.append(next) }
                    continue
                }
                current.append(c)
                continue
            }
            switch c {
            case "'", "\"":
                quote = c; inWord = true
            case "\\":
                if let next = iterator.next() { current.append(next) } else { current.append(c) }
                inWord = true
            case " ", "\t", "\n", "\r":
                if inWord { words.append(current); current = ""; inWord = false }
            default:
                current.append(c); inWord = true
            }
        }
        if let q = quote { throw ParseError.unterminatedQuote(q) }
        if inWord { words.append(current) }
        return words
    }
}
