import ChatBetoOpenAI
import ChatBetoRender
import ChatBetoSearch
import ChatBetoStore
import Foundation

/// What a command receives: where the user is (project, conversation, settings), the services it may
/// open (the database, OpenAI), one output sink, and the loop it runs in. The saved session is
/// restored once, before the first command that uses it (`prepareSession`), in every mode.
public final class CommandContext {
    public let options: ShellOptions
    public var settings = Settings()
    public var state = SessionState()
    public let store: StoreProvider
    public let openAI: OpenAIProvider
    public let output: OutputSink
    /// The loop running the commands; nil when a command runs on its own (tests).
    public weak var loop: LoopControl?
    /// Message vectors loaded by semantic search, kept for the session and topped up incrementally.
    public var vectorIndex: VectorIndex?
    /// `--format` from the command line; cleared by `set format`.
    public var formatOverride: OutputFormat?
    /// Set once the user picked a model in this shell (it then wins over `CHATBETO_MODEL`).
    public var modelChosenHere = false

    /// Whether changes to the context (project, conversation, settings) are saved for the next run. Only
    /// the interactive shell saves; scripts start from what it saved and keep their changes to themselves.
    public var savesSession = true

    private var chatSession: ChatSession?
    private var sessionID: Int64?
    private var restored = false

    /// A context over these services, with this output.
    public init(options: ShellOptions, store: StoreProvider, openAI: OpenAIProvider, output: OutputSink) {
        self.options = options
        self.store = store
        self.openAI = openAI
        self.output = output
        formatOverride = options.format
    }

    /// The context of the real program: the private server or `--dsn`, OpenAI from the environment.
    public convenience init(options: ShellOptions, output: OutputSink) {
        let services = LiveServices(options: options, output: output)
        self.init(options: options, store: services, openAI: services, output: output)
    }

    // MARK: services

    /// The database, connected on first use, with the saved session restored.
    public func db() throws -> Database {
        let database = try store.database()
        try restoreSession(database)
        return database
    }
    /// The catalog database's connection, opened on first use (the session restored then).
    public var connection: MySQLConnection { get throws { try db().connection } }
    /// The catalog over that connection.
    public var catalog: Catalog { get throws { Catalog(connection: try db().connection) } }

    /// The OpenAI client; throws when no API key is set.
    public func openAIClient() throws -> OpenAIClient { try openAI.openAIClient() }

    /// The chat client, made on first use (it needs the API key).
    public func chat() throws -> ChatSession {
        if let chatSession { return chatSession }
        let made = try ChatSession(context: self)
        chatSession = made
        return made
    }

    // MARK: session

    /// Restores the saved session now (connecting if need be) unless it already was.
    public func prepareSession() throws { _ = try db() }

    private func restoreSession(_ database: Database) throws {
        guard !restored else { return }
        restored = true
        let store = SessionStore(connection: database.connection)
        let catalog = Catalog(connection: database.connection)
        if let last = try store.latest() {
            if let saved = last.settings { settings = saved }
            if state.project == nil, let pid = last.projectID { state.project = try catalog.project(id: pid) }
            if state.conversation == nil, let cid = last.conversationID { state.conversation = try catalog.conversation(id: cid) }
        }
        guard savesSession else { return }
        sessionID = try store.begin(projectID: state.project?.id, conversationID: state.conversation?.id, settings: settings)
    }

    /// Whether the saved session was restored yet (a script at the prompt runs on a copy made after it).
    public var sessionRestored: Bool { restored }

    /// Saves the current context (called after commands that change it); a script's changes are not saved.
    public func persistSession() throws {
        guard savesSession else { return }
        let database = try db()
        guard let sessionID else { return }
        try SessionStore(connection: database.connection).save(id: sessionID, projectID: state.project?.id,
                                                               conversationID: state.conversation?.id, settings: settings)
    }

    /// The model for chat turns: `CHATBETO_MODEL` wins over the saved setting until `set model` changes it.
    public var model: String {
        if !modelChosenHere, let m = options.environment["CHATBETO_MODEL"], !m.isEmpty { return m }
        return settings.model
    }

    /// The output format: per command, else `--format`, else the setting.
    public func outputFormat(_ perCommand: OutputFormat?) -> OutputFormat {
        perCommand ?? formatOverride ?? settings.format
    }

    /// Whether a person is at the keyboard (prompts, banners, progress).
    public var isInteractive: Bool { options.inputIsTerminal }
    /// Whether `continue` may enter chat mode and replies get terminal decorations.
    public var canChat: Bool { loop?.canChat ?? false }

    // MARK: running and output

    /// Runs one parsed command (restoring the session first if it uses one) and shows its result.
    public func execute(_ invocation: Invocation) throws {
        let command = invocation.command
        if type(of: command).spec.usesSession { try prepareSession() }
        let started = Date()
        let result = try command.run(in: self)
        output.show(result, format: outputFormat(invocation.format), elapsed: Date().timeIntervalSince(started))
    }

    /// Shows a result now, before the command returns (a report printed before its command fails).
    public func show(_ result: CommandResult) {
        output.show(result, format: outputFormat(nil), elapsed: 0)
    }

    /// Asks the user a yes/no question (`--yes` answers yes).
    public func confirm(_ question: String) -> Bool { output.confirm(question) }
    /// A note on stderr.
    public func note(_ text: String) { output.note(text) }
    /// A warning on stderr.
    public func warn(_ text: String) { output.warn(text) }
    /// The colours of the output (none when it is no terminal).
    public var colors: Colors { output.colors }
}
