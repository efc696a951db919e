import ChatBetoOpenAI
import ChatBetoSearch
import ChatBetoStore
import ChatBetoSupport
import Foundation

/// `index [project]`: embeds the messages that have no vector yet, after showing the cost.
public struct IndexCommand: ShellCommand, Equatable {
    public static let spec = CommandSpec(
        name: "index", usage: "index [<project>] [--all] [--dry-run]",
        summary: "Build message embeddings for semantic search (only what is missing; cost shown and confirmed first).",
        details: """
        index                  the current project's messages (everything when no project is in use)
        index Wordpress        that project's messages
        --all                  every project
        --dry-run              show what would be sent and what it costs, send nothing
        Uses the settings embedding-model and embedding-dimensions. Each batch is committed, so an
        interrupted run resumes where it stopped. Long messages are cut into chunks of about 6,000 characters.
        """, category: .data)
    public var project: String?
    public var all = false
    public var dryRun = false

    /// `index` with these arguments, as its words would parse.
    public init(project: String? = nil, all: Bool = false, dryRun: Bool = false) {
        self.project = project; self.all = all; self.dryRun = dryRun
    }
    /// Parses the words after `index` (see `spec`).
    public init(arguments: inout Arguments) throws {
        all = arguments.flag("--all")
        dryRun = arguments.flag("--dry-run")
        try arguments.requireCount(0...Int.max)
        project = arguments.positional.isEmpty ? nil : arguments.rest
    }

    /// Build message embeddings for semantic search (only what is missing; cost shown and confirmed first).
    public func run(in context: CommandContext) throws -> CommandResult {
        let connection = try context.connection
        let target: Project? = all ? nil : try project.map { try context.catalog.findProject($0) } ?? context.state.project
        let indexer = EmbeddingIndexer(connection: connection, model: context.settings.embeddingModel,
                                       dimensions: context.settings.embeddingDimensions)
        let plan = try indexer.plan(projectID: target?.id)
        let scope = target.map { "in '\($0.name)'" } ?? "in all projects"
        guard plan.messageCount > 0 else {
            let done = "every message \(scope) already has a \(plan.model) vector"
            return dryRun ? .report("dry run: " + done, json: "{\"messages\": 0, \"chunks\": 0, \"tokens\": 0}") : .message(done)
        }
        let cost = plan.estimatedCost.map { String(format: "about $%.4f", $0) } ?? "cost unknown for this model"
        let preview = "\(plan.messageCount) messages \(scope) to embed (\(plan.chunkCount) chunks, about \(plan.estimatedTokens) tokens) with \(plan.model) at \(plan.dimensions) dimensions: \(cost)"
        // The plan and its totals are printed in scripts too.
        if dryRun {
            let json = "{\"messages\": \(plan.messageCount), \"chunks\": \(plan.chunkCount), \"tokens\": \(plan.estimatedTokens)"
                + (plan.estimatedCost.map { String(format: ", \"cost_usd\": %.6f}", $0) } ?? "}")
            return .report("dry run: " + preview, json: json)
        }
        context.output.diagnostics(preview)
        let client = try context.openAIClient()  // no key: say so before asking anything
        guard context.confirm("Send them to the embeddings endpoint?") else { return .message("nothing sent") }
        let embedder = OpenAIEmbedder(client: client, model: plan.model, dimensions: plan.dimensions)
        let output = context.output
        let interrupt = CancellationFlag()
        let report = try interrupt.raisedOnInterrupt {
            try indexer.execute(plan, embedder: embedder, progress: { done, total in
                output.progress(.advance(done: done, total: total, unit: "messages"))
            }, shouldStop: { interrupt.isCancelled })
        }
        output.progress(.finish)
        let spent = ModelPricing.price(for: plan.model).map { String(format: ", $%.4f", $0.cost(inputTokens: report.promptTokens, outputTokens: 0)) } ?? ""
        let done = "embedded \(report.messages) messages (\(report.chunks) chunks) in \(report.requests) request\(report.requests == 1 ? "" : "s"), \(report.promptTokens) tokens\(spent)"
        return .message(report.interrupted ? "interrupted: \(done); run 'index' again to resume" : done)
    }
}
