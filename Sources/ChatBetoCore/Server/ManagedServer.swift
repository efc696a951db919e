import Foundation

/// The private MariaDB server chatbeto runs under `$CHATBETO_HOME` when no DSN is configured:
/// a unix socket, no TCP port, data in `$CHATBETO_HOME/mysql`.
public final class ManagedServer: @unchecked Sendable {
    public let home: URL
    public var dataDirectory: URL { home.appendingPathComponent("mysql/data") }
    public var runDirectory: URL { home.appendingPathComponent("mysql/run") }
    public var defaultsFile: URL { home.appendingPathComponent("mysql/my.cnf") }
    public var pidFile: URL { runDirectory.appendingPathComponent("mariadbd.pid") }
    public var errorLog: URL { home.appendingPathComponent("mysql/error.log") }
    /// The server's own temporary directory: files the server keeps by name in a shared /tmp
    /// (on-disk temporary tables, sort files of FULLTEXT index builds) were being removed under it.
    public var temporaryDirectory: URL { home.appendingPathComponent("mysql/tmp") }
    /// Unix socket paths are limited to 107 bytes; fall back to /tmp for deep homes.
    public let socketPath: String
    public let database: String

    public init(home: URL, database: String = "chatbeto") {
        self.home = home
        self.database = database
        let preferred = home.appendingPathComponent("mysql/run/mariadbd.sock").path
        if preferred.utf8.count < 100 {
            socketPath = preferred
        } else {
            var hash: UInt64 = 1469598103934665603
            for b in preferred.utf8 { hash = (hash ^ UInt64(b)) &* 1099511628211 }
            socketPath = "/tmp/chatbeto-\(getuid())-\(String(hash, radix: 36)).sock"
        }
    }

    /// The connection settings for this server.
    public var connectionConfig: ConnectionConfig {
        ConnectionConfig(socket: socketPath, user: "root", password: nil, database: database)
    }

    /// What `server status` reports.
    public enum State: Equatable, Sendable {
        case running(pid: Int32?)
        case stopped
        case notInitialised
    }

    public func state() -> State {
        guard FileManager.default.fileExists(atPath: dataDirectory.appendingPathComponent("mysql").path) else { return .notInitialised }
        if answers() { return .running(pid: readPID()) }
        return .stopped
    }

