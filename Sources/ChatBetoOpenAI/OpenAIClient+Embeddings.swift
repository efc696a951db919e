import Foundation

/// Vectors and usage from one or more embeddings calls.
public struct EmbeddingResult: Sendable, Equatable {
    /// One vector per input, in input order.
    public var vectors: [[Float]]
    /// Input tokens billed, summed over all requests.
    public var promptTokens: Int
    /// Total tokens billed, summed over all requests.
    public var totalTokens: Int
    /// How many HTTP requests the inputs were split into.
    public var requests: Int
}

/// Embeddings API (https://platform.openai.com/docs/api-reference/embeddings).
extension OpenAIClient {
    /// API limits per request.
    public static let maxEmbeddingInputs = 2048
    /// At most this many tokens summed over one request.
    public static let maxEmbeddingTokensPerRequest = 300_000

    /// `POST /embeddings`, split into as few requests as the limits allow (≤ 2048 inputs and, by a
    /// conservative estimate, ≤ 300 000 tokens each). Empty inputs are rejected before sending.
    public func embeddings(model: String, inputs: [String], dimensions: Int? = nil) throws -> EmbeddingResult {
        if let bad = inputs.firstIndex(where: \.isEmpty) {
            throw OpenAIError(kind: .invalidRequest, message: "embedding input \(bad) is empty", param: "input",
                              endpoint: "POST /embeddings")
        }
        var result = EmbeddingResult(vectors: [], promptTokens: 0, totalTokens: 0, requests: 0)
        for batch in Self.embeddingBatches(inputs) {
            var body: [String: JSONValue] = ["model": .string(model), "input": .array(inputs[batch].map { .string($0) }),
                                             "encoding_format": "float"]
            if let dimensions { body["dimensions"] = .number(Double(dimensions)) }
            let data = try requestData("POST", "/embeddings", body: .object(body)).body
            let decoded: EmbeddingsWire
            do { decoded = try JSONDecoder().decode(EmbeddingsWire.self, from: data) } catch {
                throw OpenAIError(kind: .decoding, message: "unexpected embeddings response: \(error)", endpoint: "POST /embeddings")
            }
            let ordered = decoded.data.sorted { $0.index < $1.index }
            guard ordered.count == batch.count else {
                throw OpenAIError(kind: .decoding, message: "asked for \(batch.count) embeddings, got \(ordered.count)",
                                  endpoint: "POST /embeddings")
            }
            result.vectors += ordered.map(\.embedding)
            result.promptTokens += decoded.usage?.prompt_tokens ?? 0
            result.totalTokens += decoded.usage?.total_tokens ?? 0
            result.requests += 1
        }
        return result
    }

    /// Index ranges of `inputs` that respect the per-request limits.
    static func embeddingBatches(_ inputs: [String], maxInputs: Int = maxEmbeddingInputs,
                                 maxTokens: Int = maxEmbeddingTokensPerRequest) -> [Range<Int>] {
        var batches: [Range<Int>] = []
        var start = 0, tokens = 0
        for (i, text) in inputs.enumerated() {
            let cost = TokenEstimate.upperBound(text)
            if i > start, i - start >= maxInputs || tokens + cost > maxTokens {
                batches.append(start..<i)
                start = i
                tokens = 0
            }
            tokens += cost
        }
        if start < inputs.count { batches.append(start..<inputs.count) }
        return batches
    }
}

private struct EmbeddingsWire: Decodable {
    struct Item: Decodable { var index: Int; var embedding: [Float] }
    struct Usage: Decodable { var prompt_tokens: Int?; var total_tokens: Int? }
    var data: [Item]
    var usage: Usage?
}
