import Foundation

/// `new [title]`: a new local conversation in the current project; chat mode on a terminal.
public struct NewCommand: ShellCommand, Equatable {
    public static let spec = CommandSpec(
        name: "new", usage: "new [title]",
        summary: "Start a new conversation in the current project (chat mode on a terminal).", category: .chat)
    public var title: String?

    /// `new` with these arguments, as its words would parse.
    public init(title: String? = nil) { self.title = title }
    /// Parses the words after `new` (see `spec`).
    public init(arguments: inout Arguments) throws {
        try arguments.rejectUnknownOptions()
        title = arguments.positional.isEmpty ? nil : arguments.rest
    }

    /// Start a new conversation in the current project (chat mode on a terminal).
    public func run(in context: CommandContext) throws -> CommandResult {
        let store = TurnStore(connection: try context.connection)
        let id = try store.createConversation(projectID: context.state.project?.id, title: title, model: context.model)
        context.state.conversation = try context.catalog.conversation(id: id)
        try context.persistSession()
        let name = title.map { "'\($0)'" } ?? "untitled conversation"
        let place = context.state.project.map { " in '\($0.name)'" } ?? ""
        return .sequence([.message("New \(name)\(place) (\(id))."), ChatMode.enterIfInteractive(context)])
    }
}
