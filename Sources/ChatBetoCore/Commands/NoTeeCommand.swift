/// `notee`: stops the copy `tee` started.
public struct NoTeeCommand: ShellCommand, Equatable {
    public static let spec = CommandSpec(
        name: "notee", aliases: ["\\t"], usage: "notee",
        summary: "Stop appending output to the 'tee' file.",
        category: .shell, usesSession: false)

    public init() {}
    public init(arguments: inout Arguments) throws { try arguments.requireCount(0...0) }

    public func run(in context: CommandContext) throws -> CommandResult {
        guard let path = context.output.stopTee() else { return .message("Not logging to a file.") }
        return .message("Stopped logging to '\(path)'.")
    }
}
