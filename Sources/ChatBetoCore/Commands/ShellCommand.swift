import ChatBetoStore

/// A parsed command: a value built from the words of a line (pure), run by the context.
public protocol ShellCommand: Sendable {
    static var spec: CommandSpec { get }
    /// Parses the words after the command name; throws `ParseError.usage` naming the problem.
    init(arguments: inout Arguments) throws
    /// Does the work. Lower layers never print: return what to show.
    func run(in context: CommandContext) throws -> CommandResult
}

/// What a command produced, rendered by one renderer in the context.
public enum CommandResult: Sendable {
    case none
    /// A short status line (to stdout in scripts, dimmed on a terminal).
    case message(String)
    /// Rows in the chosen output format, with an optional summary line for terminals (`3 rows in set`).
    case rows(ResultSet, summary: String?)
    /// Readable text for the table format; `data` for csv/json/… when present.
    case document(String, data: ResultSet?)
    /// Readable text for people; `json` (one JSON document) under `--format json`, the text otherwise.
    case report(String, json: String)
    /// Several results in order.
    indirect case sequence([CommandResult])
}
