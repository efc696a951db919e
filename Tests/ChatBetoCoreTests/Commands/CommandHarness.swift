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

// MARK: - The REPL over a harness database (client commands: source, edit, clear, pager, tee)

/// Lines as a person types them (or a script holds them), one per `readLine`; records the prompts
/// shown and the history entries the loop adds.
final class ScriptedLineReader: LineReader {
    private var lines: [String] = []
    private(set) var prompts: [String] = []
    private(set) var history: [String] = []

    /// Queues lines to be read in order; the input ends after the last.
    func queue(_ more: [String]) { lines += more }
    func readLine(prompt: String) -> LineInput {
        prompts.append(prompt)
        return lines.isEmpty ? .end : .line(lines.removeFirst())
    }
    func addHistory(_ line: String) { history.append(line) }
}

/// The real REPL and `TerminalSink` over a fresh database (with `SmallHistory`): what it writes to
/// stdout and stderr goes to files in a temporary directory that the test reads back. `interactive`
/// makes the context believe a person is typing (the prompt, `\e`, the tee of typed lines, notes shown).
final class ShellHarness {
    let context: CommandContext
    let terminal: TerminalSink
    let repl: REPL
    let reader = ScriptedLineReader()
    let services: TestServices
    /// A temporary directory for the test's files (scripts, editors, tee files); removed with the harness.
    let directory: URL
    private let outFD: Int32
    private let errFD: Int32
    var database: Database { services.db }

    /// `directory`: one made with `newDirectory()` holding files the environment names (an editor).
    init(interactive: Bool, history: Bool = true, database: Database? = nil, environment: [String: String] = [:],
         directory: URL? = nil) throws {
        let db = try database ?? TestServer.freshDatabase()
        if history && database == nil { try SmallHistory.load(into: db.connection) }
        self.directory = try directory ?? ShellHarness.newDirectory()
        outFD = open(self.directory.appendingPathComponent("stdout").path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        errFD = open(self.directory.appendingPathComponent("stderr").path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var options = ShellOptions(environment: environment.merging(["NO_COLOR": "1"]) { a, _ in a })
        options.inputIsTerminal = interactive
        options.outputIsTerminal = false
        terminal = TerminalSink(options: options, console: Console(destination: .fileDescriptors(output: outFD, error: errFD)))
        services = TestServices(database: db)
        context = CommandContext(options: options, store: services, openAI: services, output: terminal)
        repl = REPL(context: context, output: terminal)
    }

    /// A new empty temporary directory.
    static func newDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cb-shell-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    deinit {
        close(outFD)
        close(errFD)
        try? FileManager.default.removeItem(at: directory)
    }

    /// Types these lines at the prompt (read as the script `sourceName` when given), then ends the input.
    @discardableResult
    func type(_ lines: String..., sourceName: String? = nil) -> REPL.ExitCode {
        reader.queue(lines)
        return repl.run(reader: reader, sourceName: sourceName)
    }

    /// What the shell wrote to standard output and standard error so far.
    var stdout: String { (try? String(contentsOf: directory.appendingPathComponent("stdout"), encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOf: directory.appendingPathComponent("stderr"), encoding: .utf8)) ?? "" }

    /// Writes `text` to `name` in the temporary directory (mode 0755 when `executable`); its path.
    @discardableResult
    func file(_ name: String, _ text: String, executable: Bool = false) throws -> String {
        let url = directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        if executable { try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path) }
        return url.path
    }

    /// The text of `name` in the temporary directory, nil when it does not exist.
    func read(_ name: String) -> String? {
        try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }
}

// MARK: - Summaries, JSON reports and temporary folders (for the browse and data command tests)

extension CommandHarness {
    /// The summary line of a `.rows` result, or the message that follows a document in a sequence
    /// (`search`'s "2 hits in 'Wordpress' (full-text)").
    static func summary(_ result: CommandResult?) -> String? {
        switch result {
        case .rows(_, let summary)?: return summary
        case .sequence(let parts)?:
            return parts.lazy.compactMap { part -> String? in
                if case .message(let text) = part { return text }
                return summary(part)
            }.first
        default: return nil
        }
    }

    /// The JSON document of a `.report` result (what `--format json` prints), parsed.
    static func json(_ result: CommandResult?) throws -> [String: Any] {
        guard case .report(_, let json)? = result else { throw CocoaError(.coderValueNotFound) }
        guard let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
            throw CocoaError(.coderReadCorrupt)
        }
        return object
    }

    /// The error running `line` throws, as the user reads it (nil when the line succeeds).
    func failure(_ line: String) -> String? {
        do { try run(line); return nil } catch { return String(describing: error) }
    }

    /// A harness whose `CHATBETO_HOME` is `home` (semantic search writes its vector file there).
    init(home: TemporaryFolder, openAI: OpenAIConfig? = nil, database: Database? = nil) throws {
        try self.init(openAI: openAI, database: database, environment: ["CHATBETO_HOME": home.url.path])
    }
}

/// A fresh folder under the temporary directory, removed with its contents when the value goes away.
final class TemporaryFolder {
    let url: URL
    init(_ label: String = "cmd") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("chatbeto-\(label)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }
    /// A path inside the folder.
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    /// The names of the files in `subfolder` (or the folder), sorted.
    func files(in subfolder: String = "") throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: subfolder.isEmpty ? url.path : path(subfolder)).sorted()
    }
    /// A file's text.
    func read(_ name: String) throws -> String { try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8) }
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
