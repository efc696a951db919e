import ChatBetoStore
import Foundation

/// `project name <project> <new name>` and `project instructions <project> [text|-]`.
public struct ProjectCommand: ShellCommand, Equatable {
    public static let spec = CommandSpec(
        name: "project", usage: "project name <gizmo-id|name> <new name> | project instructions <project> [text|-]",
        summary: "Name a project, or set the instructions sent with its chat turns.",
        details: """
        project name g-p-695c… "WordPress plugin"   give a project a name (later imports keep it)
        project instructions Wordpress "Answer in Spanish."   set instructions; '-' clears them
        project instructions Wordpress               show the instructions
        """, category: .browse)

    /// What `project` changes: a project's name or its instructions.
    public enum Action: Equatable, Sendable {
        case rename(project: String, newName: String)
        case instructions(project: String, text: String?)
    }
    public var action: Action

    /// `project` with these arguments, as its words would parse.
    public init(action: Action) { self.action = action }
    /// Parses the words after `project` (see `spec`).
    public init(arguments: inout Arguments) throws {
        try arguments.rejectUnknownOptions()
        let words = arguments.positional
        guard let verb = words.first else { throw arguments.usageError("missing 'name' or 'instructions'") }
        switch verb {
        case "name", "rename":
            guard words.count >= 3 else { throw arguments.usageError("needs the project and its new name") }
            action = .rename(project: words[1], newName: words[2...].joined(separator: " "))
        case "instructions":
            guard words.count >= 2 else { throw arguments.usageError("needs the project") }
            action = .instructions(project: words[1], text: words.count > 2 ? words[2...].joined(separator: " ") : nil)
        default:
            throw arguments.usageError("unknown action '\(verb)'")
        }
    }

    /// Name a project, or set the instructions sent with its chat turns.
    public func run(in context: CommandContext) throws -> CommandResult {
        let catalog = try context.catalog
        switch action {
        case .rename(let key, let newName):
            let name = newName.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, name.count <= 255 else {
                throw ParseError.usage(command: "project", problem: "the name must be 1–255 characters", usage: Self.spec.usage)
            }
            let project = try catalog.findProject(key)
            try catalog.renameProject(id: project.id, to: name)
            if context.state.project?.id == project.id { context.state.project?.name = name }
            return .message("Project '\(project.name)' is now named '\(name)'.")
        case .instructions(let key, let text):
            let project = try catalog.findProject(key)
            guard let text else {
                return .document(project.instructions ?? "(no instructions)", data: nil)
            }
            let value = text == "-" ? nil : text
            try catalog.setInstructions(projectID: project.id, value)
            if context.state.project?.id == project.id { context.state.project?.instructions = value }
            return .message(value == nil ? "Instructions of '\(project.name)' cleared." : "Instructions of '\(project.name)' saved.")
        }
    }
}
