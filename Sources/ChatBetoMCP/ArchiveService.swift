import ChatBetoOpenAI
import ChatBetoSearch
import ChatBetoStore
import Foundation
import MCP

/// The archive behind the tools: one database connection, used by one call at a time (the SDK may call
/// handlers concurrently; Connector/C handles may not be shared), read-only throughout.
final class ArchiveService: @unchecked Sendable {
    private let database: Database
    private let configuration: MCPConfiguration
    private let lock = NSLock()
    private var index: VectorIndex?
    private var client: OpenAIClient?

    init(database: Database, configuration: MCPConfiguration) {
        self.database = database
        self.configuration = configuration
    }

    /// Runs one tool call. Bad arguments throw `MCPError.invalidParams`; a failure of the call itself (an
    /// unknown conversation, SQL the server refused) is a result with `isError`, as MCP prescribes.
    func call(_ name: String, arguments: [String: Value]?) throws -> CallTool.Result {
        guard let allowed = ArchiveTools.argumentNames(name) else {
            throw MCPError.invalidParams("unknown tool '\(name)' (tools: \(ArchiveTools.all.map(\.name).joined(separator: ", ")))")
        }
        let args = try ToolArguments(tool: name, values: arguments, allowed: allowed)
        let request = try ToolRequest(name: name, args: args)
        return lock.withLock {
            do {
                return CallTool.Result(content: [.text(text: try run(request), annotations: nil, _meta: nil)], isError: false)
            } catch {
                return CallTool.Result(content: [.text(text: "\(name): \(error)", annotations: nil, _meta: nil)], isError: true)
            }
        }
    }

    /// A conversation's thread as text, for `resources/read`.
    func conversationText(id: String) throws -> String {
        try lock.withLock {
            let catalog = Catalog(connection: try connection())
            return try ArchiveText.thread(try catalog.findConversation(id), messages: try catalog.visibleThread(conversationID: id)
                .filter { !$0.isHidden }, catalog: catalog, total: nil)
        }
    }

    /// The most recent conversations in the default scope, for `resources/list`, with their visible
    /// messages (what reading one returns).
    func recentConversations(limit: Int) throws -> [(conversation: ConversationSummary, messages: Int)] {
        try lock.withLock {
            let connection = try connection()
            let projectID = try scope(project: nil, all: false)?.id
            return try Catalog(connection: connection).listConversations(projectID: projectID, orphansOnly: false, since: nil, limit: limit)
                .records.map { (ConversationSummary($0), Int($0.int("visible_messages") ?? 0)) }
        }
    }

    // MARK: running

    private func connection() throws -> MySQLConnection {
        try database.connection.ensureConnected()
        return database.connection
    }

    private func run(_ request: ToolRequest) throws -> String {
        let connection = try connection()
        let catalog = Catalog(connection: connection)
        switch request {
        case let .search(query, mode, project, all, since, role, limit):
            let scope = try scope(project: project, all: all)
            let filter = SearchFilter(projectID: scope?.id, since: since, role: role, limit: limit)
            let hits = try HybridSearch(connection: connection, index: vectorIndex(connection), embed: embedder())
                .search(query, mode: mode, filter: filter)
            return ArchiveText.hits(hits, words: QueryTerms(query).words, scope: scope?.name, mode: mode)
        case let .read(key, around, window, limit):
            let conversation = try catalog.findConversation(key)
            let thread = try catalog.visibleThread(conversationID: conversation.id)
            var shown: [StoredMessage]
            if let around {
                var all = thread
                if !all.contains(where: { $0.nodeID == around }) { all = try catalog.allMessages(conversationID: conversation.id) }
                shown = ThreadWindow.around(around, in: all, before: window, after: window)
                if shown.isEmpty { throw LookupError.notFound(kind: "message", key: around, hint: "message ids come from search hits ('msg=…')") }
            } else {
                shown = thread.filter { !$0.isHidden }
            }
            let total = shown.count
            if shown.count > limit { shown = Array(shown.prefix(limit)) }
            return try ArchiveText.thread(conversation, messages: shown, catalog: catalog, total: total)
        case .listProjects:
            return ArchiveText.table(try catalog.projectList())
        case let .listConversations(project, all, since, limit):
            let scope = try scope(project: project, all: all)
            return ArchiveText.table(try catalog.listConversations(projectID: scope?.id, orphansOnly: false, since: since, limit: limit))
        case let .sql(statement, maxRows):
            return ArchiveText.table(try readOnlySQL(statement), maxRows: maxRows)
        case .stats:
            return try StatsReport.load(from: connection, byProject: false).text(width: 100)
        }
    }

    /// The project a call is limited to: its own argument, else `--project`, unless `all`.
    private func scope(project: String?, all: Bool) throws -> Project? {
        if all { return nil }
        guard let key = project ?? configuration.project else { return nil }
        return try Catalog(connection: try connection()).findProject(key)
    }

    /// SQL through the SELECT-only reader account (the one the shell's `sql` uses); where none could
    /// be made, a read-only session. Either way the server refuses writes.
    private func readOnlySQL(_ statement: String) throws -> ResultSet {
        let reader = try database.userConnection(write: false, limits: Database.ReaderLimits(statementSeconds: 30, lockWaitSeconds: 5))
        let shared = reader === database.connection
        if shared { try database.beginFallbackStatement(statement, limits: Database.ReaderLimits(statementSeconds: 30, lockWaitSeconds: 5)) }
        defer {
            _ = try? reader.execute(SQL.Connection.rollback)
            if shared { database.endFallbackStatement() }
        }
        return try reader.execute(statement)
    }

    private func vectorIndex(_ connection: MySQLConnection) -> VectorIndex {
        let made = VectorIndex.reusing(index, home: configuration.home, server: connection.config.displayName,
                                       model: configuration.embeddingModel, dimensions: configuration.embeddingDimensions)
        index = made
        return made
    }

    private func embedder() throws -> ((String) throws -> [Float])? {
        guard let config = configuration.openAI else { return nil }
        if client == nil { client = try OpenAIClient(config: config) }
        guard let client else { return nil }
        let model = configuration.embeddingModel, dimensions = configuration.embeddingDimensions
        return { try client.embeddings(model: model, inputs: [$0], dimensions: dimensions).vectors[0] }
    }
}
