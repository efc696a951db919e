import Foundation

/// The words of a search, cleaned for InnoDB's boolean full-text mode.
///
/// Words are split on anything that is not a letter, digit or underscore (as InnoDB tokenises), so
/// `user_id`, `malloc` and `café` survive while operator characters (`+-<>()~*"@`) never reach the server.
/// English and Spanish stop words, words shorter than the index's minimum token size and words longer than
/// its maximum (InnoDB's `innodb_ft_max_token_size`, 84: such a word is never indexed) are dropped:
/// InnoDB never indexes its own (English) stop words, so requiring one would match nothing, and
/// requiring "de" or "que" would only add noise. Each remaining word is required (`+word`); the last
/// one also matches as a prefix while the user is still typing it (`+word*`). A single word is searched
/// in natural-language mode instead (see `FullTextSearch`), where it must match whole.
public struct QueryTerms: Sendable, Equatable {
    /// Words to find, lower-cased, in the order typed.
    public let words: [String]

    /// The longest word the index holds (InnoDB's default `innodb_ft_max_token_size`).
    public static let maximumLength = 84

    /// The words of a query, shorter and longer ones dropped.
    public init(_ text: String, minimumLength: Int = 2) {
        var seen = Set<String>()
        words = QueryTerms.tokens(text).filter { word in
            word.count >= minimumLength && word.count <= QueryTerms.maximumLength && !QueryTerms.stopWords.contains(QueryTerms.folded(word)) && seen.insert(word).inserted
        }
    }

    /// Whether no word is left to search for.
    public var isEmpty: Bool { words.isEmpty }

    /// The `AGAINST (… IN BOOLEAN MODE)` text: every word required.
    public var booleanQuery: String {
        words.enumerated().map { i, w in i == words.count - 1 && w.count >= 3 ? "+\(w)*" : "+\(w)" }.joined(separator: " ")
    }

    /// Words as the index splits them, lower-cased.
    public static func tokens(_ text: String) -> [String] {
        var out: [String] = [], current = ""
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber || ch == "_" { current.append(ch) } else if !current.isEmpty { out.append(current); current = "" }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// Lower-cased without accents, to compare with the stop word list.
    public static func folded(_ word: String) -> String {
        word.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// InnoDB's default English stop words plus common Spanish ones (accents removed).
    static let stopWords: Set<String> = [
        // InnoDB INFORMATION_SCHEMA.INNODB_FT_DEFAULT_STOPWORD
        "a", "about", "an", "are", "as", "at", "be", "by", "com", "de", "en", "for", "from", "how", "i", "in", "is", "it",
        "la", "of", "on", "or", "that", "the", "this", "to", "was", "what", "when", "where", "who", "will", "with", "und",
        "www",
        // Spanish
        "el", "los", "las", "un", "una", "unos", "unas", "y", "o", "u", "e", "que", "del", "al", "lo", "se", "su", "sus",
        "por", "para", "con", "sin", "como", "mas", "pero", "es", "son", "esta", "este", "esto", "estos", "estas", "ese",
        "esa", "eso", "hay", "ha", "he", "me", "mi", "te", "tu", "le", "les", "nos", "ya", "muy", "si", "no", "yo",
        "cual", "donde", "cuando", "quien", "porque", "sobre", "entre", "hasta", "desde",
    ]
}
