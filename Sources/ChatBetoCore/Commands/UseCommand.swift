/// `use <project>` makes a project current; `use -` clears it.
public struct UseCommand: ShellCommand, Equatable {
    public static let spec = CommandSpec(
        name: "use", usage: "use <project>|-",
        summary: "Make a project current (name, unambiguous prefix or gizmo id); 'use -' clears it.", category: .browse)
    public var project: String?

    public init(project: String?) { self.project = project }
    public init(arguments: inout Arguments) throws {
        try arguments.rejectUnknownOptions()
        guard !arguments.positional.isEmpty else { throw arguments.usageError("missing project") }
        let name = arguments.rest
        project = name == "-" ? nil : name
    }

    public func run(in shell: Shell) throws -> CommandResult {
        guard let key = project else {
            shell.state.project = nil
            shell.state.conversation = nil
            try shell.persistSession()
            return .message("No current project.")
        }
        let found = try shell.catalog.findProject(key)
        if shell.state.project?.id != found.id {
            shell.state.conversation = nil
            shell.state.lastListing = []
        }
        shell.state.project = found
        try shell.persistSession()
        return .message("Using project '\(found.name)'.")
    }
}
