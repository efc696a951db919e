import ChatBetoOpenAI
import Foundation

/// Carries out a `SeedPlan`: creates the server conversation with the first batch and appends the
/// rest in order. The network part (`send`) touches no database, so sync can run several at once;
/// `record` stores the outcome. A failure part-way still reports how far it got, so the next run
/// appends only what is missing.
public enum Seeder {
    /// How far a seeding got.
    public struct Outcome: Sendable {
        public var threadID: String?
        /// The last local node the server holds (nil when nothing was created).
        public var seededNode: String?
        public var sentItems: Int
        public var error: Error?
    }

    /// Sends the plan's messages. Never throws: errors are in the outcome with the progress so far.
    public static func send(_ plan: SeedPlan, client: OpenAIClient, metadata: [String: String] = [:]) -> Outcome {
        let batch = OpenAIClient.maxItemsPerCall
        var outcome = Outcome(threadID: nil, seededNode: nil, sentItems: 0, error: nil)
        var remaining = plan.items[...]
        // The node the server holds once `count` plan items are in (the plan's last node when all are).
        func node(after count: Int) -> String? {
            count >= plan.items.count ? plan.lastNode : (count == 0 ? nil : plan.nodes[count - 1])
        }
        do {
            switch plan.action {
            case .upToDate:
                return Outcome(threadID: nil, seededNode: plan.lastNode, sentItems: 0, error: nil)
            case .create:
                let first = Array(remaining.prefix(batch))
                outcome.threadID = try client.createConversation(items: first, metadata: metadata)
                outcome.sentItems = first.count
                outcome.seededNode = node(after: first.count)
                remaining = remaining.dropFirst(first.count)
            case .append(let threadID):
                outcome.threadID = threadID
                outcome.seededNode = nil
            }
            guard let threadID = outcome.threadID else { return outcome }
            let already = outcome.sentItems
            if !remaining.isEmpty {
                try client.appendItems(conversationID: threadID, items: Array(remaining)) { done in
                    outcome.sentItems = already + done
                    outcome.seededNode = node(after: already + done)
                }
            }
            outcome.seededNode = plan.lastNode
        } catch {
            outcome.error = error
        }
        return outcome
    }

    /// Stores where the server copy now stands (only when something changed).
    public static func record(_ outcome: Outcome, plan: SeedPlan, store: TurnStore) throws {
        guard let threadID = outcome.threadID else { return }
        if case .append = plan.action, outcome.sentItems == 0, outcome.error != nil { return }
        try store.setServerThread(conversationID: plan.conversationID, threadID: threadID, seededNode: outcome.seededNode)
    }
}
