/// `use <project>` makes a project current; `use -` clears it.
public struct UseCommand: ShellCommand, Equatable {
    public static let spec = CommandSpec(
        name: "use", usage: "use <project>|-",
        summary: "Make a project current (name, unambiguous prefix or gizmo id); 'use -' clears it.", category: .browse)
    public var project: String?

    /// `use` with these arguments, as its words would parse.
    public init(project: String?) { self.project = project }
    /// Parses the words after `use` (see `spec`).
    public init(arguments: inout Arguments) throws {
        try arguments.rejectUnknownOptions()
        guard !arguments.positional.isEmpty else { throw arguments.usageError("missing project") }
        let name = arguments.rest
        project = name == "-" ? nil : name
    }

    /// Make a project current (name, unambiguous prefix or gizmo id); 'use -' clears it.
    public func run(in context: CommandContext) throws -> CommandResult {
        guard let key = project else {
            context.state.project = nil
            context.state.conversation = nil
            try context.persistSession()
            return .message("No current project.")
        }
        let found = try context.catalog.findProject(key)
        if context.state.project?.id != found.id {
            context.state.conversation = nil
            context.state.lastListing = []
        }
        context.state.project = found
        try context.persistSession()
        return .message("Using project '\(found.name)'.")
    }
}
