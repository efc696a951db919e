import ChatBetoStore

/// `models`: the models the server offers (`GET /v1/models`).
public struct ModelsCommand: ShellCommand, Equatable {
    public static let spec = CommandSpec(
        name: "models", usage: "models",
        summary: "List the models the OpenAI (or compatible) server offers; 'set model ID' picks one.", category: .chat)

    /// `models` (it takes no arguments).
    public init() {}
    /// Parses the words after `models` (see `spec`).
    public init(arguments: inout Arguments) throws { try arguments.requireCount(0...0) }

    /// List the models the OpenAI (or compatible) server offers; 'set model ID' picks one.
    public func run(in context: CommandContext) throws -> CommandResult {
        let models = try context.openAIClient().listModels()
        context.output.progress(.clearStatus)
        let current = context.model
        let rows: [[SQLValue]] = models.map { m in
            [.text(m.id), .optional(m.ownedBy), .optional(m.shutdownDate), .text(m.id == current ? "*" : "")]
        }
        return .rows(ResultSet(columns: [Column(name: "model", kind: .text), Column(name: "owned_by", kind: .text),
                                         Column(name: "shutdown", kind: .text), Column(name: "selected", kind: .text)], rows: rows),
                     summary: "\(rows.count) models (selected: \(current))")
    }
}
