import ChatBetoStore

/// `schema`: prints the schema of record (what `schema_chatbeto.sql` holds), generated from the migrations.
public struct SchemaCommand: ShellCommand, Equatable {
    public static let spec = CommandSpec(
        name: "schema", usage: "schema [--reference]",
        summary: "Print the database schema as SQL (the migrations chatbeto applies).", category: .query,
        usesSession: false)
    /// `--reference`: the command reference in Markdown instead (for the README).
    public var reference = false

    /// `schema` with these arguments, as its words would parse.
    public init(reference: Bool = false) { self.reference = reference }
    /// Parses the words after `schema` (see `spec`).
    public init(arguments: inout Arguments) throws {
        reference = arguments.flag("--reference")
        try arguments.requireCount(0...0)
    }

    /// Print the database schema as SQL (the migrations chatbeto applies).
    public func run(in context: CommandContext) throws -> CommandResult {
        .document(reference ? CommandTable.markdownReference : Migrations.script, data: nil)
    }
}
