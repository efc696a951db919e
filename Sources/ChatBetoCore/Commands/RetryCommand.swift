/// `retry`: regenerates the last reply as a sibling branch, as ChatGPT's "regenerate" does.
public struct RetryCommand: ShellCommand, Equatable {
    public static let spec = CommandSpec(
        name: "retry", aliases: ["regenerate"], usage: "retry",
        summary: "Regenerate the last reply; the old one stays as a sibling branch ('show --all-branches').",
        category: .chat)

    public init() {}
    public init(arguments: inout Arguments) throws { try arguments.requireCount(0...0) }

    public func run(in context: CommandContext) throws -> CommandResult {
        try context.chat().retry()
        return .none
    }
}
