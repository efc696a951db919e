import ChatBetoStore
import ChatBetoOpenAI
import Foundation

/// Turns texts into vectors: the seam between indexing and the embeddings endpoint.
public protocol Embedder {
    func embed(_ texts: [String]) throws -> EmbeddingResult
}

/// The OpenAI embeddings endpoint with a fixed model and dimensions.
public struct OpenAIEmbedder: Embedder {
    public let client: OpenAIClient
    public let model: String
    public let dimensions: Int
    /// An embedder using this model and size.
    public init(client: OpenAIClient, model: String, dimensions: Int) {
        self.client = client; self.model = model; self.dimensions = dimensions
    }
    /// The vectors of these texts, in order.
    public func embed(_ texts: [String]) throws -> EmbeddingResult {
        try client.embeddings(model: model, inputs: texts, dimensions: dimensions)
    }
}

/// What `index` would send: messages without a vector for the model and dimensions, chunked.
public struct EmbeddingPlan: Sendable {
    /// A message to embed and its chunks.
    public struct Item: Sendable, Equatable {
        public var conversationID: String
        public var nodeID: String
        public var chunks: [String]
    }
    public var model: String
    public var dimensions: Int
    public var items: [Item]

    /// Messages the plan embeds.
    public var messageCount: Int { items.count }
    /// Chunks the plan embeds (one request input each).
    public var chunkCount: Int { items.reduce(0) { $0 + $1.chunks.count } }
    /// Input tokens, estimated from the text.
    public var estimatedTokens: Int { items.reduce(0) { $0 + $1.chunks.reduce(0) { $0 + TokenEstimate.estimate($1) } } }
    /// USD at list price; nil for a model without a known price.
    public var estimatedCost: Double? {
        ModelPricing.price(for: model).map { $0.cost(inputTokens: estimatedTokens, outputTokens: 0) }
    }
}

/// What an `index` run did.
public struct EmbeddingReport: Sendable, Equatable {
    public var messages = 0
    public var chunks = 0
    public var promptTokens = 0
    public var requests = 0
    /// Stopped early at the caller's request; what was committed stays.
    public var interrupted = false
}

/// Builds message embeddings incrementally: `plan` finds what is missing, `execute` embeds it batch by
/// batch and commits each batch, so an interrupted run loses at most one batch and the next run resumes.
public struct EmbeddingIndexer {
    public let connection: MySQLConnection
    public let model: String
    public let dimensions: Int
    /// Chunks per commit (the client splits further to respect the endpoint's limits).
    public var batchSize = 256

    /// A planner for vectors of this model and size.
    public init(connection: MySQLConnection, model: String, dimensions: Int) {
        self.connection = connection; self.model = model; self.dimensions = dimensions
    }

    /// The messages of a project (or all) that have no vectors yet.
    public func plan(projectID: Int64?) throws -> EmbeddingPlan {
        let rs = try connection.query(SQL.Embeddings.pending(projectID: projectID, model: model, dimensions: dimensions))
        let items = rs.rows.compactMap { row -> EmbeddingPlan.Item? in
            let chunks = TextChunker.chunks(row[2].textValue ?? "")
            guard !chunks.isEmpty else { return nil }
            return EmbeddingPlan.Item(conversationID: row[0].textValue ?? "", nodeID: row[1].textValue ?? "", chunks: chunks)
        }
        return EmbeddingPlan(model: model, dimensions: dimensions, items: items)
    }

    /// Embeds and stores the plan; `progress(messagesDone, messagesTotal)` after each committed batch.
    /// `shouldStop` is asked before each batch (Ctrl-C): the run ends cleanly and the next one resumes.
    public func execute(_ plan: EmbeddingPlan, embedder: Embedder, progress: (Int, Int) -> Void = { _, _ in },
                        shouldStop: () -> Bool = { false }) throws -> EmbeddingReport {
        var report = EmbeddingReport()
        var start = 0
        while start < plan.items.count {
            if shouldStop() { report.interrupted = true; break }
            var end = start, chunks = 0
            while end < plan.items.count, chunks == 0 || chunks + plan.items[end].chunks.count <= batchSize {
                chunks += plan.items[end].chunks.count
                end += 1
            }
            let batch = plan.items[start..<end]
            let result = try embedder.embed(batch.flatMap(\.chunks))
            guard result.vectors.count == chunks, result.vectors.allSatisfy({ $0.count == dimensions }) else {
                throw OpenAIError(kind: .decoding, message: "expected \(chunks) vectors of \(dimensions) dimensions, got \(result.vectors.count)",
                                  endpoint: "POST /embeddings")
            }
            var values: [SQLValue] = []
            values.reserveCapacity(chunks * 6)
            var v = 0
            for item in batch {
                for chunk in item.chunks.indices {
                    values += [.text(item.conversationID), .text(item.nodeID), .int(Int64(chunk)), .text(model),
                               .int(Int64(dimensions)), .blob(VectorIndex.encode(result.vectors[v]))]
                    v += 1
                }
            }
            _ = try connection.transaction { try connection.query(SQL.Embeddings.insert(rows: chunks), values) }
            report.messages += batch.count
            report.chunks += chunks
            report.promptTokens += result.promptTokens
            report.requests += result.requests
            start = end
            progress(report.messages, plan.items.count)
        }
        return report
    }
}
