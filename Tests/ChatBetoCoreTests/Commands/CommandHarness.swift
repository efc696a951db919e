@testable import ChatBetoExport
@testable import ChatBetoImport
@testable import ChatBetoOpenAI
@testable import ChatBetoRender
@testable import ChatBetoSearch
@testable import ChatBetoServer
@testable import ChatBetoStore
@testable import ChatBetoSupport
import ChatBetoTestSupport
import Foundation
@testable import ChatBetoCore

/// Collects everything a command shows, as values: results, notes, warnings, questions (answered
/// from `answers`, else no), reply events, progress and stderr lines.
final class RecordingSink: OutputSink, @unchecked Sendable {
    enum Event: Equatable {
        case note(String), warning(String), diagnostic(String), question(String), progress(ProgressEvent)
        case reply(ReplyEvent)
    }
    private let lock = NSLock()
    private(set) var results: [CommandResult] = []
    private var recorded: [Event] = []
    var answers: [Bool] = []
    var events: [Event] { lock.lock(); defer { lock.unlock() }; return recorded }
    private func record(_ e: Event) { lock.lock(); recorded.append(e); lock.unlock() }

    let colors = Colors.none
    var columns: Int? { nil }
    func show(_ result: CommandResult, format: OutputFormat, elapsed: TimeInterval) { results.append(result) }
    func note(_ text: String) { record(.note(text)) }
    func warn(_ text: String) { record(.warning(text)) }
    var diagnostics: @Sendable (String) -> Void { { [self] in record(.diagnostic($0)) } }
    func confirm(_ question: String) -> Bool {
        record(.question(question))
        return answers.isEmpty ? false : answers.removeFirst()
    }
    func reply(_ event: ReplyEvent) { record(.reply(event)) }
    func progress(_ event: ProgressEvent) { record(.progress(event)) }
    var retryNotices: @Sendable (RetryNotice) -> Void { { _ in } }
    var wireTrace: (@Sendable (String) -> Void)? { nil }

    var notes: [String] { events.compactMap { if case .note(let t) = $0 { return t } else { return nil } } }
    var warnings: [String] { events.compactMap { if case .warning(let t) = $0 { return t } else { return nil } } }
    var questions: [String] { events.compactMap { if case .question(let t) = $0 { return t } else { return nil } } }
    var replyEvents: [ReplyEvent] { events.compactMap { if case .reply(let e) = $0 { return e } else { return nil } } }
    /// The reply text as streamed.
    var replyText: String { replyEvents.compactMap { if case .delta(let t) = $0 { return t } else { return nil } }.joined() }
}

/// A real database for the commands (a fresh one in the test server) and OpenAI at a fake server (or none).
final class TestServices: StoreProvider, OpenAIProvider {
    let db: Database
    let openAIConfig: OpenAIConfig?
    private(set) var disconnects = 0

    init(database: Database, openAIConfig: OpenAIConfig? = nil) {
        self.db = database
        self.openAIConfig = openAIConfig
    }
    func database() throws -> Database { db }
    func disconnect() { disconnects += 1 }
    func connectionTarget() throws -> (config: ConnectionConfig, server: ManagedServer?) { (db.connection.config, nil) }
    func openAIClient() throws -> OpenAIClient {
        guard let openAIConfig else { throw ChatError.noAPIKey }
        return try OpenAIClient(config: openAIConfig, retryPolicy: RetryPolicy(maxRetries: 0))
    }
    var hasAPIKey: Bool { openAIConfig != nil }
    var apiDescription: String? { openAIConfig.map { "key set, \($0.baseURL)" } }
}

/// A command context over a fresh database (optionally loaded with `SmallHistory`) and a recording sink.
struct CommandHarness {
    let context: CommandContext
    let sink: RecordingSink
    let services: TestServices
    var database: Database { services.db }

    init(history: Bool = true, openAI: OpenAIConfig? = nil, database: Database? = nil,
         environment: [String: String] = [:]) throws {
        let db = try database ?? TestServer.freshDatabase()
        if history && database == nil { try SmallHistory.load(into: db.connection) }
        var options = ShellOptions(environment: environment)
        options.inputIsTerminal = false
        options.outputIsTerminal = false
        sink = RecordingSink()
        services = TestServices(database: db, openAIConfig: openAI)
        context = CommandContext(options: options, store: services, openAI: services, output: sink)
    }

    /// Parses and runs one line as the REPL would; returns what it showed.
    @discardableResult
    func run(_ line: String) throws -> CommandResult? {
        let before = sink.results.count
        try context.execute(try CommandParser.parse(line, vertical: false))
        return sink.results.count > before ? sink.results.last : nil
    }

