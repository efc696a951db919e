import ChatBetoOpenAI
import ChatBetoSupport
import Foundation

/// Scans what seeding or `sync` would send for secrets (`SecretScanner`), shows each finding
/// (conversation, message, masked excerpt) and applies the user's choice: redact (placeholders are
/// sent, the stored text is unchanged), send as is, or cancel. `--yes` redacts; only
/// `--allow-secrets` sends a detected secret.
enum SecretGate {
    /// A secret in one message of a plan.
    struct Located {
        var conversationID: String
        var nodeID: String
        var plan: Int
        var item: Int
        var finding: SecretScanner.Finding
    }

    /// How many findings are listed before "… and N more".
    static let shown = 20

    /// Every secret in the plans' messages, in plan and message order.
    static func findings(in plans: [SeedPlan], scanner: SecretScanner = SecretScanner()) -> [Located] {
        var out: [Located] = []
        for (p, plan) in plans.enumerated() {
            for (i, item) in plan.items.enumerated() {
                for f in scanner.scan(item.text) {
                    out.append(Located(conversationID: plan.conversationID, nodeID: plan.nodes[i], plan: p, item: i, finding: f))
                }
            }
        }
        return out
    }

    /// `findings(in:)`, with a note of how long the scan took (shown on a terminal and with --verbose;
    /// scripts/bench-secret-scan reads it).
    static func scan(_ plans: [SeedPlan], in context: CommandContext) -> [Located] {
        let started = Date()
        let found = findings(in: plans)
        let messages = plans.reduce(0) { $0 + $1.items.count }
        context.note(String(format: "scanned %d messages for secrets in %.1f ms", messages, Date().timeIntervalSince(started) * 1000))
        return found
    }

    /// Shows the findings and asks what to do; redacts the plans' messages when so chosen.
    /// Throws `ChatError.secretsNotSent` when the user cancels.
    static func review(_ plans: inout [SeedPlan], in context: CommandContext) throws {
        let found = scan(plans, in: context)
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
        redact(&plans, found)
    }

    /// Replaces each finding by its placeholder in the plans' outgoing messages.
    static func redact(_ plans: inout [SeedPlan], _ found: [Located]) {
        let scanner = SecretScanner()
        let byItem = Dictionary(grouping: found) { [$0.plan, $0.item] }
        for (key, located) in byItem {
            let (p, i) = (key[0], key[1])
            plans[p].items[i].text = scanner.redact(plans[p].items[i].text, findings: located.map(\.finding))
        }
    }
}
