import ChatBetoSupport
import ChatBetoRender
import ChatBetoStore

/// `show <conversation>`: the visible thread as ChatGPT shows it; `--all-branches`, `--hidden` for the rest.
public struct ShowCommand: ShellCommand, Equatable {
    public static let spec = CommandSpec(
        name: "show", usage: "show [<conversation>|N] [--all-branches] [--hidden] [--last N] [--raw]",
        summary: "Print a conversation's visible thread (by id, id prefix, or row number of the last listing).",
        details: """
        show 3                 the 3rd row of the last 'conversations' or 'search'; after 'recall', source 3 at its message
        show 6f2a              by id prefix; without an argument, the current conversation
        --all-branches         every branch (regenerations, edits), as a tree
        --hidden               also the messages ChatGPT hides (system, tools, thoughts)
        --last N               only the last N messages
        --raw                  the stored text, not rendered as Markdown (also: set render off)
        --format json          the thread as [{node_id, role, text, create_time}, …]
        'show tables', 'show create table …' and other SHOW statements run as SQL.
        """, category: .browse)
    public var conversation: String?
    public var allBranches = false
    public var hidden = false
    public var last: Int?
    public var raw = false

    /// `show` with these arguments, as its words would parse.
    public init(conversation: String?, allBranches: Bool = false, hidden: Bool = false, last: Int? = nil, raw: Bool = false) {
        self.conversation = conversation; self.allBranches = allBranches; self.hidden = hidden; self.last = last
        self.raw = raw
    }
    /// Parses the words after `show` (see `spec`).
    public init(arguments: inout Arguments) throws {
        allBranches = arguments.flag("--all-branches")
        hidden = arguments.flag("--hidden")
        last = try arguments.intOption("--last")
        raw = arguments.flag("--raw")
        try arguments.requireCount(0...1)
        conversation = arguments.positional.first
    }

    /// Print a conversation's visible thread (by id, id prefix, or row number of the last listing).
    public func run(in context: CommandContext) throws -> CommandResult {
        let target: ConversationSummary
        if let conversation {
            target = try ConversationReference.resolve(conversation, in: context)
        } else if let current = context.state.conversation {
            target = current
        } else {
            throw ParseError.usage(command: "show", problem: "no current conversation; name one", usage: Self.spec.usage)
        }
        let catalog = try context.catalog
        let assets = try catalog.assets(conversationID: target.id)
        let documents = Dictionary(grouping: try catalog.documents(conversationID: target.id), by: { $0.nodeID ?? "" })
        let formatter = TranscriptFormatter(colors: context.colors,
                                            assistantName: Provider(rawValue: target.provider)?.assistantName ?? "ChatGPT",
                                            width: context.output.columns ?? Terminal.columns(),
                                            render: !raw && context.settings.render)
        let projectName = try target.projectID.flatMap { try catalog.project(id: $0)?.name }
        var text = formatter.header(target, project: projectName)
        text += context.colors.dim("server copy: " + ShowCommand.serverCopy(target)) + "\n"
        var shown: [StoredMessage]
        if allBranches {
            let all = try catalog.allMessages(conversationID: target.id)
            shown = []
            text += "\n"
            let tree = MessageTree.depthFirst(all, id: \.nodeID, parent: \.parentNodeID, childIndex: \.childIndex,
                                              createTime: \.createTime)
            for entry in tree where hidden || !entry.node.isHidden {
                let m = entry.node
                shown.append(m)
                text += "\n" + formatter.message(m, assets: assets[m.nodeID] ?? [], depth: entry.depth,
                                                  marker: entry.isBranch ? (m.onVisiblePath ? "● " : "○ ") : "")
                for d in documents[m.nodeID] ?? [] { text += "\n" + formatter.document(d) }
            }
        } else {
            shown = try catalog.visibleThread(conversationID: target.id).filter { hidden || !$0.isHidden }
            if let last, shown.count > last { shown = Array(shown.suffix(last)) }
            // `show n` after `recall`: source n opens at its message (one turn of context before it).
            if last == nil, let anchor = ShowCommand.anchor(conversation, in: context),
               let at = shown.firstIndex(where: { $0.nodeID == anchor }), at > 1 {
                text += "\n(from message \(at) of \(shown.count), the cited one marked ▶; 'show \(target.id.prefix(8))' for all)\n"
                shown = Array(shown[(at - 1)...])
            }
            let anchor = ShowCommand.anchor(conversation, in: context)
            for m in shown {
                text += "\n" + formatter.message(m, assets: assets[m.nodeID] ?? [], marker: m.nodeID == anchor ? "▶ " : "")
                for d in documents[m.nodeID] ?? [] { text += "\n" + formatter.document(d) }
            }
        }
        if shown.isEmpty { text += "\n(no messages)\n" }
        return .document(text, data: ShowCommand.rows(shown))
    }

    /// The message row `key` of the last listing points at, if it is a row number with one.
    static func anchor(_ key: String?, in context: CommandContext) -> String? {
        guard let key, let n = Int(key), n >= 1, key.count <= 4, n <= context.state.lastListing.count else { return nil }
        return context.state.lastListing[n - 1].nodeID
    }

    /// Whether the conversation has a copy on the OpenAI server: "conv_… (on the server)" or "none …".
    static func serverCopy(_ conversation: ConversationSummary) -> String {
        conversation.openAIConversationID.map { "\($0) (on the server; 'forget' deletes it)" }
            ?? "none (no server copy; the next turn seeds one)"
    }

    static func rows(_ messages: [StoredMessage]) -> ResultSet {
        ResultSet(columns: [Column(name: "node_id", kind: .text), Column(name: "parent_node_id", kind: .text),
                            Column(name: "role", kind: .text), Column(name: "content_type", kind: .text),
                            Column(name: "text", kind: .text), Column(name: "create_time", kind: .temporal),
                            Column(name: "is_hidden", kind: .integer), Column(name: "on_visible_path", kind: .integer)],
                  rows: messages.map { m in
                      [.text(m.nodeID), .optional(m.parentNodeID), .optional(m.role), .optional(m.contentType), .optional(m.text),
                       m.createTime.map { .temporal($0) } ?? .null, .int(m.isHidden ? 1 : 0), .int(m.onVisiblePath ? 1 : 0)]
                  })
    }
}
