import ChatBetoStore
import ChatBetoSupport
import Foundation

/// `status`: where chatbeto is connected and what is current.
public struct StatusCommand: ShellCommand, Equatable {
    public static let spec = CommandSpec(
        name: "status", aliases: ["\\s"], usage: "status",
        summary: "Show the connection, server, schema version, current project and conversation.", category: .shell)
    /// `status` (it takes no arguments).
    public init() {}
    /// Parses the words after `status` (see `spec`).
    public init(arguments: inout Arguments) throws { try arguments.requireCount(0...0) }

    /// Show the connection, server, schema version, current project and conversation.
    public func run(in context: CommandContext) throws -> CommandResult {
        let db = try context.db()
        // A lost server is found (and a private one started again and its identity checked) here, not by a crash.
        try db.connection.ensureConnected()
        let (_, server) = try context.store.connectionTarget()
        let conversation = try context.state.conversation.flatMap { try context.catalog.conversation(id: $0.id) }
        var rows: [(String, String)] = [
            ("chatbeto", ChatBeto.version),
            ("connection", db.connection.config.displayName),
            ("server", db.connection.serverVersion + (server != nil ? " (private, managed by chatbeto, identity verified)" : "")),
            ("home", context.options.home.path),
            ("schema version", String(try db.schemaVersion())),
            ("project", context.state.project?.name ?? "(none)"),
            ("conversation", conversation.map { "\($0.displayTitle) (\($0.id))" } ?? "(none)"),
            ("server copy", conversation.map(ShowCommand.serverCopy) ?? "(no conversation)"),
            ("sql writes", context.settings.sqlWrite ? "allowed" : "refused by the server (read-only account)"),
            ("OpenAI", context.openAI.apiDescription ?? "no OPENAI_API_KEY"),
        ]
        if let limitation = db.readOnlyLimitation { rows.append(("warning", limitation)) }
        return .rows(ResultSet(columns: [Column(name: "name", kind: .text), Column(name: "value", kind: .text)],
                               rows: rows.map { [.text($0.0), .text($0.1)] }), summary: nil)
    }
}
