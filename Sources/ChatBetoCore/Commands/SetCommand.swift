import ChatBetoStore

/// `set` lists the settings; `set <name> <value>` changes one (persisted with the session).
public struct SetCommand: ShellCommand, Equatable {
    public static let spec = CommandSpec(
        name: "set", usage: "set [<name> <value>]",
        summary: "Show the settings, or change one (format, pager, model, sql-write, seed-turns, …).",
        details: Settings.descriptions.map { "  \($0.name.padding(toLength: 22, withPad: " ", startingAt: 0)) \($0.help)" }.joined(separator: "\n"),
        category: .shell)
    public var name: String?
    public var value: String?

    /// `set` with these arguments, as its words would parse.
    public init(name: String? = nil, value: String? = nil) { self.name = name; self.value = value }
    /// Parses the words after `set` (see `spec`).
    public init(arguments: inout Arguments) throws {
        let words = arguments.positional
        if words.count == 1 { throw arguments.usageError("missing value for '\(words[0])'") }
        if words.count > 2 { throw arguments.usageError("too many arguments") }
        name = words.first?.lowercased()
        value = words.count == 2 ? words[1] : nil
    }

    /// Show the settings, or change one (format, pager, model, sql-write, seed-turns, …).
    public func run(in context: CommandContext) throws -> CommandResult {
        if let name, let value {
            try context.settings.set(name, value)
            if name == "format" { context.formatOverride = nil }
            if name == "model" { context.modelChosenHere = true }
            try? context.persistSession()
            return .message("\(name) = \(context.settings.value(of: name) ?? value)")
        }
        let rows: [[SQLValue]] = Settings.descriptions.map { d in
            var value = context.settings.value(of: d.name) ?? ""
            if d.name == "model" { value = context.model }
            if d.name == "format" { value = context.outputFormat(nil).rawValue }
            return [.text(d.name), .text(value), .text(d.help)]
        }
        return .rows(ResultSet(columns: [Column(name: "setting", kind: .text), Column(name: "value", kind: .text),
                                         Column(name: "meaning", kind: .text)], rows: rows), summary: "\(rows.count) settings")
    }
}
