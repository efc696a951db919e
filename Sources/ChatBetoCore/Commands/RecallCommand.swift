import ChatBetoSearch
import ChatBetoStore
import ChatBetoSupport

/// `recall <question>`: answers from the project's own history. Hybrid search picks passages (widened
/// with neighbouring turns, one per conversation), the model answers only from them with `[n]`
/// citations, and the Q&A is kept as the local conversation "Recall: <question>".
public struct RecallCommand: ShellCommand, Equatable {
    public static let spec = CommandSpec(
        name: "recall", usage: "recall <question> [--all] [--since DATE] [--limit K] [--sources]",
        summary: "Answer a question from your own conversations in the current project, citing its sources as [1], [2].",
        details: """
        recall how did I keep the sourdough starter alive
        --all          every project, whatever the current one
        --since DATE   only messages on or after DATE (2024-05-01)
        --limit K      at most K passages (default 8), one per conversation, each with its neighbouring turns
        --sources      print the passages, their token count and cost, and send nothing (no key needed)
        Before sending it shows the cost and asks (--yes in scripts). Each [n] names a conversation, a message
        and a date; 'show n' opens source n at that message, 'open n' makes it current. The question and the
        answer are stored as the conversation "Recall: <question>": 'continue' follows up on it.
        """, category: .chat)
    public var question: String
    public var all = false
    public var since: String?
    public var limit = 8
    public var sourcesOnly = false

    /// `recall` with these arguments, as its words would parse.
    public init(question: String, all: Bool = false, since: String? = nil, limit: Int = 8, sourcesOnly: Bool = false) {
        self.question = question; self.all = all; self.since = since; self.limit = limit; self.sourcesOnly = sourcesOnly
    }
    /// Parses the words after `recall` (see `spec`).
    public init(arguments: inout Arguments) throws {
        all = arguments.flag("--all")
        sourcesOnly = arguments.flag("--sources")
        since = try arguments.dateOption("--since")
        limit = try arguments.intOption("--limit", range: 1...50) ?? 8
        try arguments.requireCount(1...Int.max)
        question = arguments.rest
    }

    /// Answer a question from your own conversations in the current project, citing its sources as [1], [2].
    public func run(in context: CommandContext) throws -> CommandResult {
        let connection = try context.connection
        let project = all ? nil : context.state.project
        let filter = SearchFilter(projectID: project?.id, since: since, limit: limit)
        let retriever = RecallRetriever(search: RecallSearch.make(context, connection: connection, semantic: !sourcesOnly),
                                        catalog: try context.catalog)
        let passages = try retriever.passages(for: question, filter: filter, limit: limit)
        let scope = project.map { "in '\($0.name)'" } ?? "everywhere"
        guard !passages.isEmpty else { throw RecallError.nothingFound(question: question, scope: scope) }
        let prompt = RecallPrompt(question: question, passages: passages)
        remember(passages, in: context)
        let summary = prompt.summary(model: context.model)
        if sourcesOnly {
            return .document(passages.map(\.promptText).joined(separator: "\n") + "\n\(summary) \(scope); nothing sent.\n", data: nil)
        }
        let chat = try context.chat()  // no key: say so before asking anything
        let question = "Sending \(summary) from your conversations \(scope)"
        if context.options.assumeYes { context.output.diagnostics("note: " + question + ".") }
        guard context.confirm(question + ". Send?") else { return .message("Nothing sent.") }
        let text = try scanBeforeSending(prompt.text, passages: passages, context: context)
        let store = TurnStore(connection: connection)
        let previous = context.state.conversation
        let id = try store.createConversation(projectID: context.state.project?.id, title: String(("Recall: " + self.question).prefix(RecallCommand.maxTitle)), model: context.model)
        context.state.conversation = try context.catalog.conversation(id: id)
        try context.persistSession()
        let answer: String
        do {
            answer = try chat.send(text).text
        } catch {
            // Nothing reached the model: no empty "Recall: …" conversation stays behind, and the current one is back.
            if (try? connection.query(SQL.Recall.deleteUnsent(conversationID: id)).affectedRows) == 1 {
                context.state.conversation = previous
                try? context.persistSession()
            }
            throw error
        }
        let invented = RecallCitations.unknown(in: answer, passages: passages.count)
        if !invented.isEmpty {
            context.warn("the answer cites \(invented.map { "[\($0)]" }.joined(separator: " ")), which \(invented.count == 1 ? "is" : "are") not among the \(passages.count) sources")
        }
        remember(passages, in: context)
        return .sequence([.document("Sources:\n" + passages.map(\.citationLine).joined(separator: "\n") + "\n", data: nil),
                          .message("Stored as 'Recall: \(self.question)' (\(id)); 'continue' follows up, 'show 1' opens source [1].")])
    }

    /// `conversations.title` holds 1,024 characters; a longer question is cut in the title (not in what is sent).
    static let maxTitle = 1_000

    /// `show n` / `open n` resolve citation n (and `show` opens at its message).
    private func remember(_ passages: [RecallPassage], in context: CommandContext) {
        context.state.lastListing = passages.map { ListingEntry(conversationID: $0.conversationID, nodeID: $0.nodeID) }
    }
}

/// Why recall had nothing to answer from.
public enum RecallError: Error, CustomStringConvertible, Equatable {
    case nothingFound(question: String, scope: String)
    /// The message the user sees.
    public var description: String {
        switch self {
        case .nothingFound(let question, let scope):
            return "recall: nothing \(scope) matches '\(Echo.short(question))'; try other words, --all, or 'index' for semantic search"
        }
    }
}
