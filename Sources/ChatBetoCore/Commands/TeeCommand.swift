/// `tee <file>`: everything the shell shows is also appended to a file, until `notee`.
public struct TeeCommand: ShellCommand, Equatable {
    public static let spec = CommandSpec(
        name: "tee", aliases: ["\\T"], usage: "tee <file>",
        summary: "Also append everything shown (and the lines typed) to a file; 'notee' stops.",
        details: """
        tee ~/session.log
        The file is created 0600. Lines that may hold a secret (a password, a key, a --dsn) are left
        out, and keys or URL passwords in the output are written as '…'.
        """, category: .shell, usesSession: false)
    public var path: String

    /// `tee` with these arguments, as its words would parse.
    public init(path: String) { self.path = path }
    /// Parses the words after `tee` (see `spec`).
    public init(arguments: inout Arguments) throws {
        try arguments.requireCount(1...1)
        path = arguments.positional[0]
    }

    /// Also append everything shown (and the lines typed) to a file; 'notee' stops.
    public func run(in context: CommandContext) throws -> CommandResult {
        try context.output.startTee(path)
        return .message("Logging to file '\(path)'.")
    }
}
