import ChatBetoStore

/// `server status|start|stop|restart`: the private MariaDB server chatbeto manages (when no DSN is set).
public struct ServerCommand: ShellCommand, Equatable {
    public static let spec = CommandSpec(
        name: "server", usage: "server status|start|stop|restart",
        summary: "Show, start, stop or restart chatbeto's private MariaDB server.",
        details: """
        The private server lives under $CHATBETO_HOME/mysql and listens on a unix socket only, in a
        directory only you can enter; root's password is in $CHATBETO_HOME/mysql/root.cnf (0600).
        It starts by itself when needed; 'server stop' shuts it down (the next command starts it again);
        'server restart' stops and starts it (after changing its my.cnf, say).
        With --dsn / CHATBETO_DSN chatbeto does not manage any server: 'server' says so, and start, stop
        and restart are refused.
        """, category: .shell, usesSession: false)

    /// What `server` does with the private server.
    public enum Action: String, Sendable { case status, start, stop, restart }
    public var action: Action

    /// `server` with these arguments, as its words would parse.
    public init(action: Action) { self.action = action }
    /// Parses the words after `server` (see `spec`).
    public init(arguments: inout Arguments) throws {
        try arguments.requireCount(0...1)
        let word = arguments.positional.first ?? "status"
        guard let a = Action(rawValue: word) else { throw arguments.usageError("unknown action '\(word)'") }
        action = a
    }

    /// Show, start, stop or restart chatbeto's private MariaDB server.
    public func run(in context: CommandContext) throws -> CommandResult {
        let (config, server) = try context.store.connectionTarget()
        guard let server else {
            // Someone else's server: say so, and never report a start or stop that did not happen.
            guard action == .status else { throw ServerCommandError.notManaged(action: action, target: config.displayName) }
            return .message("chatbeto uses the server at \(config.displayName) (from --dsn / CHATBETO_DSN) and does not manage it.")
        }
        switch action {
        case .status:
            let state = server.state()
            let text: String
            switch state {
            case .running(let pid): text = "running" + (pid.map { " (pid \($0))" } ?? "")
            case .stopped: text = "stopped"
            case .notInitialised: text = "not initialised (it is created on first use)"
            case .foreign(let reason): text = "not this home's server: something else answers at the socket (\(reason))"
            case .unsafe(let reason): text = "not usable: \(reason)"
            }
            let rows: [[SQLValue]] = [
                [.text("state"), .text(text)], [.text("socket"), .text(server.socketPath.isEmpty ? "(chosen on first start)" : server.socketPath)],
                [.text("credentials"), .text(server.credentialsFile.path)],
                [.text("data"), .text(server.dataDirectory.path)], [.text("log"), .text(server.errorLog.path)],
            ]
            return .rows(ResultSet(columns: [Column(name: "name", kind: .text), Column(name: "value", kind: .text)], rows: rows), summary: nil)
        case .start:
            let started = try server.start()
            return .message(started ? "Private server started (\(server.socketPath))." : "Private server already running.")
        case .stop:
            context.store.disconnect()
            let stopped = try server.stop()
            return .message(stopped ? "Private server stopped." : "Private server was not running.")
        case .restart:
            context.store.disconnect()
            let wasRunning = try server.stop()
            _ = try server.start()
            return .message((wasRunning ? "Private server restarted" : "Private server was not running; started it") + " (\(server.socketPath)).")
        }
    }
}

/// `server` actions that need a server chatbeto manages.
public enum ServerCommandError: Error, CustomStringConvertible {
    /// `server start|stop|restart` with `--dsn` / `CHATBETO_DSN`: that server is someone else's to manage.
    case notManaged(action: ServerCommand.Action, target: String)
    /// The message the user sees.
    public var description: String {
        switch self {
        case .notManaged(let action, let target):
            let verb = action.rawValue
            return "server \(verb): chatbeto does not manage the server at \(target) (from --dsn / CHATBETO_DSN); \(verb) it where it runs, e.g. 'systemctl \(verb) mariadb'"
        }
    }
}
