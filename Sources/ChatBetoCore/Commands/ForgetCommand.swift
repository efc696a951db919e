import ChatBetoOpenAI
import ChatBetoStore

/// `forget [<conversation>|<project>]`: deletes the server-side copies chatbeto created
/// (`DELETE /v1/conversations/{id}`) and clears the stored ids; the local history stays.
public struct ForgetCommand: ShellCommand, Equatable {
    public static let spec = CommandSpec(
        name: "forget", usage: "forget [<conversation>|<project>]",
        summary: "Delete the server-side copies of a conversation or of a project's conversations; the local history stays.",
        details: """
        forget                 the current conversation's server copy
        forget Wordpress       every server copy of the project's conversations (asks first; --yes in scripts)
        forget 6f2a            a conversation by id prefix or row number
        The next turn seeds a new server copy from the local history. 'status' and 'show' say whether one exists.
        """, category: .chat)
    public var target: String?

    /// `forget` with these arguments, as its words would parse.
    public init(target: String? = nil) { self.target = target }
    /// Parses the words after `forget` (see `spec`).
    public init(arguments: inout Arguments) throws {
        try arguments.requireCount(0...Int.max)
        target = arguments.positional.isEmpty ? nil : arguments.rest
    }

    /// Delete the server-side copies of a conversation or of a project's conversations; the local history stays.
    public func run(in context: CommandContext) throws -> CommandResult {
        let catalog = try context.catalog
        let store = TurnStore(connection: try context.connection)
        var copies: [(id: String, threadID: String)]
        var scope: String
        if let target, let project = try? catalog.findProject(target) {
            copies = try store.serverCopies(conversationID: nil, projectID: project.id)
            scope = "in project '\(project.name)'"
            let n = copies.count
            if n > 0, !context.confirm("Delete the server copies of \(n) conversation\(n == 1 ? "" : "s") \(scope)?") {
                return .message("nothing deleted")
            }
        } else {
            let conversation: ConversationSummary
            if let target {
                conversation = try ConversationReference.resolve(target, in: context)
            } else if let current = context.state.conversation {
                conversation = current
            } else {
                throw ParseError.usage(command: "forget", problem: "no current conversation; name a conversation or a project", usage: Self.spec.usage)
            }
            copies = try store.serverCopies(conversationID: conversation.id, projectID: nil)
            scope = "of '\(conversation.displayTitle)'"
        }
        let client = copies.isEmpty ? nil : try context.openAIClient()
        var forgotten = 0, failed: [String] = []
        for copy in copies {
            do {
                _ = try client?.deleteConversation(id: copy.threadID)
            } catch let error as OpenAIError where error.status == 404 {
                // Already gone on the server: only the stored id is left to clear.
            } catch {
                failed.append("\(copy.id): \(REPL.message(for: error))")
                continue
            }
            try store.setServerThread(conversationID: copy.id, threadID: nil, seededNode: nil)
            forgotten += 1
        }
        context.output.progress(.clearStatus)
        if let c = context.state.conversation { context.state.conversation = try catalog.conversation(id: c.id) }
        var text = "forgot \(forgotten) server conversation\(forgotten == 1 ? "" : "s") \(scope); the local history is kept"
        for f in failed { text += "\n  not deleted \(f)" }
        let json = "{\"forgotten\": \(forgotten), \"failed\": \(failed.count)}"
        return .report(text, json: json)
    }
}
