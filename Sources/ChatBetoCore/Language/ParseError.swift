/// Why a line could not be parsed into a command.
public enum ParseError: Error, CustomStringConvertible, Equatable, Sendable {
    case unterminatedQuote(Character)
    case unknownCommand(String, suggestion: String?)
    case usage(command: String, problem: String, usage: String)

    /// The message the user sees.
    public var description: String {
        switch self {
        case .unterminatedQuote(let q): return "unterminated quote: a \(q) was opened but never closed"
        case .unknownCommand(let name, let suggestion):
            var s = "unknown command '\(name)'"
            if let suggestion { s += "; did you mean '\(suggestion)'?" }
            return s + " (type 'help' for the list)"
        case .usage(let command, let problem, let usage):
            return "\(command): \(problem)\nusage: \(usage)"
        }
    }
}
