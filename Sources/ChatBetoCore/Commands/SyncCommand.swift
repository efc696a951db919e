import ChatBetoOpenAI
import ChatBetoStore
import ChatBetoSupport
import Foundation

/// `sync [project] [--limit N] [--dry-run]`: creates and seeds server conversations for local ones
/// that have none (or whose copy is behind). Plans first; several conversations are sent at once;
/// each is recorded as soon as it is done, so an interrupted sync resumes where it stopped.
public struct SyncCommand: ShellCommand, Equatable {
    public static let spec = CommandSpec(
        name: "sync", usage: "sync [project] [--limit N] [--dry-run]",
        summary: "Create and seed server conversations for many local ones at once (resumable).",
        details: """
        sync --dry-run            what would be sent: conversations, messages, tokens, cost
        sync Wordpress --limit 50 the 50 most recent unsynced conversations of a project
        Without a project, the current one ('use -' for all). Honours 'set seed-turns N'. Asks before
        sending (--yes in scripts). Possible secrets are shown first: redact, send or cancel (--yes
        sends placeholders; --allow-secrets sends them as they are).
        """, category: .chat)
    public var project: String?
    public var limit = 1_000_000
    public var dryRun = false
    /// Requests in flight at once.
    static let parallelism = 4

    /// `sync` with these arguments, as its words would parse.
    public init(project: String? = nil, limit: Int = 1_000_000, dryRun: Bool = false) {
        self.project = project; self.limit = limit; self.dryRun = dryRun
    }
    /// Parses the words after `sync` (see `spec`).
    public init(arguments: inout Arguments) throws {
        dryRun = arguments.flag("--dry-run")
        limit = try arguments.intOption("--limit") ?? 1_000_000
        try arguments.requireCount(0...1)
        project = arguments.positional.first
    }

