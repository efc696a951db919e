import ChatBetoSearch
import ChatBetoStore

/// `search <words>`: ranked full-text, semantic or hybrid search; hits are numbered for show/open.
public struct SearchCommand: ShellCommand, Equatable {
    public static let spec = CommandSpec(
        name: "search", aliases: ["find"],
        usage: "search <words> [--all] [--limit N] [--since DATE] [--role R] [--provider P] [--semantic|--hybrid]",
        summary: "Search message text and titles in the current project (or --all), ranked, numbered for show/open.",
        details: """
        search cafe lisboa        accents and case do not matter ("cafe" finds "café")
        --all                    every project, whatever the current one
        --limit N                at most N hits (default 20)
        --since DATE             messages on or after DATE (2024-05-01)
        --role R                 only messages of role R (user, assistant, tool, system)
        --provider P             only conversations from P (chatgpt, claude, gemini, grok)
        --semantic               by meaning: the question's embedding against 'index'ed messages
        --hybrid                 full-text and semantic rankings fused (reciprocal rank fusion)
        Words shorter than 2 letters and English/Spanish stop words are ignored; every other word must
        appear (the last one also as a prefix). 'show 3' / 'open 3' open the 3rd hit's conversation.
        """, category: .browse)

    /// How `search` matches: words, meaning (embeddings), or both.
    public enum Mode: String, Sendable { case fullText = "full-text", semantic, hybrid }
    public var query: String
    public var mode: Mode = .fullText
    public var all = false
    public var limit = 20
    public var since: String?
    public var role: String?
    public var provider: String?

    /// `search` with these arguments, as its words would parse.
    public init(query: String, mode: Mode = .fullText, all: Bool = false, limit: Int = 20, since: String? = nil, role: String? = nil,
                provider: String? = nil) {
        self.query = query; self.mode = mode; self.all = all; self.limit = limit; self.since = since; self.role = role
        self.provider = provider
    }
    /// Parses the words after `search` (see `spec`).
    public init(arguments: inout Arguments) throws {
        all = arguments.flag("--all")
        let semantic = arguments.flag("--semantic"), hybrid = arguments.flag("--hybrid")
        if semantic && hybrid { throw arguments.usageError("choose --semantic or --hybrid, not both") }
        mode = semantic ? .semantic : hybrid ? .hybrid : .fullText
        limit = try arguments.intOption("--limit", range: 1...1000) ?? 20
        since = try arguments.dateOption("--since")
        role = try arguments.option("--role")?.lowercased()
        provider = try arguments.providerOption()
        try arguments.requireCount(1...Int.max)
        query = arguments.rest
    }

    /// Search message text and titles in the current project (or --all), ranked, numbered for show/open.
    public func run(in context: CommandContext) throws -> CommandResult {
        let connection = try context.connection
        let filter = SearchFilter(projectID: all ? nil : context.state.project?.id, since: since, role: role, limit: limit,
                                  provider: provider)
        let terms = QueryTerms(query)
        var hits: [SearchHit]
        switch mode {
        case .fullText:
            guard !terms.isEmpty else { throw SearchError.nothingToSearch(query: query) }
            hits = try FullTextSearch(connection: connection).search(terms, filter: filter)
        case .semantic:
            try SemanticScope.check(context, connection: connection, projectID: filter.projectID)
            hits = try semanticHits(context, connection: connection, filter: filter)
        case .hybrid:
            let covered = try SemanticScope.check(context, connection: connection, projectID: filter.projectID, orWarn: true)
            let semantic = covered ? try semanticHits(context, connection: connection, filter: filter) : []
            let text = terms.isEmpty ? [] : try FullTextSearch(connection: connection).search(terms, filter: filter)
            hits = HybridRanker.fuse([text, semantic], limit: limit)
        }
        context.state.lastListing = hits.map { ListingEntry(conversationID: $0.conversationID) }
        let scope = filter.projectID == nil ? "everywhere" : "in '\(context.state.project?.name ?? "")'"
        let summary = "\(hits.count) hit\(hits.count == 1 ? "" : "s") \(scope) (\(mode.rawValue))"
        let listing = SearchListing(hits: hits, words: terms.words, colors: context.colors)
        return .sequence([.document(listing.text(width: context.output.columns ?? 100),
                                    data: listing.rows), .message(summary)])
    }

    private func semanticHits(_ context: CommandContext, connection: MySQLConnection, filter: SearchFilter) throws -> [SearchHit] {
        let model = context.settings.embeddingModel, dimensions = context.settings.embeddingDimensions
        let index = VectorIndex.reusing(context.vectorIndex, home: context.options.home, server: connection.config.displayName,
                                        model: model, dimensions: dimensions)
        context.vectorIndex = index
        try index.refresh(from: connection)
        if index.lastLoad.rows > 0 {
            let why: String
            switch index.lastFileAction {
            case .rebuilt(let reason): why = "; vector file rebuilt: \(reason)"
            case .extended: why = "; vector file extended"
            case .none, .mapped: why = ""
            }
            context.note("loaded \(index.lastLoad.rows) vectors in \(String(format: "%.2f", index.lastLoad.seconds)) s (\(index.count) in all\(why))")
        }
        guard index.count > 0 else { throw SearchError.noEmbeddings(model: model, dimensions: dimensions) }
        let client = try context.openAIClient()
        let vector = try client.embeddings(model: model, inputs: [query], dimensions: dimensions).vectors[0]
        return try SemanticSearch(connection: connection, index: index).search(queryVector: vector, filter: filter)
    }
}
