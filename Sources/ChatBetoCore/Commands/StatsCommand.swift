import ChatBetoSearch

/// `stats`: totals, per project, models, and activity per month drawn to the terminal's width.
public struct StatsCommand: ShellCommand, Equatable {
    public static let spec = CommandSpec(
        name: "stats", usage: "stats [--by project|provider] [--provider P]",
        summary: "Totals (conversations, visible messages, nodes, words, projects, orphans, models, dates), per project, activity per month.",
        details: """
        stats                  totals, models, per-project table, conversations started per month
        stats --by project     one sparkline per project, scaled to its busiest month (shown as "max N")
        stats --by provider    conversations and messages per provider (chatgpt, claude, gemini, grok)
        --provider P           everything counted over P's conversations only
        messages are the visible ones (the thread ChatGPT shows); nodes count every stored node
        (branches, hidden system and tool messages). A month without conversations is blank.
        --format json          the same data as one JSON object (totals under their own keys)
        """, category: .query)
    public var byProject = false
    public var byProvider = false
    public var provider: String?

    /// `stats` with these arguments, as its words would parse.
    public init(byProject: Bool = false, byProvider: Bool = false, provider: String? = nil) {
        self.byProject = byProject; self.byProvider = byProvider; self.provider = provider
    }
    /// Parses the words after `stats` (see `spec`).
    public init(arguments: inout Arguments) throws {
        if let by = try arguments.option("--by") {
            switch by {
            case "project": byProject = true
            case "provider": byProvider = true
            default: throw arguments.usageError("--by takes 'project' or 'provider', not '\(by)'")
            }
        }
        provider = try arguments.providerOption()
        try arguments.requireCount(0...0)
    }

    /// Totals (conversations, visible messages, nodes, words, projects, orphans, models, dates), per project, activity per month.
    public func run(in context: CommandContext) throws -> CommandResult {
        let report = try StatsReport.load(from: try context.connection, byProject: byProject, provider: provider,
                                            byProvider: byProvider)
        let width = context.output.columns ?? 80
        return .report(report.text(width: width, colors: context.colors), json: report.json)
    }
}
