import ChatBetoStore

/// Semantic search: the question's embedding against the stored message vectors, best chunk per message.
public struct SemanticSearch {
    public let connection: MySQLConnection
    public let index: VectorIndex

    /// Semantic search over this index.
    public init(connection: MySQLConnection, index: VectorIndex) {
        self.connection = connection; self.index = index
    }

    /// Messages nearest to `queryVector`, best first, with the filter applied before ranking.
    public func search(queryVector: [Float], filter: SearchFilter) throws -> [SearchHit] {
        // The index knows no providers: their conversation ids, read once, filter before ranking.
        let ofProvider = try filter.provider.map { p in
            Set(try connection.query(SQL.Search.conversationIDs(provider: p)).rows.compactMap { $0.first?.textValue })
        }
        // Several chunks of one message may rank; ask for more and keep each message's best.
        let nearest = index.nearest(to: queryVector, k: filter.limit * 3) { e in
            (filter.projectID == nil || e.projectID == filter.projectID)
                && (ofProvider == nil || ofProvider!.contains(e.conversationID))
                && (filter.role == nil || e.role == filter.role)
                && (filter.since == nil || (e.createTime ?? "") >= filter.since!)
        }
        var ranked: [(VectorIndex.Entry, Float)] = []
        var seen = Set<String>()
        for (i, score) in nearest {
            let e = index.entry(at: i)
            if seen.insert(e.conversationID + "\u{1F}" + e.nodeID).inserted { ranked.append((e, score)) }
            if ranked.count == filter.limit { break }
        }
        guard !ranked.isEmpty else { return [] }
        let params = ranked.flatMap { [SQLValue.text($0.0.conversationID), .text($0.0.nodeID)] }
        var details: [String: Record] = [:]
        for r in try connection.query(SQL.Search.messagesByKey(count: ranked.count), params).records {
            details[(r.string("conversation_id") ?? "") + "\u{1F}" + (r.string("node_id") ?? "")] = r
        }
        return ranked.compactMap { e, score in
            details[e.conversationID + "\u{1F}" + e.nodeID].map { SearchHit($0, score: Double(score)) }
        }
    }
}
