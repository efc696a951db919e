/// What a command is called and how it is used: declared once per command; `help`, completion,
/// usage errors and the README's command reference are all generated from it.
public struct CommandSpec: Sendable {
    public let name: String
    public let aliases: [String]
    /// One line, e.g. `use <project>|-`.
    public let usage: String
    /// One sentence for the command list.
    public let summary: String
    /// Longer help for `help <command>`: options, examples.
    public let details: String
    public let category: Category
    /// The command reads `--format` itself (export's markdown|html|json) instead of the shell's output format.
    public let ownsFormatOption: Bool
    /// The command works in the saved session (project, conversation, settings): it is restored
    /// before the command runs. False for those that need no database (`help`, `quit`, `source`, `server`).
    public let usesSession: Bool

    /// The group a command is listed under in `help`.
    public enum Category: String, Sendable, CaseIterable {
        case browse = "Browse", query = "Query", chat = "Chat", data = "Import and export", shell = "Shell"
    }

    /// A command's declaration: name, aliases, usage, help and category.
    public init(name: String, aliases: [String] = [], usage: String, summary: String, details: String = "",
                category: Category, ownsFormatOption: Bool = false, usesSession: Bool = true) {
        self.name = name; self.aliases = aliases; self.usage = usage; self.summary = summary
        self.details = details; self.category = category; self.ownsFormatOption = ownsFormatOption
        self.usesSession = usesSession
    }
}
