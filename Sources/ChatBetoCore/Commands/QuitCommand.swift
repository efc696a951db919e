/// `quit`: leaves the shell (also `exit`, `\q`, Ctrl-D).
public struct QuitCommand: ShellCommand, Equatable {
    public static let spec = CommandSpec(
        name: "quit", aliases: ["exit", "\\q"], usage: "quit", summary: "Leave the shell (also exit, \\q, Ctrl-D).",
        category: .shell, usesSession: false)
    public init() {}
    public init(arguments: inout Arguments) throws { try arguments.requireCount(0...0) }
    public func run(in context: CommandContext) throws -> CommandResult {
        context.loop?.quit()
        return .none
    }
}
