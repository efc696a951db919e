/// `open <conversation>`: makes it current (and its project).
public struct OpenCommand: ShellCommand, Equatable {
    public static let spec = CommandSpec(
        name: "open", usage: "open <conversation>|N",
        summary: "Make a conversation current (by id, id prefix, or row number of the last listing).", category: .browse)
    public var conversation: String

    /// `open` with these arguments, as its words would parse.
    public init(conversation: String) { self.conversation = conversation }
    /// Parses the words after `open` (see `spec`).
    public init(arguments: inout Arguments) throws {
        try arguments.requireCount(1...1)
        conversation = arguments.positional[0]
    }

    /// Make a conversation current (by id, id prefix, or row number of the last listing).
    public func run(in context: CommandContext) throws -> CommandResult {
        let target = try ConversationReference.resolve(conversation, in: context)
        if let pid = target.projectID, context.state.project?.id != pid {
            context.state.project = try context.catalog.project(id: pid)
        }
        context.state.conversation = target
        try context.persistSession()
        return .message("Opened '\(target.displayTitle)' (\(target.id)).")
    }
}
