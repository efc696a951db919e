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
        // The index knows no providers, and its projects are those of indexing time (a conversation
        // moved since, by a re-import or by hand, would be found in its old project): the conversation
        // ids of each, read now, filter before ranking.
        let ofProvider = try filter.provider.map { try conversationIDs(SQL.Search.conversationIDs(provider: $0)) }
        let ofProject = try filter.projectID.map { try conversationIDs(SQL.Search.conversationIDs(projectID: $0)) }
        // Several chunks of one message may rank; ask for more and keep each message's best.
        let nearest = index.nearest(to: queryVector, k: filter.limit * 3) { e in
            (ofProject == nil || ofProject!.contains(e.conversationID))
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

    private func conversationIDs(_ statement: Statement) throws -> Set<String> {
        Set(try connection.query(statement).rows.compactMap { $0.first?.textValue })
    }
}
