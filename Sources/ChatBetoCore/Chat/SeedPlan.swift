import ChatBetoOpenAI
import ChatBetoStore
import Foundation

/// What seeding a server conversation will send, worked out before anything is sent (`--dry-run`
/// shows it; the chat asks about it). Pure: built from the stored thread and the server state.
public struct SeedPlan: Sendable, Equatable {
    /// What seeding does with the server copy.
    public enum Action: Sendable, Equatable {
        /// The server copy is up to date: nothing to send.
        case upToDate
        /// Create a server conversation with the messages (first 20 in the create call, the rest appended).
        case create
        /// Append the messages the existing server conversation is missing.
        case append(threadID: String)
    }

    public var conversationID: String
    public var action: Action
    /// The messages to send, in order, and the local node each one came from.
    public var items: [InputMessage]
    public var nodes: [String]
    /// The local node the server copy will end at (recorded as `seeded_node`).
    public var lastNode: String?
    /// Turns of the visible thread left out because of `seed-turns`.
    public var skippedTurns: Int
    /// Turns (user messages) the plan sends.
    public var turns: Int

    /// Rough input tokens of the messages.
    public var estimatedTokens: Int { items.reduce(0) { $0 + TokenEstimate.estimate($1.text) + 4 } }
    /// How many create/append requests it takes.
    public var requestCount: Int {
        switch action {
        case .upToDate: return 0
        case .create: return 1 + (max(0, items.count - OpenAIClient.maxItemsPerCall) + OpenAIClient.maxItemsPerCall - 1) / OpenAIClient.maxItemsPerCall
        case .append: return (items.count + OpenAIClient.maxItemsPerCall - 1) / OpenAIClient.maxItemsPerCall
        }
    }

    /// Plans bringing the server copy up to `path` (the visible thread from its root to the node
    /// the next turn continues). `seedTurns` keeps only the last N turns when creating.
    public static func make(conversationID: String, path: [StoredMessage], server: ServerThread, seedTurns: Int?) -> SeedPlan {
        let lastNode = path.last?.nodeID
        if let threadID = server.id {
            if server.seededNode == lastNode {
                return SeedPlan(conversationID: conversationID, action: .upToDate, items: [], nodes: [], lastNode: lastNode, skippedTurns: 0, turns: 0)
            }
            if let seeded = server.seededNode, let at = path.firstIndex(where: { $0.nodeID == seeded }) {
                let (items, nodes) = sendable(path[(at + 1)...])
                return SeedPlan(conversationID: conversationID, action: .append(threadID: threadID), items: items, nodes: nodes,
                                lastNode: lastNode, skippedTurns: 0, turns: items.filter { $0.role == .user }.count)
            }
        }
        var (items, nodes) = sendable(path[...])
        let userPositions = items.indices.filter { items[$0].role == .user }
        var skipped = 0
        if let seedTurns, userPositions.count > seedTurns {
            let cut = userPositions[userPositions.count - seedTurns]
            skipped = userPositions.count - seedTurns
            // Developer (system) messages before the cut still frame the conversation: keep them.
            let keep = items.indices.filter { $0 >= cut || items[$0].role == .developer }
            items = keep.map { items[$0] }
            nodes = keep.map { nodes[$0] }
        }
        return SeedPlan(conversationID: conversationID, action: .create, items: items, nodes: nodes, lastNode: lastNode,
                        skippedTurns: skipped, turns: items.filter { $0.role == .user }.count)
    }

    /// Hidden messages, tool messages and empty ones are left out; roles mapped to user/assistant/system/developer, the input roles the Conversations API accepts.
    private static func sendable(_ messages: ArraySlice<StoredMessage>) -> ([InputMessage], [String]) {
        var items: [InputMessage] = []
        var nodes: [String] = []
        for m in messages where !m.isHidden {
            guard let item = InputMessage.fromExport(role: m.role ?? "", text: m.text ?? "") else { continue }
            items.append(item)
            nodes.append(m.nodeID)
        }
        return (items, nodes)
    }

    /// USD for sending the messages as input once, with `model`'s list price; nil for unknown models.
    public func cost(model: String) -> Double? {
        ModelPricing.price(for: model).map { $0.cost(inputTokens: estimatedTokens, outputTokens: 0) }
    }

    /// "42 messages (~12,300 tokens, about $0.0031 with gpt-5-mini)".
    public func summary(model: String) -> String {
        let tokens = estimatedTokens.formatted(.number.grouping(.automatic))
        let price = cost(model: model).map { String(format: "about $%.4f", $0) } ?? "cost unknown"
        return "\(items.count) message\(items.count == 1 ? "" : "s") (~\(tokens) tokens, \(price) with \(model))"
    }
}
