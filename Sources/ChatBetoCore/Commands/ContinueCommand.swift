import ChatBetoStore

/// `continue`: selects the conversation to go on with (the current one, else the project's most recent)
/// and shows its last turns; on a terminal (not in a script) it then enters chat mode.
public struct ContinueCommand: ShellCommand, Equatable {
    public static let spec = CommandSpec(
        name: "continue", usage: "continue [<conversation>|N]",
        summary: "Resume the current conversation, or the current project's most recent one: show its last turns and chat (on a terminal).",
        details: """
        On a terminal, continue enters chat mode: each line is a message to the model and the reply
        streams as it arrives. \"\"\" starts and ends a multi-line message (a pasted block is one message).
        Commands need a leading '/': /show, /model gpt-5-mini, /retry, /new Title; /exit or Ctrl-D leaves
        chat mode, Ctrl-C stops a reply (what arrived is kept, marked incomplete).
        In scripts, continue only selects the conversation: use ask.
        """, category: .chat)
    public var conversation: String?

    /// `continue` with these arguments, as its words would parse.
    public init(conversation: String? = nil) { self.conversation = conversation }
    /// Parses the words after `continue` (see `spec`).
    public init(arguments: inout Arguments) throws {
        try arguments.requireCount(0...1)
        conversation = arguments.positional.first
    }

    /// Resume the current conversation, or the current project's most recent one: show its last turns and chat (on a terminal).
    public func run(in context: CommandContext) throws -> CommandResult {
        let catalog = try context.catalog
        var target: ConversationSummary?
        if let conversation {
            target = try ConversationReference.resolve(conversation, in: context)
        } else if let current = context.state.conversation {
            // The current conversation wins even outside the current project (an orphan opened there):
            // `ask` would go to it, so `continue` resumes it too. Switching projects clears it (`use`).
            target = try catalog.conversation(id: current.id)
        } else {
            target = try catalog.mostRecentConversation(projectID: context.state.project?.id)
        }
        guard let target else {
            if let project = context.state.project {
                throw LookupError.none(kind: "conversation", scope: "project '\(project.name)'",
                                       hint: "'new' starts one here, or 'import' an export")
            }
            throw LookupError.none(kind: "conversation", scope: "the database", hint: "import an export first ('import --demo' to try)")
        }
        if let pid = target.projectID, context.state.project?.id != pid { context.state.project = try catalog.project(id: pid) }
        context.state.conversation = target
        try context.persistSession()
        let shown = try ShowCommand(conversation: target.id, last: 4).run(in: context)
        // Chat mode starts right after the recap: it is written as it is, never through the pager
        // (a pager would own the terminal and take the first message typed as its input).
        guard context.canChat else { return .sequence([shown, ChatMode.enterIfInteractive(context)]) }
        let pager = context.settings.pager
        context.settings.pager = false
        context.show(shown)
        context.settings.pager = pager
        return ChatMode.enterIfInteractive(context)
    }
}
