/// USD prices per million tokens, for cost previews. Prices change: the table is a dated default
/// (public list prices as known in 2025) and callers can pass their own.
public struct ModelPricing: Sendable, Equatable {
    /// USD per 1M input tokens.
    public var inputPerMillion: Double
    /// USD per 1M output tokens (0 for embedding models).
    public var outputPerMillion: Double

    /// A price in dollars per million input and output tokens.
    public init(inputPerMillion: Double, outputPerMillion: Double) {
        self.inputPerMillion = inputPerMillion
        self.outputPerMillion = outputPerMillion
    }

    /// Default list prices (standard tier, uncached input).
    public static let defaults: [String: ModelPricing] = [
        "gpt-5": .init(inputPerMillion: 1.25, outputPerMillion: 10),
        "gpt-5-mini": .init(inputPerMillion: 0.25, outputPerMillion: 2),
        "gpt-5-nano": .init(inputPerMillion: 0.05, outputPerMillion: 0.40),
        "gpt-4.1": .init(inputPerMillion: 2, outputPerMillion: 8),
        "gpt-4.1-mini": .init(inputPerMillion: 0.40, outputPerMillion: 1.60),
        "gpt-4.1-nano": .init(inputPerMillion: 0.10, outputPerMillion: 0.40),
        "gpt-4o": .init(inputPerMillion: 2.50, outputPerMillion: 10),
        "gpt-4o-mini": .init(inputPerMillion: 0.15, outputPerMillion: 0.60),
        "o3": .init(inputPerMillion: 2, outputPerMillion: 8),
        "o4-mini": .init(inputPerMillion: 1.10, outputPerMillion: 4.40),
        "text-embedding-3-small": .init(inputPerMillion: 0.02, outputPerMillion: 0),
        "text-embedding-3-large": .init(inputPerMillion: 0.13, outputPerMillion: 0),
    ]

    /// Price of `model` in `table`: an exact id, or a dated snapshot of one (`gpt-4o-2024-08-06` → `gpt-4o`).
    /// Unknown models (including newer versions such as `gpt-5.4`) → nil rather than a guess.
    public static func price(for model: String, in table: [String: ModelPricing] = defaults) -> ModelPricing? {
        if let exact = table[model] { return exact }
        let snapshotOf = table.keys.filter { key in
            guard model.hasPrefix(key + "-") else { return false }
            return model.dropFirst(key.count + 1).first?.isNumber == true
        }
        return snapshotOf.max(by: { $0.count < $1.count }).flatMap { table[$0] }
    }

    /// USD for the given token counts.
    public func cost(inputTokens: Int, outputTokens: Int) -> Double {
        (Double(inputTokens) * inputPerMillion + Double(outputTokens) * outputPerMillion) / 1_000_000
    }

    /// A preview before sending: estimated input tokens of `text` plus `expectedOutputTokens`.
    public func estimatedCost(ofInput text: String, expectedOutputTokens: Int = 0) -> Double {
        cost(inputTokens: TokenEstimate.estimate(text), outputTokens: expectedOutputTokens)
    }
}