    /// Create and seed server conversations for many local ones at once (resumable).
    public func run(in context: CommandContext) throws -> CommandResult {
        let catalog = try context.catalog
        let store = TurnStore(connection: try context.connection)
        // Like every listing, sync works in the current project unless another is named.
        let projectID = try project.map { try catalog.findProject($0).id } ?? context.state.project?.id
        var plans = try store.unsynced(projectID: projectID, limit: limit).map { c in
            SeedPlan.make(conversationID: c.id, path: try catalog.visibleThread(conversationID: c.id),
                          server: try store.serverThread(conversationID: c.id), seedTurns: context.settings.seedTurns)
        }.filter { $0.action != .upToDate }
        let model = context.model
        let totalItems = plans.reduce(0) { $0 + $1.items.count }
        let totalTokens = plans.reduce(0) { $0 + $1.estimatedTokens }
        let cost = ModelPricing.price(for: model).map { $0.cost(inputTokens: totalTokens, outputTokens: 0) }
        let headline = "\(plans.count) conversation\(plans.count == 1 ? "" : "s"), \(totalItems) messages (~\(totalTokens) tokens"
            + (cost.map { String(format: ", about $%.4f of input per turn with %@)", $0, model) } ?? ", cost unknown for \(model))")
        let secrets = dryRun ? SecretGate.scan(plans, in: context).count : 0
        if dryRun {
            let rows: [[SQLValue]] = plans.map { p in
                [.text(p.conversationID), .text(SyncCommand.actionName(p.action)), .int(Int64(p.items.count)),
                 .int(Int64(p.skippedTurns)), .int(Int64(p.estimatedTokens)), .int(Int64(p.requestCount))]
            }
            let rs = ResultSet(columns: ["conversation", "action", "messages", "skipped_turns", "tokens", "requests"].map {
                Column(name: $0, kind: $0 == "conversation" || $0 == "action" ? .text : .integer) }, rows: rows)
            var report = "dry run: would seed " + headline
            if secrets > 0 { report += "\n\(secrets) possible secret\(secrets == 1 ? "" : "s") found: shown, and redacted unless you choose otherwise, when it runs" }
            let json = "{\"conversations\": \(plans.count), \"messages\": \(totalItems), \"tokens\": \(totalTokens), \"secrets\": \(secrets)}"
            // The plan and its totals are printed in scripts too (a summary line would show only on a terminal).
            return .sequence([.rows(rs, summary: nil), .report(report, json: json)])
        }
        guard !plans.isEmpty else {
            return .document("Nothing to sync: every conversation with messages has an up-to-date server copy.", data: nil)
        }
        let client = try context.openAIClient()  // no key: say so before asking anything
        try SecretGate.review(&plans, in: context)
        guard context.confirm("Seed \(headline)?") else { throw ChatError.seedingDeclined }
        let started = Date()
        let output = context.output
        var done = 0, failed: [(String, String)] = [], sentItems = 0
        let stop = CancellationFlag()
        let handed = try stop.raisedOnInterrupt {
            try SyncCommand.sendAll(plans, client: client, stop: stop) { plan, outcome in
                try Seeder.record(outcome, plan: plan, store: store)
                sentItems += outcome.sentItems
                if let error = outcome.error { failed.append((plan.conversationID, REPL.message(for: error))) } else { done += 1 }
                output.progress(.advance(done: done + failed.count, total: plans.count, unit: "conversations"))
            }
        }
        output.progress(.finish)
        let seconds = Date().timeIntervalSince(started)
        var report = "Synced \(done) of \(plans.count) conversations (\(sentItems) messages) in \(String(format: "%.1f", seconds))s"
            + String(format: " (%.1f conversations/s).", Double(handed) / max(seconds, 0.001))
        if handed < plans.count {
            report += "\nStopped by Ctrl-C before \(plans.count - handed) conversations; run 'sync' again to resume."
        }
        for (id, message) in failed.prefix(10) { report += "\n  failed \(id): \(message)" }
        if !failed.isEmpty { report += "\nRun 'sync' again to resume the \(failed.count) that failed." }
        guard failed.isEmpty, handed == plans.count else {
            // Shown before the error: the report says which conversations failed and how to resume.
            context.show(.document(report, data: nil))
            if !failed.isEmpty { throw SyncFailed(count: failed.count) }
            throw InterruptedError()
        }
        return .document(report, data: nil)
    }

    /// Sends the plans on `parallelism` worker threads (each with its own connection) and hands each
    /// outcome to `record` on the calling thread, in completion order. Once `stop` is raised no new
    /// conversation is started; returns how many were started (and recorded).
    static func sendAll(_ plans: [SeedPlan], client: OpenAIClient, stop: CancellationFlag,
                        record: (SeedPlan, Seeder.Outcome) throws -> Void) throws -> Int {
        let queue = OutcomeQueue()
        let workers = min(parallelism, plans.count)
        let next = WorkCounter()
        let clients = try (0..<workers).map { _ in
            try OpenAIClient(config: client.config, retryPolicy: client.retryPolicy, onRetry: client.onRetry)
        }
        for w in 0..<workers {
            let worker = clients[w]
            Thread.detachNewThread {
                while !stop.isCancelled, let i = next.take(below: plans.count) {
                    queue.push((i, Seeder.send(plans[i], client: worker)))
                }
                queue.workerFinished()
            }
        }
        var recorded = 0
        while let (i, outcome) = queue.pop(workers: workers) {
            try record(plans[i], outcome)
            recorded += 1
        }
        return recorded
    }

    static func actionName(_ action: SeedPlan.Action) -> String {
        switch action {
        case .upToDate: return "up to date"
        case .create: return "create"
        case .append: return "append"
        }
    }
}

/// Some conversations could not be seeded (already listed in the report).
struct SyncFailed: Error, CustomStringConvertible {
    var count: Int
    var description: String { "sync: \(count) conversation\(count == 1 ? "" : "s") failed; run 'sync' again to resume" }
}
