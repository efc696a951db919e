import Foundation

/// `new [title]`: a new local conversation in the current project; chat mode on a terminal.
public struct NewCommand: ShellCommand, Equatable {
    public static let spec = CommandSpec(
        name: "new", usage: "new [title]",
        summary: "Start a new conversation in the current project (chat mode on a terminal).", category: .chat)
    public var title: String?

    public init(title: String? = nil) { self.title = title }
    public init(arguments: inout Arguments) throws {
        try arguments.rejectUnknownOptions()
        title = arguments.positional.isEmpty ? nil : arguments.rest
    }

    public func run(in shell: Shell) throws -> CommandResult {
        let store = TurnStore(connection: try shell.connection)
        let id = try store.createConversation(projectID: shell.state.project?.id, title: title, model: shell.model)
        shell.state.conversation = try shell.catalog.conversation(id: id)
        try shell.persistSession()
        let name = title.map { "'\($0)'" } ?? "untitled conversation"
        let place = shell.state.project.map { " in '\($0.name)'" } ?? ""
        return .sequence([.message("New \(name)\(place) (\(id))."), ChatMode.enterIfInteractive(shell)])
    }
}
