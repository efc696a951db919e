/// `stats`: totals over the whole history.
public struct StatsCommand: ShellCommand, Equatable {
    public static let spec = CommandSpec(
        name: "stats", usage: "stats",
        summary: "Totals: conversations, messages, projects, orphans, first and last date.", category: .query)
    public init() {}
    public init(arguments: inout Arguments) throws { try arguments.requireCount(0...0) }

    public func run(in shell: Shell) throws -> CommandResult {
        let rs = try shell.connection.query(SQL.Stats.totals)
        return .rows(rs, summary: nil)
    }
}
