import ChatBetoRender
import ChatBetoStore

/// `conversations`: the current project's conversations (or all, or orphans), newest first, numbered.
public struct ConversationsCommand: ShellCommand, Equatable {
    public static let spec = CommandSpec(
        name: "conversations", aliases: ["convs", "ls"], usage: "conversations [--limit N] [--since DATE] [--orphans] [--all] [--provider P]",
        summary: "List conversations of the current project, newest first (numbered for show/open).",
        details: """
        --limit N      at most N rows (default 50)
        --since DATE   updated on or after DATE (2024-05-01)
        --orphans      only conversations outside any project
        --all          every conversation, whatever the current project
        --provider P   only conversations from P (chatgpt, claude, gemini, grok)
        messages are the visible ones (what 'show' shows, as 'stats' counts them), not every stored node
        """, category: .browse)
    public var limit = 50
    public var since: String?
    public var orphans = false
    public var all = false
    public var provider: String?

    /// `conversations` with these arguments, as its words would parse.
    public init(limit: Int = 50, since: String? = nil, orphans: Bool = false, all: Bool = false, provider: String? = nil) {
        self.limit = limit; self.since = since; self.orphans = orphans; self.all = all; self.provider = provider
    }
    /// Parses the words after `conversations` (see `spec`).
    public init(arguments: inout Arguments) throws {
        limit = try arguments.intOption("--limit") ?? 50
        since = try arguments.dateOption("--since")
        orphans = arguments.flag("--orphans")
        all = arguments.flag("--all")
        provider = try arguments.providerOption()
        try arguments.requireCount(0...0)
    }

    /// List conversations of the current project, newest first (numbered for show/open).
    public func run(in context: CommandContext) throws -> CommandResult {
        let projectID = (all || orphans) ? nil : context.state.project?.id
        var rs = try context.catalog.listConversations(projectID: projectID, orphansOnly: orphans, since: since, limit: limit,
                                                       provider: provider)
        context.state.lastListing = rs.rows.compactMap { $0[0].textValue }.map { ListingEntry(conversationID: $0) }
        // Present: #, title, updated, messages (the visible ones, as `show` and `stats` count them), project, id.
        let keep = ["title", "update_time", "visible_messages", "project", "id"]
        let indexes = keep.compactMap { rs.index(of: $0) }
        var columns = [Column(name: "#", kind: .integer)] + indexes.map { rs.columns[$0] }
        columns[2].name = "updated"; columns[3].name = "messages"
        rs = ListingTimes.toMinute(ResultSet(columns: columns, rows: rs.rows.enumerated().map { (i, row) in
            [.int(Int64(i + 1))] + indexes.map { row[$0] }
        }))
        let scope = all ? "in all projects" : orphans ? "outside projects" : context.state.project.map { "in '\($0.name)'" } ?? "in all projects"
        var shown = "\(rs.rows.count)"
        if rs.rows.count == limit {
            let total = try context.catalog.countConversations(projectID: projectID, orphansOnly: orphans, since: since, provider: provider)
            if total > limit { shown += " of \(total)" }
        }
        return .rows(rs, summary: "\(shown) conversation\(rs.rows.count == 1 && shown == "1" ? "" : "s") \(scope)\(provider.map { " from \($0)" } ?? "")")
    }
}
