import Foundation

/// How the shell was started: from the command line and the environment.
public struct ShellOptions: Sendable {
    /// `$CHATBETO_HOME`, else `$XDG_DATA_HOME/chatbeto`, else `~/.local/share/chatbeto`.
    public var home: URL
    /// `--dsn` or `CHATBETO_DSN`; nil = the private server.
    public var dsn: String?
    public var format: OutputFormat?
    /// `--yes`: answer confirmations in scripts.
    public var assumeYes = false
    /// `--force`: scripts go on after an error.
    public var force = false
    public var verbose = false
    public var inputIsTerminal: Bool
    public var outputIsTerminal: Bool
    public var environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
        home = ShellOptions.defaultHome(environment)
        dsn = environment["CHATBETO_DSN"].flatMap { $0.isEmpty ? nil : $0 }
        inputIsTerminal = Terminal.isTTY(Terminal.standardInput)
        outputIsTerminal = Terminal.isTTY(Terminal.standardOutput)
    }

    public static func defaultHome(_ env: [String: String]) -> URL {
        if let h = env["CHATBETO_HOME"], !h.isEmpty { return URL(fileURLWithPath: h) }
        if let x = env["XDG_DATA_HOME"], !x.isEmpty { return URL(fileURLWithPath: x).appendingPathComponent("chatbeto") }
        let home = env["HOME"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".local/share/chatbeto")
    }

    /// The connection target: the DSN (password also from `CHATBETO_PASSWORD`) or the private server.
    public func connectionTarget() throws -> (config: ConnectionConfig, server: ManagedServer?) {
        if let dsn {
            var config = try ConnectionConfig.parse(dsn: dsn)
            if config.password == nil, let pw = environment["CHATBETO_PASSWORD"], !pw.isEmpty { config.password = pw }
            return (config, nil)
        }
        let server = ManagedServer(home: home)
        return (server.connectionConfig, server)
    }
}
