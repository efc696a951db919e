import ChatBetoStore

/// Full-text, semantic or fused search behind one call, for callers that are not the `search` command
/// (`recall`, `chatbeto mcp`). Semantic ranking needs the vector index and a way to embed the query.
public struct HybridSearch {
    /// How hits are ranked.
    public enum Mode: String, Sendable, CaseIterable {
        case fullText = "full-text", semantic, hybrid
    }

    public let connection: MySQLConnection
    /// The message vectors; nil when semantic search is not available.
    public let index: VectorIndex?
    /// Embeds the query (one API call); nil when no key is configured.
    public let embed: ((String) throws -> [Float])?

    /// Hybrid search; without an index or embedder it is full-text only.
    public init(connection: MySQLConnection, index: VectorIndex?, embed: ((String) throws -> [Float])?) {
        self.connection = connection; self.index = index; self.embed = embed
    }

    /// Whether semantic ranking can run: vectors exist for the model and the query can be embedded.
    public func semanticAvailable() throws -> Bool {
        guard let index, embed != nil else { return false }
        try index.refresh(from: connection)
        return index.count > 0
    }

    /// Ranked hits. `.hybrid` falls back to full-text alone when semantic ranking is unavailable (no
    /// vectors, no key), so it always answers; `.semantic` says why it cannot.
    public func search(_ query: String, mode: Mode, filter: SearchFilter) throws -> [SearchHit] {
        let terms = QueryTerms(query)
        switch mode {
        case .fullText:
            guard !terms.isEmpty else { throw SearchError.nothingToSearch(query: query) }
            return try FullTextSearch(connection: connection).search(terms, filter: filter)
        case .semantic:
            return try semantic(query, filter: filter)
        case .hybrid:
            let text = terms.isEmpty ? [] : try FullTextSearch(connection: connection).search(terms, filter: filter)
            guard try semanticAvailable() else {
                if terms.isEmpty { throw SearchError.nothingToSearch(query: query) }
                return text
            }
            return HybridRanker.fuse([text, try semantic(query, filter: filter)], limit: filter.limit)
        }
    }

    private func semantic(_ query: String, filter: SearchFilter) throws -> [SearchHit] {
        guard let index else { throw SearchError.noEmbeddings(model: "?", dimensions: 0) }
        try index.refresh(from: connection)
        guard index.count > 0 else { throw SearchError.noEmbeddings(model: index.model, dimensions: index.dimensions) }
        guard let embed else { throw SearchError.semanticNeedsKey }
        return try SemanticSearch(connection: connection, index: index).search(queryVector: try embed(query), filter: filter)
    }
}