    /// Ensures the server is running and the database exists; returns true when it had to start it.
    @discardableResult
    public func start(timeout: TimeInterval = 30) throws -> Bool {
        if answers() { return false }
        try FileManager.default.createDirectory(at: runDirectory, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: temporaryDirectory, withIntermediateDirectories: true)
        chmod(home.path, 0o700)
        try writeDefaultsFile()
        if !FileManager.default.fileExists(atPath: dataDirectory.appendingPathComponent("mysql").path) {
            try initialise()
        }
        try clearStaleFiles()
        let mariadbd = try Executables.find("mariadbd", alternatives: ["mysqld"])
        try Executables.spawnDetached(mariadbd, ["--defaults-file=\(defaultsFile.path)"])
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if answers() { return true }
            if let pid = readPID(), kill(pid, 0) != 0, errno == ESRCH { break }
            usleep(10_000)
        }
        throw ServerError.didNotStart(log: errorLog.path, tail: tail(of: errorLog, lines: 8))
    }

    /// Stops the server (SIGTERM to its pid) and waits for it to exit; false if it was not running.
    @discardableResult
    public func stop(timeout: TimeInterval = 60) throws -> Bool {
        guard let pid = readPID(), kill(pid, 0) == 0 else {
            try? clearStaleFiles()
            return false
        }
        kill(pid, SIGTERM)
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if kill(pid, 0) != 0 || isZombie(pid) { return true }
            usleep(10_000)
        }
        throw ServerError.didNotStop(pid: pid)
    }

    /// Whether something answers on the socket (a cheap connect, no query).
    func answers() -> Bool {
        guard FileManager.default.fileExists(atPath: socketPath) else { return false }
        var config = connectionConfig
        config.database = ""
        return (try? MySQLConnection(config: config, connectTimeout: 1)) != nil
    }

    func readPID() -> Int32? {
        guard let text = try? String(contentsOf: pidFile, encoding: .utf8) else { return nil }
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// A pid file whose process is gone, or a socket nobody listens on, would block the next start.
    private func clearStaleFiles() throws {
        if let pid = readPID() {
            if kill(pid, 0) == 0, isMariaDB(pid: pid) {
                // Alive but not answering yet: it may still be starting (or shutting down). Leave it be.
                return
            }
            try? FileManager.default.removeItem(at: pidFile)
        }
        if FileManager.default.fileExists(atPath: socketPath) && !answers() {
            try? FileManager.default.removeItem(atPath: socketPath)
        }
    }

    /// An exited server still waiting for its parent to reap it counts as stopped.
    private func isZombie(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        return stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
    }

    private func isMariaDB(pid: Int32) -> Bool {
        guard let cmd = try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8) else { return true }
        return cmd.contains("mariadbd") || cmd.contains("mysqld")
    }

    private func initialise() throws {
        try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
        let installDB = try Executables.find("mariadb-install-db", alternatives: ["mysql_install_db"])
        do {
            try Executables.run(installDB, ["--defaults-file=\(defaultsFile.path)", "--auth-root-authentication-method=normal",
                                            "--skip-test-db"], captureOutput: true)
        } catch {
            // Leave no half-initialised data directory behind: the next start would take it for a good one.
            try? FileManager.default.removeItem(at: dataDirectory)
            throw ServerError.initialisationFailed(String(describing: error))
        }
    }

    private func writeDefaultsFile() throws {
        var lines = [
            "[mariadbd]",
            "datadir=\(dataDirectory.path)",
            "socket=\(socketPath)",
            "pid-file=\(pidFile.path)",
            "log-error=\(errorLog.path)",
            "tmpdir=\(temporaryDirectory.path)",
            "skip-networking",
            "skip-log-bin",
            "skip-name-resolve",
            "character-set-server=utf8mb4",
            "collation-server=utf8mb4_unicode_ci",
            "local_infile=1",
            "max_allowed_packet=256M",
            "innodb_flush_log_at_trx_commit=2",
            "innodb_doublewrite=0",
            "innodb_buffer_pool_size=\(ProcessInfo.processInfo.environment["CHATBETO_SERVER_BUFFER_POOL"] ?? "512M")",
            "innodb_log_file_size=256M",
            "ft_min_word_len=2",
            "innodb_ft_min_token_size=2",
        ]
        if getuid() == 0 { lines.append("user=root") }
        let text = lines.joined(separator: "\n") + "\n"
        if (try? String(contentsOf: defaultsFile, encoding: .utf8)) != text {
            try text.write(to: defaultsFile, atomically: true, encoding: .utf8)
        }
    }

    private func tail(of file: URL, lines: Int) -> String {
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return "" }
        return text.split(separator: "\n").suffix(lines).joined(separator: "\n")
    }
}

/// Errors managing the private server.
public enum ServerError: Error, CustomStringConvertible, Sendable {
    case executableNotFound(String)
    case initialisationFailed(String)
    case didNotStart(log: String, tail: String)
    case didNotStop(pid: Int32)
    case commandFailed(command: String, status: Int32, output: String)

    public var description: String {
        switch self {
        case .executableNotFound(let name):
            return "cannot find '\(name)': install MariaDB with scripts/setup (apt-get install mariadb-server), or point chatbeto at a server with --dsn"
        case .initialisationFailed(let why): return "could not initialise the private MariaDB data directory: \(why)"
        case .didNotStart(let log, let tail):
            return "the private MariaDB server did not start; see \(log)" + (tail.isEmpty ? "" : ":\n" + tail)
        case .didNotStop(let pid): return "the private MariaDB server (pid \(pid)) did not stop in time"
        case .commandFailed(let command, let status, let output):
            return "\(command) failed with status \(status)" + (output.isEmpty ? "" : ":\n" + output)
        }
    }
}
