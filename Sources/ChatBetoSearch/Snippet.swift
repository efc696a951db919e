import Foundation

/// A short excerpt of a message around the first matching word, with the matches highlighted.
public enum Snippet {
    /// Up to `width` characters of `text` (whitespace collapsed) around the first of `words` found,
    /// matching case- and accent-insensitively as the index does; each match passes through `highlight`.
    public static func make(_ text: String, words: [String], width: Int = 120,
                            highlight: (String) -> String = { $0 }) -> String {
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let options: String.CompareOptions = [.caseInsensitive, .diacriticInsensitive]
        let first = words.compactMap { flat.range(of: $0, options: options) }.min { $0.lowerBound < $1.lowerBound }
        var start = flat.startIndex
        if let first {
            let before = flat.distance(from: flat.startIndex, to: first.lowerBound)
            start = flat.index(flat.startIndex, offsetBy: max(0, before - width / 3))
        }
        let end = flat.index(start, offsetBy: width, limitedBy: flat.endIndex) ?? flat.endIndex
        var excerpt = String(flat[start..<end])
        excerpt = highlighted(excerpt, words: words, options: options, highlight: highlight)
        return (start > flat.startIndex ? "…" : "") + excerpt + (end < flat.endIndex ? "…" : "")
    }

    static func highlighted(_ text: String, words: [String], options: String.CompareOptions,
                            highlight: (String) -> String) -> String {
        var ranges: [Range<String.Index>] = []
        for word in words where !word.isEmpty {
            var from = text.startIndex
            while let r = text.range(of: word, options: options, range: from..<text.endIndex) {
                ranges.append(r)
                from = r.upperBound
            }
        }
        ranges.sort { $0.lowerBound < $1.lowerBound }
        var out = "", cursor = text.startIndex
        for r in ranges where r.lowerBound >= cursor {
            out += text[cursor..<r.lowerBound] + highlight(String(text[r]))
            cursor = r.upperBound
        }
        return out + text[cursor...]
    }
}
