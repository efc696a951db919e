/// `open <conversation>`: makes it current (and its project); after `recall`, `open N` also shows
/// source N's thread at the cited message.
public struct OpenCommand: ShellCommand, Equatable {
    public static let spec = CommandSpec(
        name: "open", usage: "open <conversation>|N",
        summary: "Make a conversation current (by id, id prefix, or row number of the last listing).",
        details: """
        open 3                 the 3rd row of the last 'conversations' or 'search'
        open 1                 after 'recall': source 1, shown as 'show 1' shows it (the cited message
                               marked ▶); 'continue' and 'ask' go on from the thread's last message
        """, category: .browse)
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
        let opened = "Opened '\(target.displayTitle)' (\(target.id))"
        // A citation points inside the thread, but a turn can only follow its last message: show where
        // the cited message stands, and say where the conversation goes on.
        guard ShowCommand.anchor(conversation, in: context) != nil else { return .message(opened + ".") }
        let shown = try ShowCommand(conversation: conversation).run(in: context)
        return .sequence([shown, .message(opened + " at the cited message (▶); 'continue' and 'ask' go on from its last message.")])
    }
}
