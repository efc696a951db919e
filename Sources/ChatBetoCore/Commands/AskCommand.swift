import Foundation

/// `ask <text>`: one turn with the model in the current conversation; the reply streams to stdout.
/// `ask -` reads the message from standard input.
public struct AskCommand: ShellCommand, Equatable {
    public static let spec = CommandSpec(
        name: "ask", usage: "ask <text> | ask -",
        summary: "Send one message to the model in the current conversation and stream the reply (also in scripts).",
        details: """
        ask "summarise this conversation"    the reply is printed as it arrives and stored in the tree
        ask - < notes.txt                    the message is standard input (chatbeto -e 'open 3; ask -' < file)
        The first turn of an imported conversation seeds a server conversation with its visible thread
        (it asks first; --yes in scripts). Needs OPENAI_API_KEY (OPENAI_BASE_URL for compatible servers).
        In chat mode, '//etc …' or '/say /etc …' sends a message that starts with '/'.
        """, category: .chat)
    public var text: String

    /// `ask` with these arguments, as its words would parse.
    public init(text: String) { self.text = text }
    /// Parses the words after `ask` (see `spec`).
    public init(arguments: inout Arguments) throws {
        guard !arguments.positional.isEmpty else { throw arguments.usageError("missing the message ('ask -' reads it from standard input)") }
        text = arguments.rest
    }

    /// Send one message to the model in the current conversation and stream the reply (also in scripts).
    public func run(in context: CommandContext) throws -> CommandResult {
        var message = text
        if text == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            message = String(decoding: data, as: UTF8.self)
            while let last = message.last, last.isNewline { message.removeLast() }
            guard !message.allSatisfy(\.isWhitespace) else {
                throw ParseError.usage(command: "ask", problem: "standard input held no message", usage: Self.spec.usage)
            }
        }
        try context.chat().send(message)
        return .none
    }
}
