/// `clear` / `\c`: drops the statement being typed. The REPL handles it anywhere in a line outside
/// quotes and SQL comments (in scripts too), as the `mysql` client does; this entry gives its help.
public struct ClearCommand: ShellCommand, Equatable {
    public static let spec = CommandSpec(
        name: "clear", aliases: ["\\c"], usage: "clear  |  … \\c",
        summary: "Drop the statement being typed (it is not run).",
        details: """
        SELECT title FROM conversations \\c     drops the statement; so does 'clear' alone on a line
        As in mysql, \\c counts anywhere outside quotes and comments: what follows it on the line is new input.
        """, category: .shell, usesSession: false)

    /// `clear` (it takes no arguments).
    public init() {}
    /// Parses the words after `clear` (see `spec`).
    public init(arguments: inout Arguments) throws { try arguments.requireCount(0...0) }

    /// Drop the statement being typed (it is not run).
    public func run(in context: CommandContext) throws -> CommandResult { .none }
}
