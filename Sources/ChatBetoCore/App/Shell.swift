import ChatBetoRender
import ChatBetoSearch
import ChatBetoStore
import Foundation

/// The running shell: options, settings, where the user is, the database, and how results are shown.
/// Commands receive it; it is the only place that renders and prints.
public final class Shell {
    public let options: ShellOptions
    public var settings = Settings()
    public var state = SessionState()
    public let console = Console.standard
    public let colors: Colors
    /// Set by `quit`; the loop ends after the current command.
    public var shouldQuit = false
    /// How the REPL asks questions (interactive confirmation); nil in scripts.
    public var askLine: ((String) -> String?)?
    /// Runs a script file (`source`); set by the app so nested sources share the runner.
    public var sourceFile: ((String) throws -> Void)?
    /// A seam for commands that need an OpenAI client (chat, index).
    public var openAIEnvironment: [String: String] { options.environment }
    /// Message vectors loaded by semantic search, kept for the session and topped up incrementally.
    public var vectorIndex: VectorIndex?

    /// Chat mode (`continue` on a terminal): lines go to the model, commands need a leading `/`.
    public var chatMode = false
    /// How many scripts (`-e`, `-f`, `source`, piped stdin) are running; chat mode needs none.
    public var scriptDepth = 0
    /// Whether `continue` may enter chat mode and replies get terminal decorations.
    public var canChat: Bool { isInteractive && scriptDepth == 0 }
    /// The chat client, made on first use (it needs the API key).
    public func chat() throws -> ChatSession {
        if let chatSession { return chatSession }
        let made = try ChatSession(shell: self)
        chatSession = made
        return made
    }
    private var chatSession: ChatSession?

    private var database: Database?
    private var sessionID: Int64?
    private var restored = false

    public init(options: ShellOptions) {
        self.options = options
        formatOverride = options.format
        colors = Colors.forTerminal(isTTY: options.outputIsTerminal, environment: options.environment)
    }

    /// The model for chat turns: `CHATBETO_MODEL` wins over the saved setting until `set model` changes it.
    public var model: String {
        if !modelChosenHere, let m = options.environment["CHATBETO_MODEL"], !m.isEmpty { return m }
        return settings.model
    }
    /// What `set` changed in this shell before the saved session was restored: re-applied on top of it.
    public var settingsChangedHere: [(name: String, value: String)] = []
    /// Set once the user picked a model in this shell.
    public var modelChosenHere = false

    /// The output format: per command, else `--format`, else the setting.
    public func outputFormat(_ perCommand: OutputFormat?) -> OutputFormat {
        perCommand ?? formatOverride ?? settings.format
    }
    /// `--format` from the command line; cleared by `set format`.
    public var formatOverride: OutputFormat?

    /// Whether to print prompts, banners and status messages (a person is at the keyboard).
    public var isInteractive: Bool { options.inputIsTerminal }

    // MARK: database

    /// The database, connecting (and starting the private server) on first use.
    public func db() throws -> Database {
        if let database { return database }
        var (config, server) = try options.connectionTarget()
        if let server {
            try server.start()
            config = try server.connectionConfig()
        }
        let opened: Database
        do {
            opened = try Database(config: config, readerPasswordFile: server.map { $0.readerPasswordFile } ?? readerPasswordFile(for: config))
        } catch let e as StoreError where e.isCannotConnect || e.code == .accessDenied || e.code == .databaseAccessDenied || e.code == .unknownHost {
            throw ConnectError(target: config.displayName, underlying: e.message, usingDSN: server == nil)
        }
        opened.connection.onReconnect = { [console] error in
            _ = console.writeError("note: the connection to MySQL was lost (\(error.message)); reconnected\n")
        }
        if let server {
            // Before every reconnect: the server is this home's own (identity checked), started again if it died.
            opened.connection.prepareReconnect = { [console] in
                guard try server.start() else { return false }
                _ = console.writeError("note: the private server had stopped; chatbeto started it again and reconnected\n")
                return true
            }
        }
        database = opened
        try restoreSession()
        return opened
    }

    public var connection: MySQLConnection { get throws { try db().connection } }
    public var catalog: Catalog { get throws { Catalog(connection: try db().connection) } }

    private func readerPasswordFile(for config: ConnectionConfig) -> URL {
        var hash: UInt64 = 1469598103934665603
        for b in config.displayName.utf8 { hash = (hash ^ UInt64(b)) &* 1099511628211 }
        return options.home.appendingPathComponent("reader-\(String(hash, radix: 36)).secret")
    }

    /// Forgets the connection (after the server was stopped, say); the next command reconnects.
    public func disconnect() { database = nil }

    // MARK: session

