import ChatBetoOpenAI
import Foundation

/// What recall sends: the rules, the numbered passages and the question, as one user turn (so the
/// stored conversation holds exactly what the model saw, and `continue` follows up on it).
struct RecallPrompt: Sendable, Equatable {
    let question: String
    let passages: [RecallPassage]

    var text: String {
        """
        Answer the question using only the numbered passages below, taken from my own earlier conversations. \
        Cite each passage you use by its number in square brackets, like [1] or [2][3], right after the claim \
        it supports. If the passages do not contain the answer, say so plainly; do not use outside knowledge.

        Passages:

        \(passages.map(\.promptText).joined(separator: "\n"))
        Question: \(question)
        """
    }

    /// Rough input tokens.
    var estimatedTokens: Int { TokenEstimate.estimate(text) }

    /// "3 passages (~1,234 tokens, about $0.0004 with gpt-5-mini)", the shape of the seeding line.
    func summary(model: String) -> String {
        let tokens = estimatedTokens.formatted(.number.grouping(.automatic))
        let price = ModelPricing.price(for: model).map { String(format: "about $%.4f", $0.cost(inputTokens: estimatedTokens, outputTokens: 0)) }
            ?? "cost unknown"
        return "\(passages.count) passage\(passages.count == 1 ? "" : "s") (~\(tokens) tokens, \(price) with \(model))"
    }
}
