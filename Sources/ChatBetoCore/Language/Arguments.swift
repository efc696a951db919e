import Foundation

/// The words after a command name, with typed access to options; every accessor names the
/// command's usage in its error.
public struct Arguments: Sendable {
    public let command: CommandSpec
    private var words: [String]
    /// The text after the command's name as typed, quotes and backslashes kept (`pager` hands it to the shell).
    public let text: String

    /// The words after `command`'s name, to be consumed by its parser; `text` is them as typed
    /// (else the words joined by spaces).
    public init(command: CommandSpec, words: [String], text: String? = nil) {
        self.command = command
        self.words = words
        self.text = text ?? words.joined(separator: " ")
    }

    func usageError(_ problem: String) -> ParseError {
        .usage(command: command.name, problem: problem, usage: command.usage)
    }

    /// A boolean flag such as `--all`; removed once read.
    public mutating func flag(_ name: String) -> Bool {
        guard let i = words.firstIndex(of: name) else { return false }
        words.remove(at: i)
        return true
    }

    /// The value of `--name VALUE` or `--name=VALUE`.
    public mutating func option(_ name: String) throws -> String? {
        if let i = words.firstIndex(of: name) {
            guard i + 1 < words.count else { throw usageError("\(name) needs a value") }
            let value = words[i + 1]
            words.removeSubrange(i...(i + 1))
            return value
        }
        if let i = words.firstIndex(where: { $0.hasPrefix(name + "=") }) {
            let value = String(words[i].dropFirst(name.count + 1))
            words.remove(at: i)
            return value
        }
        return nil
    }

    /// Takes `--name N` when present; a usage error when N is no integer in `range`.
    public mutating func intOption(_ name: String, range: ClosedRange<Int> = 1...Int.max) throws -> Int? {
        guard let text = try option(name) else { return nil }
        guard let v = Int(text), range.contains(v) else {
            throw usageError("\(name) needs a whole number\(range.upperBound == Int.max ? " ≥ \(range.lowerBound)" : " in \(range.lowerBound)…\(range.upperBound)"), not '\(text)'")
        }
        return v
    }

    /// `--since 2024-05-01` (or a full timestamp) as the text MySQL compares with DATETIME.
    public mutating func dateOption(_ name: String) throws -> String? {
        guard let text = try option(name) else { return nil }
        let pattern = #"^\d{4}-\d{2}(-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?)?$"#
        guard text.range(of: pattern, options: .regularExpression) != nil else {
            throw usageError("\(name) needs a date like 2024-05-01, not '\(text)'")
        }
        var t = text.replacingOccurrences(of: "T", with: " ")
        if t.count == 7 { t += "-01" }
        return t
    }

    /// Fails on options this command does not know.
    public func rejectUnknownOptions() throws {
        if let unknown = words.first(where: { $0.hasPrefix("--") && $0.count > 2 }) {
            throw usageError("unknown option '\(unknown)'")
        }
    }

    /// The remaining positional words (after options were read).
    public var positional: [String] { words }

    /// A usage error when the words left are not `range` many.
    public func requireCount(_ range: ClosedRange<Int>) throws {
        try rejectUnknownOptions()
        if words.count < range.lowerBound { throw usageError("missing argument") }
        if words.count > range.upperBound { throw usageError("too many arguments: '\(words.joined(separator: " "))'") }
    }

    /// All positional words joined by spaces (for free text such as titles).
    public var rest: String { words.joined(separator: " ") }
}
