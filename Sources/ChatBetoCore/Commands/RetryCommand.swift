/// `retry`: regenerates the last reply as a sibling branch, as ChatGPT's "regenerate" does.
public struct RetryCommand: ShellCommand, Equatable {
    public static let spec = CommandSpec(
        name: "retry", aliases: ["regenerate"], usage: "retry",
        summary: "Regenerate the last reply; the old one stays as a sibling branch ('show --all-branches').",
        category: .chat)

    /// `retry` (it takes no arguments).
    public init() {}
    /// Parses the words after `retry` (see `spec`).
    public init(arguments: inout Arguments) throws { try arguments.requireCount(0...0) }

    /// Regenerate the last reply; the old one stays as a sibling branch ('show --all-branches').
    public func run(in context: CommandContext) throws -> CommandResult {
        try context.chat().retry()
        return .none
    }
}
