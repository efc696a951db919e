/// `notee`: stops the copy `tee` started.
public struct NoTeeCommand: ShellCommand, Equatable {
    public static let spec = CommandSpec(
        name: "notee", aliases: ["\\t"], usage: "notee",
        summary: "Stop appending output to the 'tee' file.",
        category: .shell, usesSession: false)

    /// `notee` (it takes no arguments).
    public init() {}
    /// Parses the words after `notee` (see `spec`).
    public init(arguments: inout Arguments) throws { try arguments.requireCount(0...0) }

    /// Stop appending output to the 'tee' file.
    public func run(in context: CommandContext) throws -> CommandResult {
        guard let path = context.output.stopTee() else { return .message("Not logging to a file.") }
        return .message("Stopped logging to '\(path)'.")
    }
}
