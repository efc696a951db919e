/// Turns one unit of input into an `Invocation`. Pure: no I/O, no database.
public enum CommandParser {
    /// The command a line stands for (`vertical` when it ended with `\G`); throws a usage error.
    public static func parse(_ text: String, vertical: Bool = false) throws -> Invocation {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if SQLClassifier.isSQL(trimmed) {
            var statement = trimmed
            if SQLClassifier.leadingWords(trimmed, count: 1) == ["sql"] {
                statement = String(trimmed.dropFirst(3)).trimmingCharacters(in: .whitespacesAndNewlines)
            }
            let (sql, format) = try stripTrailingFormat(statement)
            guard !sql.isEmpty else {
                throw ParseError.usage(command: "sql", problem: "missing statement", usage: SQLCommand.spec.usage)
            }
            return Invocation(command: SQLCommand(statement: sql), format: vertical ? .vertical : format)
        }
        // Backslash commands (\q, \h, \s) are names, not escapes.
        var words = trimmed.hasPrefix("\\") ? trimmed.split(separator: " ").map(String.init) : try Tokenizer.words(trimmed)
        guard !words.isEmpty else { throw ParseError.usage(command: "", problem: "empty command", usage: "help") }
        let name = words.removeFirst()
        guard let type = CommandTable.lookup(name) else {
            throw ParseError.unknownCommand(name, suggestion: CommandTable.suggestion(for: name))
        }
        var arguments = Arguments(command: type.spec, words: words, text: textAfterName(trimmed, name: name))
        let format = try (type.spec.ownsFormatOption ? nil : arguments.option("--format")).map { text -> OutputFormat in
            do { return try OutputFormat.parse(text) } catch {
                throw ParseError.usage(command: type.spec.name, problem: String(describing: error), usage: type.spec.usage)
            }
        }
        let command = try type.init(arguments: &arguments)
        return Invocation(command: command, format: vertical ? .vertical : format)
    }

    /// What follows the command's name in `line` as typed; nil when the name was not typed plainly.
    static func textAfterName(_ line: String, name: String) -> String? {
        guard line.lowercased().hasPrefix(name.lowercased()) else { return nil }
        let rest = line.dropFirst(name.count)
        guard rest.first?.isWhitespace ?? true else { return nil }
        return rest.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `SELECT 1 --format json`: a trailing `--format NAME` applies to the statement's output.
    static func stripTrailingFormat(_ sql: String) throws -> (String, OutputFormat?) {
        guard let range = sql.range(of: #"\s--format(\s+|=)([A-Za-z]+)\s*$"#, options: .regularExpression) else {
            return (sql, nil)
        }
        let tail = sql[range].trimmingCharacters(in: .whitespaces)
        let name = tail.dropFirst("--format".count).trimmingCharacters(in: CharacterSet(charactersIn: " =\t"))
        do {
            return (String(sql[..<range.lowerBound]).trimmingCharacters(in: .whitespaces), try OutputFormat.parse(name))
        } catch {
            throw ParseError.usage(command: "sql", problem: String(describing: error), usage: SQLCommand.spec.usage)
        }
    }
}

import ChatBetoRender
import Foundation
