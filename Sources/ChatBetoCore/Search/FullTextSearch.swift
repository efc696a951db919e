/// Ranked full-text search over message text and conversation titles with InnoDB FULLTEXT indexes.
public struct FullTextSearch {
    public let connection: MySQLConnection
    public init(connection: MySQLConnection) { self.connection = connection }

    /// Messages matching every word (a single word also without the prefix match), ranked by the index's relevance; conversations whose title
    /// matches are fused in (reciprocal rank fusion), so a conversation named after the words
    /// shows up even when no single message holds them all. Title hits are skipped under `--role`.
    public func search(_ terms: QueryTerms, filter: SearchFilter) throws -> [SearchHit] {
        guard !terms.isEmpty else { return [] }
        let messages = try messageHits(terms, filter: filter)
        guard filter.role == nil else { return messages }
        let titles = try titleHits(terms, filter: filter)
        if titles.isEmpty { return messages }
        return HybridRanker.fuse([messages, titles], limit: filter.limit)
    }

    /// Words in more than this share of messages are checked on the candidates instead of required
    /// from the index: InnoDB reads a required word's whole posting list (about a microsecond per
    /// message holding it), while such a word barely changes the ranking (its idf is near zero).
    public static let commonShare = 0.03
    /// When every word is common and even the rarest is in more than this share of messages, the
    /// newest messages are read and checked instead of asking the index at all.
    public static let scanShare = 0.10
    /// At most this many candidates are read to be checked for the common words.
    public static let maximumCandidates = 4_000

    /// Messages holding every word (the last also as a prefix from three letters), ranked by the index's
    /// relevance for the words it was asked for. The rarer words go to the index (boolean mode, rows in
    /// rank order, read only up to the number of candidates needed); the very common ones are checked
    /// on those candidates. A single word that is not very common uses natural-language mode, where it
    /// must match whole.
    public func messageHits(_ terms: QueryTerms, filter: SearchFilter) throws -> [SearchHit] {
        let words = terms.words
        let prefixLast = (words.last?.count ?? 0) >= 3
        let sample = try WordSample.of(connection)
        let shares = words.indices.map { sample.share(of: words[$0], prefix: prefixLast && $0 == words.count - 1) }
        var required = words.indices.filter { shares[$0] < FullTextSearch.commonShare }
        if required.isEmpty, let rarest = words.indices.min(by: { shares[$0] < shares[$1] }), shares[rarest] < FullTextSearch.scanShare {
            required = [rarest]
        }
        let checked = words.indices.filter { !required.contains($0) }
        let check = WordCheck(words: checked.map { (words[$0], prefixLast && $0 == words.count - 1, shares[$0]) })
        if required.isEmpty { return try newestHits(check, filter: filter) }
        let filters: [SQLValue] = [
            .int(filter.projectID == nil ? 0 : 1), filter.projectID.map { .int($0) } ?? .null,
            .optional(filter.since), .optional(filter.since),
            .optional(filter.role), .optional(filter.role),
        ]
        let hits: [SearchHit]
        if words.count == 1 {
            let rs = try connection.query(SQL.Search.messagesOneWord, [.text(words[0]), .text(words[0])] + filters + [.int(Int64(filter.limit))])
            hits = rs.records.map { SearchHit($0, score: $0["score"].doubleValue ?? 0) }
        } else {
            let q = required.map { "+" + words[$0] + (prefixLast && $0 == words.count - 1 ? "*" : "") }.joined(separator: " ")
            // Enough candidates that about three times the page hold the checked words too.
            let pass = checked.reduce(1.0) { $0 * max(shares[$1], 0.01) }
            let candidates = checked.isEmpty ? filter.limit
                : min(FullTextSearch.maximumCandidates, max(filter.limit * 4, Int(Double(filter.limit) * 3 / pass)))
            let rs = try connection.query(SQL.Search.messagesRanked, [.text(q), .text(q)] + filters + [.int(Int64(candidates))])
            hits = Array(rs.records.lazy.filter { check.holds($0.string("text") ?? "") }
                .map { SearchHit($0, score: $0["score"].doubleValue ?? 0) }.prefix(filter.limit))
        }
        // The engine returns rows best first; sorting (stably) makes the listing exact.
        return hits.enumerated().sorted { ($0.element.score, -$0.offset) > ($1.element.score, -$1.offset) }.map(\.element)
    }

    /// Every word is very common: the newest messages, a page at a time, checked for every word and
    /// ranked by term frequency times the words' rarity (as the index scores them), until a page of
    /// hits is found or `maximumCandidates` were read.
    func newestHits(_ check: WordCheck, filter: SearchFilter) throws -> [SearchHit] {
        var hits: [SearchHit] = []
        var offset = 0
        let page = 500
        while hits.count < filter.limit && offset < FullTextSearch.maximumCandidates {
            let rs = try connection.query(SQL.Search.messagesNewest, [
                .int(filter.projectID == nil ? 0 : 1), filter.projectID.map { .int($0) } ?? .null,
                .optional(filter.since), .optional(filter.since), .optional(filter.role), .optional(filter.role),
                .int(Int64(page)), .int(Int64(offset)),
            ])
            for record in rs.records {
                if let score = check.score(record.string("text") ?? "") { hits.append(SearchHit(record, score: score)) }
            }
            if rs.rows.count < page { break }
            offset += page
        }
        return Array(hits.enumerated().sorted { ($0.element.score, -$0.offset) > ($1.element.score, -$1.offset) }
            .map(\.element).prefix(filter.limit))
    }

    public func titleHits(_ terms: QueryTerms, filter: SearchFilter) throws -> [SearchHit] {
        let q = terms.booleanQuery
        let rs = try connection.query(SQL.Search.titles, [
            .text(q), .text(q),
            .int(filter.projectID == nil ? 0 : 1), filter.projectID.map { .int($0) } ?? .null,
            .optional(filter.since), .optional(filter.since),
            .int(Int64(filter.limit)),
        ])
        return rs.records.map { SearchHit($0, score: $0["score"].doubleValue ?? 0) }
    }
}
