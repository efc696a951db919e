import ChatBetoStore

/// Ranked full-text search over message text and conversation titles with InnoDB FULLTEXT indexes.
public struct FullTextSearch {
    public let connection: MySQLConnection
    /// Full-text search over this connection.
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

    /// Cost estimates on a 2-core machine, in microseconds (measured over 1,000,000 messages): InnoDB's
    /// boolean mode reads the whole posting list of every word it is given (half a microsecond to one
    /// per message holding the word, more under load), while a candidate row read in rank or time order
    /// and tested with LIKE costs 5-20 (most rows fail the test and are never sent). A word in most
    /// messages is far cheaper to test on candidates than to require.
    static let postingCost = 1.0, rowCost = 10.0

    /// How one search is run: which words the index is asked for (none: newest messages first), and
    /// which are tested on the candidates instead.
    struct Plan: Equatable {
        var required: [Int]
        var checked: [Int]
    }

    /// The cheapest split of the words between the index and the candidate test, by the shares of
    /// messages holding each word (independent words assumed).
    static func plan(shares: [Double], total: Int, limit: Int) -> Plan {
        let n = Double(max(total, 1)), page = Double(limit)
        let all = Array(shares.indices)
        guard shares.count <= 8 else {
            // Too many combinations: the rarer words go to the index.
            let required = all.filter { shares[$0] < 0.03 }
            return Plan(required: required.isEmpty ? [all.min { shares[$0] < shares[$1] }!] : required,
                        checked: all.filter { shares[$0] >= 0.03 && !required.isEmpty })
        }
        var best = Plan(required: all, checked: []), bestCost = Double.infinity
        for mask in 0..<(1 << shares.count) {
            let required = all.filter { mask & (1 << $0) != 0 }
            // The rarest tested word first: most candidates fail on it and the others are not tested.
            let checked = all.filter { mask & (1 << $0) == 0 }.sorted { shares[$0] < shares[$1] }
            let pass = checked.reduce(1.0) { $0 * shares[$1] }
            let cost: Double
            if required.isEmpty {
                cost = rowCost * page * 3 / max(pass, 1e-9)
            } else {
                let postings = required.reduce(0.0) { $0 + shares[$1] * n }
                let matches = required.reduce(n) { $0 * shares[$1] }
                cost = postingCost * postings + rowCost * min(matches, page / max(pass, 1e-9))
            }
            if cost < bestCost { bestCost = cost; best = Plan(required: required, checked: checked) }
        }
        return best
    }

    /// Messages holding every word (the last also as a prefix from three letters), ranked by the index's
    /// relevance for the words it was asked for. How common each word is (from a sample of recent
    /// messages) decides which words go to the index and which are tested on its candidates (LIKE in
    /// the statement, then exactly here), whichever costs less; when every word is very common, the
    /// newest messages holding them all are ranked instead. A single word given to the index uses
    /// natural-language mode, where it must match whole.
    public func messageHits(_ terms: QueryTerms, filter: SearchFilter) throws -> [SearchHit] {
        let words = terms.words
        let prefixLast = (words.last?.count ?? 0) >= 3
        let sample = try WordSample.of(connection)
        let shares = words.indices.map { sample.share(of: words[$0], prefix: prefixLast && $0 == words.count - 1) }
        let plan = FullTextSearch.plan(shares: shares, total: sample.total, limit: filter.limit)
        let check = WordCheck(words: plan.checked.map { (words[$0], prefixLast && $0 == words.count - 1, shares[$0]) })
        let likes = plan.checked.map { FullTextSearch.likePattern(words[$0]) }
        var hits: [SearchHit] = []
        if plan.required.isEmpty {
            // Rank a few pages of the newest messages holding every word.
            let rs = try connection.query(SQL.Search.messagesNewest(projectID: filter.projectID, since: filter.since, role: filter.role,
                                                                    likes: likes, limit: filter.limit * 3, provider: filter.provider))
            for record in rs.records {
                if let score = check.score(record.string("text") ?? "") { hits.append(SearchHit(record, score: score)) }
            }
        } else if words.count == 1 {
            let rs = try connection.query(SQL.Search.messagesOneWord(query: words[0], projectID: filter.projectID, since: filter.since,
                                                                   role: filter.role, limit: filter.limit, provider: filter.provider))
            hits = rs.records.map { SearchHit($0, score: $0["score"].doubleValue ?? 0) }
        } else {
            let q = plan.required.map { "+" + words[$0] + (prefixLast && $0 == words.count - 1 ? "*" : "") }.joined(separator: " ")
            // LIKE also matches inside longer words: read more rows than needed, and more again if
            // the exact test left too few.
            var candidates = plan.checked.isEmpty ? filter.limit : filter.limit * 2
            while true {
                let rs = try connection.query(SQL.Search.messagesRanked(query: q, projectID: filter.projectID, since: filter.since,
                                                                  role: filter.role, likes: likes, limit: candidates, provider: filter.provider))
                hits = Array(rs.records.lazy.filter { check.holds($0.string("text") ?? "") }
                    .map { SearchHit($0, score: $0["score"].doubleValue ?? 0) }.prefix(filter.limit))
                if hits.count >= filter.limit || rs.rows.count < candidates || candidates >= filter.limit * 32 { break }
                candidates *= 4
            }
        }
        // Best first; sorting stably keeps the engine's order among equal scores.
        return Array(hits.enumerated().sorted { ($0.element.score, -$0.offset) > ($1.element.score, -$1.offset) }
            .map(\.element).prefix(filter.limit))
    }

    /// `%word%` for LIKE with `!` as the escape character (words may hold `_`).
    static func likePattern(_ word: String) -> String {
        "%" + word.replacingOccurrences(of: "!", with: "!!").replacingOccurrences(of: "%", with: "!%")
            .replacingOccurrences(of: "_", with: "!_") + "%"
    }

    /// Conversations whose title matches the terms.
    public func titleHits(_ terms: QueryTerms, filter: SearchFilter) throws -> [SearchHit] {
        let q = terms.booleanQuery
        let rs = try connection.query(SQL.Search.titles(query: q, projectID: filter.projectID, since: filter.since,
                                                        limit: filter.limit, provider: filter.provider))
        return rs.records.map { SearchHit($0, score: $0["score"].doubleValue ?? 0) }
    }
}
