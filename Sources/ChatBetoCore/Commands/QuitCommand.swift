/// `quit`: leaves the shell (also `exit`, `\q`, Ctrl-D).
public struct QuitCommand: ShellCommand, Equatable {
    public static let spec = CommandSpec(
        name: "quit", aliases: ["exit", "\\q"], usage: "quit", summary: "Leave the shell (also exit, \\q, Ctrl-D).",
        category: .shell, usesSession: false)
    /// `quit` (it takes no arguments).
    public init() {}
    /// Parses the words after `quit` (see `spec`).
    public init(arguments: inout Arguments) throws { try arguments.requireCount(0...0) }
    /// Leave the shell (also exit, \q, Ctrl-D).
    public func run(in context: CommandContext) throws -> CommandResult {
        context.loop?.quit()
        return .none
    }
}
