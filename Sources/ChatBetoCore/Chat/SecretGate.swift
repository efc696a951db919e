import ChatBetoSupport
import Foundation

/// Scans what is about to be sent for secrets (`SecretScanner`), shows each finding (conversation,
/// message, masked excerpt) and applies the user's choice: redact (placeholders are sent, the stored
/// text is unchanged), send as is, or cancel. `--yes` redacts; only `--allow-secrets` sends a detected
/// secret. Seeding and `sync` pass their `SeedPlan`s; any other sender (`recall`) passes `Outgoing` texts.
public enum SecretGate {
    /// One message about to leave the machine.
    public struct Outgoing: Sendable, Equatable {
        public var conversationID: String
        public var nodeID: String
        /// The text to send; `review` replaces secrets in it with placeholders when the user says so.
        public var text: String

        /// A message of this conversation and node, about to be sent.
        public init(conversationID: String, nodeID: String, text: String) {
            self.conversationID = conversationID; self.nodeID = nodeID; self.text = text
        }
    }

    /// A secret in one of the outgoing texts.
    struct Located {
        var conversationID: String
        var nodeID: String
        /// Index of the text in the list scanned.
        var index: Int
        var finding: SecretScanner.Finding
    }

    /// How many findings are listed before "… and N more".
    static let shown = 20

    /// Shows the secrets in `texts` and asks what to do; redacts them in `texts` when so chosen.
    /// Throws `ChatError.secretsNotSent` when the user cancels (or a script has neither --yes nor --allow-secrets).
    public static func review(_ texts: inout [Outgoing], in context: CommandContext) throws {
        let found = scan(texts, in: context)
        guard !found.isEmpty else { return }
        let say = context.output.diagnostics
        let count = found.count
        say("Found \(count) possible secret\(count == 1 ? "" : "s") in what would be sent:")
        for l in found.prefix(shown) {
            say("  conversation \(l.conversationID), message \(l.nodeID): \(l.finding.kind): \(l.finding.excerpt)")
        }
        if count > shown { say("  … and \(count - shown) more") }
        if context.options.allowSecrets {
            say("note: sending them as they are (--allow-secrets).")
            return
        }
        if context.options.assumeYes {
            say("note: sending placeholders such as \(SecretScanner.placeholder(found[0].finding.kind)) instead; the stored text is unchanged (--allow-secrets sends them as they are).")
        } else if !context.confirm("Redact them (placeholders are sent; the stored text is unchanged)?") {
            guard context.confirm("Send them as they are?") else { throw ChatError.secretsNotSent(count: count) }
            return
        }
        redact(&texts, found)
    }

    /// `review` for seed plans: their messages are the outgoing texts.
    static func review(_ plans: inout [SeedPlan], in context: CommandContext) throws {
        var texts = outgoing(plans)
        try review(&texts, in: context)
        store(texts, into: &plans)
    }

    /// Every secret in the texts, in order.
    static func findings(in texts: [Outgoing], scanner: SecretScanner = SecretScanner()) -> [Located] {
        texts.enumerated().flatMap { i, t in
            scanner.scan(t.text).map { Located(conversationID: t.conversationID, nodeID: t.nodeID, index: i, finding: $0) }
        }
    }

    static func findings(in plans: [SeedPlan]) -> [Located] { findings(in: outgoing(plans)) }

    /// `findings(in:)` with a note of how long the scan took (on a terminal and with --verbose;
    /// scripts/bench-secret-scan reads it).
    static func scan(_ texts: [Outgoing], in context: CommandContext) -> [Located] {
        let started = Date()
        let found = findings(in: texts)
        context.note(String(format: "scanned %d messages for secrets in %.1f ms", texts.count, Date().timeIntervalSince(started) * 1000))
        return found
    }

    static func scan(_ plans: [SeedPlan], in context: CommandContext) -> [Located] { scan(outgoing(plans), in: context) }

    /// Replaces each finding by its placeholder in the outgoing texts.
    static func redact(_ texts: inout [Outgoing], _ found: [Located]) {
        let scanner = SecretScanner()
        for (i, located) in Dictionary(grouping: found, by: \.index) {
            texts[i].text = scanner.redact(texts[i].text, findings: located.map(\.finding))
        }
    }

    static func redact(_ plans: inout [SeedPlan], _ found: [Located]) {
        var texts = outgoing(plans)
        redact(&texts, found)
        store(texts, into: &plans)
    }

    /// The plans' messages, in plan and message order.
    private static func outgoing(_ plans: [SeedPlan]) -> [Outgoing] {
        plans.flatMap { p in zip(p.nodes, p.items).map { Outgoing(conversationID: p.conversationID, nodeID: $0, text: $1.text) } }
    }

    /// Writes the (possibly redacted) texts back into the plans' messages, in the same order.
    private static func store(_ texts: [Outgoing], into plans: inout [SeedPlan]) {
        var k = 0
        for p in plans.indices {
            for i in plans[p].items.indices {
                plans[p].items[i].text = texts[k].text
                k += 1
            }
        }
    }
}
