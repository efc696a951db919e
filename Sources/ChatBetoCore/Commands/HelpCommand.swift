import ChatBetoRender
import ChatBetoStore

/// `help [command]`: the command list, or one command's usage and details.
public struct HelpCommand: ShellCommand, Equatable {
    public static let spec = CommandSpec(
        name: "help", aliases: ["?", "\\h"], usage: "help [command]",
        summary: "List the commands, or show how to use one.", category: .shell, usesSession: false)
    public var topic: String?

    /// `help` with these arguments, as its words would parse.
    public init(topic: String? = nil) { self.topic = topic }
    /// Parses the words after `help` (see `spec`).
    public init(arguments: inout Arguments) throws {
        try arguments.requireCount(0...1)
        topic = arguments.positional.first
    }

    /// List the commands, or show how to use one.
    public func run(in context: CommandContext) throws -> CommandResult {
        if let topic {
            guard let type = CommandTable.lookup(topic) else {
                throw ParseError.unknownCommand(topic, suggestion: CommandTable.suggestion(for: topic))
            }
            return .document(HelpCommand.text(for: type.spec), data: nil)
        }
        return .document(HelpCommand.listing + "\nCommand-line options: chatbeto --help.", data: nil)
    }

    /// The command list, by category, from the command table; `chatbeto --help` and the man page show it too.
    public static var listing: String {
        var out = ""
        for category in CommandSpec.Category.allCases {
            let specs = CommandTable.all.map { $0.spec }.filter { $0.category == category }
            guard !specs.isEmpty else { continue }
            out += category.rawValue + "\n"
            let width = min(specs.map { DisplayWidth.of($0.usage) }.max() ?? 0, 36)
            for s in specs {
                if DisplayWidth.of(s.usage) > width {
                    out += "  " + s.usage + "\n  " + String(repeating: " ", count: width) + "  " + s.summary + "\n"
                } else {
                    out += "  " + DisplayWidth.pad(s.usage, to: width) + "  " + s.summary + "\n"
                }
            }
            out += "\n"
        }
        out += "SQL: SELECT, WITH, SHOW, DESCRIBE, EXPLAIN run as typed; end them with ; or \\G (vertical).\n"
        out += "Any command takes --format table|vertical|csv|tsv|json|markdown. 'help <command>' for details."
        return out
    }

    static func text(for spec: CommandSpec) -> String {
        var s = "usage: \(spec.usage)\n\n\(spec.summary)\n"
        if !spec.aliases.isEmpty { s += "aliases: " + spec.aliases.joined(separator: ", ") + "\n" }
        if !spec.details.isEmpty { s += "\n" + spec.details + "\n" }
        return s
    }
}
