import Foundation

/// Splits long messages into pieces an embedding model takes whole, cutting at paragraph or word
/// boundaries; each piece gets its own vector and a hit on any piece points to the message.
enum TextChunker {
    /// About 1,500 tokens of prose: well inside the 8,191-token input limit, small enough to stay specific.
    public static let defaultSize = 6_000

    /// Splits a text into chunks of about `size` characters at word boundaries.
    public static func chunks(_ text: String, size: Int = defaultSize) -> [String] {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return [] }
        var out: [String] = []
        var rest = Substring(trimmed)
        while rest.count > size {
            let window = rest.prefix(size)
            let cut = window.range(of: "\n\n", options: .backwards)?.lowerBound
                ?? window.lastIndex(where: \.isWhitespace)
                ?? window.endIndex
            let piece = rest[..<(cut > rest.startIndex ? cut : window.endIndex)]
            out.append(String(piece).trimmingCharacters(in: .whitespacesAndNewlines))
            rest = rest[piece.endIndex...].drop { $0.isWhitespace }
        }
        if !rest.isEmpty { out.append(String(rest)) }
        return out.filter { !$0.isEmpty }
    }
}
