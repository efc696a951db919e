import ChatBetoStore
import Foundation

/// How common words are, estimated from the words of a sample of recent messages.
///
/// InnoDB's boolean mode reads and intersects the whole posting list of every required word, at about
/// a microsecond per message that holds it: a word found in half of a million messages costs a
/// quarter of a second whatever the other words are. Knowing which words are that common lets
/// `FullTextSearch` leave them out of the index query and check them on the candidates instead.
/// One sample per server and process (about 1,000 messages, read once).
struct WordSample: Sendable {
    /// The folded words of each sampled message.
    let messages: [Set<String>]
    /// How many messages the store holds (the optimizer's estimate, at least the sample's size).
    public let total: Int

    /// A sample of words from these texts.
    public init(texts: [String], total: Int = 0) {
        messages = texts.map { Set(WordSample.words($0)) }
        self.total = max(total, texts.count)
    }

    /// The words of `text` as `QueryTerms` splits and folds them (lower case, no accents), fast for
    /// ASCII: runs of letters, digits and `_` are cut from the UTF-8 bytes, and only runs holding other
    /// characters go through `Character` classification and folding.
    public static func words(_ text: String) -> [String] {
        var out: [String] = []
        var text = text
        text.withUTF8 { bytes in
            var start = -1, ascii = true
            func flush(_ end: Int) {
                guard start >= 0 else { return }
                let run = String(decoding: bytes[start..<end], as: UTF8.self)
                if ascii { out.append(run.lowercased()) } else { out += QueryTerms.tokens(run).map(QueryTerms.folded) }
                start = -1; ascii = true
            }
            for i in 0..<bytes.count {
                let b = bytes[i]
                let word = b >= 0x80 || (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F
                if word {
                    if start < 0 { start = i }
                    if b >= 0x80 { ascii = false }
                } else {
                    flush(i)
                }
            }
            flush(bytes.count)
        }
        return out
    }

    /// The share of sampled messages holding `word` (as a prefix of one of their words when `prefix`).
    public func share(of word: String, prefix: Bool) -> Double {
        guard !messages.isEmpty else { return 0 }
        // A word not in the sample is rarer than one in it: half a message, not zero.
        let f = QueryTerms.folded(word)
        let n = messages.reduce(0) { n, words in
            n + (words.contains(f) || (prefix && words.contains { $0.hasPrefix(f) }) ? 1 : 0)
        }
        return max(Double(n), 0.5) / Double(messages.count)
    }

    static let size = 1_000
    /// Samples older than this are read again: a long session may import many messages.
    static let maximumAge: TimeInterval = 300
    nonisolated(unsafe) private static var cache: [String: (sample: WordSample, taken: Date)] = [:]
    private static let lock = NSLock()

    /// The sample of the server `connection` talks to, read on first use.
    static func of(_ connection: MySQLConnection) throws -> WordSample {
        let key = connection.config.displayName
        lock.lock()
        let cached = cache[key]
        lock.unlock()
        if let cached, Date().timeIntervalSince(cached.taken) < maximumAge { return cached.sample }
        let texts = try connection.query(SQL.Search.sample(size: size)).rows.compactMap { $0[0].textValue }
        let total = try connection.queryOne(SQL.Search.messageEstimate)?.int("n") ?? 0
        let sample = WordSample(texts: texts, total: Int(total))
        lock.lock()
        cache[key] = (sample, Date())
        lock.unlock()
        return sample
    }
}
