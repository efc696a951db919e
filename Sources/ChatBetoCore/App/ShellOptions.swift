import ChatBetoRender
import ChatBetoServer
import ChatBetoStore
import ChatBetoSupport
import Foundation

/// How the shell was started: from the command line and the environment.
public struct ShellOptions: Sendable {
    /// `$CHATBETO_HOME`, else `$XDG_DATA_HOME/chatbeto`, else `~/.local/share/chatbeto`.
    public var home: URL
    /// `--dsn` or `CHATBETO_DSN`; nil = the private server.
    public var dsn: String?
    /// `--password-file`: a 0600 file holding the DSN's password (a line `password=…`, or the password alone).
    public var passwordFile: String?
    public var format: OutputFormat?
    /// `--yes`: answer confirmations in scripts.
    public var assumeYes = false
    /// `--allow-secrets`: send possible secrets found before seeding or `sync` as they are (otherwise
    /// `--yes` sends placeholders).
    public var allowSecrets = false
    /// `--force`: scripts go on after an error.
    public var force = false
    public var verbose = false
    public var inputIsTerminal: Bool
    public var outputIsTerminal: Bool
    public var environment: [String: String]

    /// Options from the environment (`CHATBETO_HOME`, `CHATBETO_DSN`) and whether stdin and stdout are terminals.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
        home = ShellOptions.defaultHome(environment)
        dsn = environment["CHATBETO_DSN"].flatMap { $0.isEmpty ? nil : $0 }
        inputIsTerminal = Terminal.isTTY(Terminal.standardInput)
        outputIsTerminal = Terminal.isTTY(Terminal.standardOutput)
    }

    /// `CHATBETO_HOME`, else `$XDG_DATA_HOME/chatbeto`, else `~/.local/share/chatbeto`.
    public static func defaultHome(_ env: [String: String]) -> URL {
        if let h = env["CHATBETO_HOME"], !h.isEmpty { return URL(fileURLWithPath: h) }
        if let x = env["XDG_DATA_HOME"], !x.isEmpty { return URL(fileURLWithPath: x).appendingPathComponent("chatbeto") }
        let home = env["HOME"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".local/share/chatbeto")
    }

    /// The connection target: the DSN (its password from the DSN, else `--password-file`, else
    /// `CHATBETO_PASSWORD`) or the private server (whose own config, with root's password, comes from
    /// `ManagedServer.connectionConfig()` once it is started; this one is for display).
    public func connectionTarget() throws -> (config: ConnectionConfig, server: ManagedServer?) {
        if let dsn {
            var config = try ConnectionConfig.parse(dsn: dsn)
            if config.password == nil, let passwordFile { config.password = try ShellOptions.readPasswordFile(passwordFile) }
            if config.password == nil, let pw = environment["CHATBETO_PASSWORD"], !pw.isEmpty { config.password = pw }
            return (config, nil)
        }
        let server = ManagedServer(home: home)
        return (ConnectionConfig(socket: server.socketPath, user: "root", database: server.database), server)
    }

    /// The password in an option file only its owner can read.
    public static func readPasswordFile(_ path: String) throws -> String {
        let url = UserPath.resolve(path)
        let text: String?
        do { text = try OwnerOnly.read(url) } catch { throw ConfigError.passwordFile(path: url.path, reason: String(describing: error)) }
        guard let text else { throw ConfigError.passwordFile(path: url.path, reason: "no such file") }
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        func unquoted(_ s: String) -> String {
            s.count >= 2 && (s.hasPrefix("\"") && s.hasSuffix("\"") || s.hasPrefix("'") && s.hasSuffix("'")) ? String(s.dropFirst().dropLast()) : s
        }
        if let line = lines.first(where: { $0.hasPrefix("password") && $0.contains("=") }) {
            return unquoted(String(line[line.index(after: line.firstIndex(of: "=")!)...]).trimmingCharacters(in: .whitespaces))
        }
        if let line = lines.first(where: { !$0.isEmpty && !$0.hasPrefix("#") && !$0.hasPrefix(";") && !$0.hasPrefix("[") }) {
            return line
        }
        throw ConfigError.passwordFile(path: url.path, reason: "it holds no password (write the password alone, or a line password=…)")
    }
}