    /// The rows of a `.rows` result (or of the first one in a sequence) as text.
    static func rows(_ result: CommandResult?) -> [[String]] {
        switch result {
        case .rows(let rs, _)?: return rs.rows.map { $0.map { $0.textValue ?? "NULL" } }
        case .sequence(let parts)?: return parts.lazy.map { rows($0) }.first { !$0.isEmpty } ?? []
        case .document(_, let data?)?: return data.rows.map { $0.map { $0.textValue ?? "NULL" } }
        default: return []
        }
    }

    static func text(_ result: CommandResult?) -> String {
        switch result {
        case .message(let t)?: return t
        case .document(let t, _)?: return t
        case .report(let t, _)?: return t
        case .sequence(let parts)?: return parts.map { text($0) }.joined(separator: "\n")
        default: return ""
        }
    }
}

// MARK: - Chat command helpers (ask, continue, retry, models, forget, new, open, quit)

/// A loop for commands that ask it for something: records `quit`, chat mode and scripts; `canChat`
/// says whether a person is typing (as at the terminal prompt).
final class RecordingLoop: LoopControl {
    var canChat: Bool
    private(set) var quits = 0
    private(set) var chatModeEntered = 0
    private(set) var scripts: [String] = []
    init(canChat: Bool = false) { self.canChat = canChat }
    func enterChatMode() { chatModeEntered += 1 }
    func quit() { quits += 1 }
    func runScript(_ path: String) throws { scripts.append(path) }
}

extension CommandHarness {
    /// A context over this harness's database whose OpenAI comes from `environment` as the program's does
    /// (`OPENAI_API_KEY`, `OPENAI_BASE_URL`: `LiveServices`), with its own recording sink.
    func contextWithLiveOpenAI(environment: [String: String]) -> (context: CommandContext, sink: RecordingSink) {
        var options = ShellOptions(environment: environment)
        options.inputIsTerminal = false
        options.outputIsTerminal = false
        let sink = RecordingSink()
        return (CommandContext(options: options, store: services, openAI: LiveServices(options: options, output: sink), output: sink), sink)
    }

    /// Where a conversation's server copy stands in the database (`conv_…` id, seeded node, leaf).
    func serverThread(_ conversationID: String) throws -> ServerThread {
        try TurnStore(connection: database.connection).serverThread(conversationID: conversationID)
    }

    /// The visible thread of a conversation as `role: text` lines.
    func thread(_ conversationID: String) throws -> [String] {
        try Catalog(connection: database.connection).visibleThread(conversationID: conversationID)
            .filter { !$0.isHidden }.map { "\($0.role ?? ""): \($0.text ?? "")" }
    }
}

extension FakeOpenAIServer {
    /// The requests received as `METHOD /path` (the `/v1` prefix and the query dropped), oldest first.
    func calls() throws -> [String] {
        try requests().map { r in
            let path = (r["path"]?.string ?? "").split(separator: "?").first.map(String.init) ?? ""
            return "\(r["method"]?.string ?? "") \(path.hasPrefix("/v1") ? String(path.dropFirst(3)) : path)"
        }
    }

    /// The JSON bodies of the `POST`s to exactly `path` (`/responses`, `/conversations`), oldest first.
    func posted(to path: String) throws -> [JSONValue] {
        try requests().filter { $0["method"]?.string == "POST" && $0["path"]?.string == "/v1" + path }
            .map { JSONValue.parse(Data(($0["body"]?.string ?? "").utf8)) ?? .null }
    }

    /// The `items` of a `POST /conversations` (or `…/items`) body as `role: text`.
    static func items(_ body: JSONValue) -> [String] {
        (body["items"]?.array ?? []).map { "\($0["role"]?.string ?? ""): \($0["content"]?.string ?? "")" }
    }

    /// The text of the messages the fake holds for a server conversation, as `role: text`.
    func serverItems(_ threadID: String) throws -> [String] {
        let client = try OpenAIClient(config: config(), retryPolicy: RetryPolicy(maxRetries: 0))
        return try client.listAllMessages(conversationID: threadID).map { "\($0.role ?? ""): \($0.text)" }
    }
}

/// The conversations of `SmallHistory` by name.
extension SmallHistory {
    /// "Plugin fix" (Wordpress): a hidden system message, a regenerated reply, and a user turn last.
    static let pluginFix = "aaaa1111-0000-4000-8000-000000000001"
    /// "Cron jobs" (Wordpress): one user turn and its reply.
    static let cronJobs = "aaaa1111-0000-4000-8000-000000000002"
    /// "Café ñandú 🥘" (project ChatGPT): one user message.
    static let cafe = "bbbb2222-0000-4000-8000-000000000003"
    /// "Orphan talk" (no project): one user message.
    static let orphan = "cccc3333-0000-4000-8000-000000000004"
}
