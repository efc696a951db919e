/// `ask <text>`: one turn with the model in the current conversation; the reply streams to stdout.
public struct AskCommand: ShellCommand, Equatable {
    public static let spec = CommandSpec(
        name: "ask", usage: "ask <text>",
        summary: "Send one message to the model in the current conversation and stream the reply (also in scripts).",
        details: """
        ask "summarise this conversation"    the reply is printed as it arrives and stored in the tree
        The first turn of an imported conversation seeds a server conversation with its visible thread
        (it asks first; --yes in scripts). Needs OPENAI_API_KEY (OPENAI_BASE_URL for compatible servers).
        """, category: .chat)
    public var text: String

    public init(text: String) { self.text = text }
    public init(arguments: inout Arguments) throws {
        guard !arguments.positional.isEmpty else { throw arguments.usageError("missing the message") }
        text = arguments.rest
    }

    public func run(in context: CommandContext) throws -> CommandResult {
        try context.chat().send(text)
        return .none
    }
}
