/// `source <file>`: runs a script of commands and SQL, stopping at the first error.
public struct SourceCommand: ShellCommand, Equatable {
    public static let spec = CommandSpec(
        name: "source", aliases: ["\\."], usage: "source <file>",
        summary: "Run the commands in a .chatbeto script file.", category: .shell, usesSession: false)
    public var path: String

    /// `source` with these arguments, as its words would parse.
    public init(path: String) { self.path = path }
    /// Parses the words after `source` (see `spec`).
    public init(arguments: inout Arguments) throws {
        try arguments.requireCount(1...1)
        path = arguments.positional[0]
    }

    /// Run the commands in a .chatbeto script file.
    public func run(in context: CommandContext) throws -> CommandResult {
        guard let loop = context.loop else { throw ScriptError.cannotOpen(path: path, reason: "no script runner") }
        try loop.runScript(path)
        return .none
    }
}
