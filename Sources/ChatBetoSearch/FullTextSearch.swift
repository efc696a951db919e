import ChatBetoStore

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

    public func messageHits(_ terms: QueryTerms, filter: SearchFilter) throws -> [SearchHit] {
        let oneWord = terms.words.count == 1
        let q = oneWord ? terms.words[0] : terms.booleanQuery
        let statement = oneWord ? SQL.Search.messagesOneWord : SQL.Search.messages
        let rs = try connection.query(statement(q, filter.projectID, filter.since, filter.role, filter.limit))
        let hits = rs.records.map { SearchHit($0, score: $0["score"].doubleValue ?? 0) }
        // The one-word query relies on the engine's order; sorting (stably) makes the listing exact.
        return oneWord ? hits.enumerated().sorted { ($0.element.score, -$0.offset) > ($1.element.score, -$1.offset) }.map(\.element) : hits
    }

    public func titleHits(_ terms: QueryTerms, filter: SearchFilter) throws -> [SearchHit] {
        let q = terms.booleanQuery
        let rs = try connection.query(SQL.Search.titles(query: q, projectID: filter.projectID, since: filter.since,
                                                        limit: filter.limit))
        return rs.records.map { SearchHit($0, score: $0["score"].doubleValue ?? 0) }
    }
}