    private func restoreSession() throws {
        guard !restored, let database else { return }
        restored = true
        let store = SessionStore(connection: database.connection)
        let catalog = Catalog(connection: database.connection)
        if let last = try store.latest() {
            if var saved = last.settings {
                for change in settingsChangedHere { try? saved.set(change.name, change.value) }
                settings = saved
            }
            if state.project == nil, let pid = last.projectID { state.project = try catalog.project(id: pid) }
            if state.conversation == nil, let cid = last.conversationID { state.conversation = try catalog.conversation(id: cid) }
        }
        sessionID = try store.begin(projectID: state.project?.id, conversationID: state.conversation?.id, settings: settings)
    }

    /// Saves the current context (called after commands that change it).
    public func persistSession() throws {
        guard let database, let sessionID else { return }
        try SessionStore(connection: database.connection).save(id: sessionID, projectID: state.project?.id,
                                                               conversationID: state.conversation?.id, settings: settings)
    }

    // MARK: prompt

    /// `chatbeto[Marketing › Title]> `; with `set sql-write on`, `rw` comes first: `chatbeto[rw Marketing]> `.
    /// Names and titles come from imported data: escaped so they cannot restyle the terminal.
    public var prompt: String {
        var context = ""
        if let p = state.project {
            context = CellText.singleLine(p.name)
            if let c = state.conversation { context += " › " + DisplayWidth.truncate(CellText.singleLine(c.displayTitle), to: 30) }
        } else if let c = state.conversation {
            context = DisplayWidth.truncate(CellText.singleLine(c.displayTitle), to: 30)
        }
        if settings.sqlWrite { context = context.isEmpty ? "rw" : "rw " + context }
        return context.isEmpty ? "chatbeto> " : "chatbeto[\(context)]> "
    }

    public var continuationPrompt: String { "      -> " }

    /// `you[Wordpress › Title]> ` in chat mode.
    public var chatPrompt: String {
        var context = CellText.singleLine(state.project?.name ?? "")
        if let c = state.conversation { context += (context.isEmpty ? "" : " › ") + DisplayWidth.truncate(CellText.singleLine(c.displayTitle), to: 30) }
        return "you[\(context)]> "
    }

    // MARK: running and rendering

    /// Runs one parsed command and prints its result.
    public func execute(_ invocation: Invocation) throws {
        let started = Date()
        let result = try invocation.command.run(in: self)
        render(result, format: invocation.format, elapsed: Date().timeIntervalSince(started))
    }

    /// Asks a yes/no question; `--yes` answers yes, scripts without it answer no.
    public func confirm(_ question: String) -> Bool {
        if options.assumeYes { return true }
        guard let ask = askLine else {
            _ = console.writeError("\(question) [y/N] no (not a terminal; pass --yes to confirm in scripts)\n")
            return false
        }
        let answer = ask("\(question) [y/N] ")?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        return answer == "y" || answer == "yes"
    }

    /// Prints a note for people (status lines); silent in scripts unless verbose.
    public func note(_ text: String) {
        if isInteractive || options.verbose { _ = console.write(colors.dim(CellText.multiLine(text)) + "\n") }
    }

    public func warn(_ text: String) { _ = console.writeError("warning: " + CellText.multiLine(text) + "\n") }

    func render(_ result: CommandResult, format: OutputFormat?, elapsed: TimeInterval) {
        let chosen = outputFormat(format)
        switch result {
        case .none: return
        case .message(let text): note(text)
        case .sequence(let results): results.forEach { render($0, format: format, elapsed: elapsed) }
        case .report(let text, let json):
            emit(chosen == .json ? (json.hasSuffix("\n") ? json : json + "\n") : (text.hasSuffix("\n") ? text : text + "\n"))
        case .document(let text, let data):
            if let data, chosen != .table {
                emit(ResultRenderer.render(data, format: chosen, colors: colors))
            } else {
                emit(text.hasSuffix("\n") ? text : text + "\n")
            }
        case .rows(let rs, let summary):
            if !rs.hasResultSet {
                let n = rs.affectedRows
                note("Query OK, \(n) row\(n == 1 ? "" : "s") affected (\(String(format: "%.2f", elapsed)) sec)")
                return
            }
            let text = rs.rows.isEmpty && (chosen == .table || chosen == .vertical) ? "" : ResultRenderer.render(rs, format: chosen, colors: colors)
            emit(text)
            if chosen == .table || chosen == .vertical {
                let count = rs.rows.count
                let line = rs.rows.isEmpty ? "Empty set" : (summary ?? "\(count) row\(count == 1 ? "" : "s") in set")
                note("\(line) (\(String(format: "%.2f", elapsed)) sec)")
            }
        }
    }

    /// Writes output, through the pager when it is long and a person is reading.
    public func emit(_ text: String) {
        guard !text.isEmpty else { return }
        if settings.pager && options.outputIsTerminal && options.inputIsTerminal {
            Pager.fromEnvironment(options.environment).show(text, console: console)
        } else {
            _ = console.write(text)
        }
    }
}
