import ChatBetoRender

/// `projects`: every project with its conversation count and last activity.
public struct ProjectsCommand: ShellCommand, Equatable {
    public static let spec = CommandSpec(
        name: "projects", usage: "projects [--provider P]",
        summary: "List projects with their number of conversations and last activity.",
        details: """
        --provider P   only projects from P (chatgpt, claude, gemini, grok)
        """, category: .browse)
    public var provider: String?

    /// `projects` with these arguments, as its words would parse.
    public init(provider: String? = nil) { self.provider = provider }
    /// Parses the words after `projects` (see `spec`).
    public init(arguments: inout Arguments) throws {
        provider = try arguments.providerOption()
        try arguments.requireCount(0...0)
    }

    /// List projects with their number of conversations and last activity.
    public func run(in context: CommandContext) throws -> CommandResult {
        let rs = try context.catalog.projectList(provider: provider)
        return .rows(ListingTimes.toMinute(rs), summary: "\(rs.rows.count) project\(rs.rows.count == 1 ? "" : "s")\(provider.map { " from \($0)" } ?? "")")
    }
}
