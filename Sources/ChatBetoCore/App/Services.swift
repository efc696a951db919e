import ChatBetoOpenAI
import ChatBetoServer
import ChatBetoStore
import ChatBetoSupport
import Foundation

/// The database a command works on, opened on first use.
public protocol StoreProvider: AnyObject {
    /// The database, connecting (and starting the private server) on first use.
    func database() throws -> Database
    /// Forgets the connection (after the server was stopped, say); the next use reconnects.
    func disconnect()
    /// What `--dsn` / the home point at: the DSN's config, or the private server (not started).
    func connectionTarget() throws -> (config: ConnectionConfig, server: ManagedServer?)
}

/// Makes OpenAI clients (chat, embeddings, models); throws `ChatError.noAPIKey` without a key.
public protocol OpenAIProvider: AnyObject {
    func openAIClient() throws -> OpenAIClient
    /// Whether a key is configured (without making a client).
    var hasAPIKey: Bool { get }
    /// `key set, <base URL>` for `status`, nil without a key.
    var apiDescription: String? { get }
}

/// The real services: the private server or `--dsn`, and OpenAI from `OPENAI_API_KEY` / `OPENAI_BASE_URL`.
public final class LiveServices: StoreProvider, OpenAIProvider {
    let options: ShellOptions
    let output: OutputSink
    private var opened: Database?

    /// Services for these options, reporting through this output.
    public init(options: ShellOptions, output: OutputSink) {
        self.options = options
        self.output = output
    }

    /// The server to connect to: `--dsn`, or the private server.
    public func connectionTarget() throws -> (config: ConnectionConfig, server: ManagedServer?) {
        try options.connectionTarget()
    }

    /// The catalog database, opened (starting the private server and migrating) on first use.
    public func database() throws -> Database {
        if let opened { return opened }
        var (config, server) = try options.connectionTarget()
        if let server {
            try server.start()
            config = try server.connectionConfig()
        }
        let database: Database
        do {
            database = try Database(config: config, readerPasswordFile: server.map { $0.readerPasswordFile } ?? readerPasswordFile(for: config))
        } catch let e as StoreError where e.isCannotConnect || e.code == 1045 || e.code == 1044 || e.code == 2005 {
            throw ConnectError(target: config.displayName, underlying: e.message, usingDSN: server == nil)
        }
        let say = output.diagnostics
        database.connection.onReconnect = { error in
            say("note: the connection to MySQL was lost (\(error.message)); reconnected")
        }
        if let server {
            // Before every reconnect: the server is this home's own (identity checked), started again if it died.
            database.connection.prepareReconnect = {
                guard try server.start() else { return false }
                say("note: the private server had stopped; chatbeto started it again and reconnected")
                return true
            }
        }
        opened = database
        return database
    }

    /// Closes the database; the next use opens it again.
    public func disconnect() { opened = nil }

    private func readerPasswordFile(for config: ConnectionConfig) -> URL {
        options.home.appendingPathComponent("reader-\(String(FNV1a.hash(config.displayName), radix: 36)).secret")
    }

    /// A client with a visible retry countdown on a terminal and the wire trace under `--verbose` (the key masked).
    public func openAIClient() throws -> OpenAIClient {
        guard let config = OpenAIConfig.fromEnvironment(options.environment) else { throw ChatError.noAPIKey }
        return try OpenAIClient(config: config, onRetry: output.retryNotices, trace: output.wireTrace)
    }

    /// Whether `OPENAI_API_KEY` is set.
    public var hasAPIKey: Bool { OpenAIConfig.fromEnvironment(options.environment) != nil }

    /// The API's base URL for `status`, never the key; nil without a key.
    public var apiDescription: String? { OpenAIConfig.fromEnvironment(options.environment).map { "key set, \($0.baseURL)" } }
}
