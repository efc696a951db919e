import Foundation

/// Words checked on a candidate message's text rather than required from the full-text index: each
/// must be one of its words (folded as the index compares them), or start one for a prefix word.
struct WordCheck {
    /// Folded word, whether it may be a prefix, and the share of messages holding it.
    let words: [(word: String, prefix: Bool, share: Double)]

    init(words: [(String, Bool, Double)]) {
        self.words = words.map { (QueryTerms.folded($0.0), $0.1, $0.2) }
    }

    func holds(_ text: String) -> Bool {
        words.isEmpty || score(text) != nil
    }

    /// Nil unless `text` holds every word; else the sum of each word's count times its idf squared,
    /// InnoDB's relevance formula with the idf estimated from the sample.
    func score(_ text: String) -> Double? {
        guard !words.isEmpty else { return 0 }
        var counts = [Int](repeating: 0, count: words.count)
        for token in WordSample.words(text) {
            for (i, w) in words.enumerated() where token == w.word || (w.prefix && token.hasPrefix(w.word)) { counts[i] += 1 }
        }
        guard counts.allSatisfy({ $0 > 0 }) else { return nil }
        return zip(words, counts).reduce(0) { sum, pair in
            let idf = log10(1 / max(pair.0.share, 1e-6))
            return sum + Double(pair.1) * idf * idf
        }
    }
}
