/// `edit` / `\e`: the statement being typed (or the last one) in `$EDITOR`. The REPL handles it
/// anywhere in a line outside quotes and SQL comments, as the `mysql` client does; this entry gives its
/// help, and refuses in scripts.
public struct EditCommand: ShellCommand, Equatable {
    public static let spec = CommandSpec(
        name: "edit", aliases: ["\\e"], usage: "edit  |  … \\e",
        summary: "Edit the current statement (or the last one) in $EDITOR; it runs when it ends with ;.",
        details: """
        SELECT title FROM conversations \\e     opens the statement in $VISUAL or $EDITOR (else vi)
        An edited statement without ; stays in the buffer: type ; to run it, \\c to drop it.
        """, category: .shell, usesSession: false)

    /// `edit` (it takes no arguments).
    public init() {}
    /// Parses the words after `edit` (see `spec`).
    public init(arguments: inout Arguments) throws { try arguments.requireCount(0...0) }

    /// Edit the current statement (or the last one) in $EDITOR; it runs when it ends with ;.
    public func run(in context: CommandContext) throws -> CommandResult {
        throw ClientCommandError.interactiveOnly("edit")
    }
}

/// A client command that only makes sense at the interactive prompt.
public enum ClientCommandError: Error, CustomStringConvertible {
    case interactiveOnly(String)
    /// The message the user sees.
    public var description: String {
        switch self {
        case .interactiveOnly(let name): return "'\(name)' works at the interactive prompt only"
        }
    }
}
