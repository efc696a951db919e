import ChatBetoRender

/// `projects`: every project with its conversation count and last activity.
public struct ProjectsCommand: ShellCommand, Equatable {
    public static let spec = CommandSpec(
        name: "projects", usage: "projects",
        summary: "List projects with their number of conversations and last activity.", category: .browse)
    public init() {}
    public init(arguments: inout Arguments) throws { try arguments.requireCount(0...0) }

    public func run(in context: CommandContext) throws -> CommandResult {
        let rs = try context.catalog.projectList()
        return .rows(ListingTimes.toMinute(rs), summary: "\(rs.rows.count) project\(rs.rows.count == 1 ? "" : "s")")
    }
}
