import ChatBetoStore
import ChatBetoSupport
import Foundation

// Over 300 lines on purpose: one server's whole lifecycle (initialise, start or reuse, provision the
// accounts, recognise, stop) reads top to bottom in the order it happens; its error is in ServerError.swift.

/// The private MariaDB server chatbeto runs under `$CHATBETO_HOME` when no DSN is configured:
/// a unix socket in a directory only the owner can enter, no TCP port, data in `$CHATBETO_HOME/mysql`,
/// root with a password kept in a 0600 file, and an identity token that proves a server at the socket
/// is this home's own before chatbeto sends it anything.
public final class ManagedServer: @unchecked Sendable {
    public let home: URL
    public let database: String
    var mysqlDirectory: URL { home.appendingPathComponent("mysql") }
    /// The server's data files.
    public var dataDirectory: URL { mysqlDirectory.appendingPathComponent("data") }
    /// Where the socket and the pid file live.
    public var runDirectory: URL { mysqlDirectory.appendingPathComponent("run") }
    /// The server's configuration file.
    public var defaultsFile: URL { mysqlDirectory.appendingPathComponent("my.cnf") }
    /// The running server's pid file.
    public var pidFile: URL { runDirectory.appendingPathComponent("mariadbd.pid") }
    /// The server's error log, named in start failures.
    public var errorLog: URL { mysqlDirectory.appendingPathComponent("error.log") }
    /// Root's password and the server's identity (0600).
    public var credentialsFile: URL { mysqlDirectory.appendingPathComponent("root.cnf") }
    /// The read-only account's password (0600), kept by the home whatever the socket path.
    public var readerPasswordFile: URL { mysqlDirectory.appendingPathComponent("reader.secret") }
    /// The file lock held around initialising, starting and stopping.
    var lockFile: URL { mysqlDirectory.appendingPathComponent("server.lock") }
    /// For a home too deep for a socket path: which private directory holds the socket.
    var socketDirectoryRecord: URL { mysqlDirectory.appendingPathComponent("socket-directory") }
    /// The server's own temporary directory: files the server keeps by name in a shared /tmp
    /// (on-disk temporary tables, sort files of FULLTEXT index builds) were being removed under it.
    public var temporaryDirectory: URL { mysqlDirectory.appendingPathComponent("tmp") }
    private var preferredSocket: String { runDirectory.appendingPathComponent("mariadbd.sock").path }
    /// Unix socket paths are limited to 107 bytes; deeper homes keep theirs in a private directory elsewhere.
    private var socketFitsInHome: Bool { preferredSocket.utf8.count < 100 }

    /// The private server under this home, serving this database.
    public init(home: URL, database: String = "chatbeto") {
        self.home = home
        self.database = database
    }

    /// Where the socket is, for display (no checks); empty until a deep home's first start chose it.
    public var socketPath: String {
        if socketFitsInHome { return preferredSocket }
        return recordedSocketDirectory().map { $0 + "/mariadbd.sock" } ?? ""
    }

    /// How to connect as root: the checked socket and the password from the home's 0600 file.
    public func connectionConfig() throws -> ConnectionConfig {
        let socket = try checkedSocketPath(create: false)
        guard let credentials = try ServerCredentials.load(credentialsFile) else { throw ServerError.notStarted(home: home.path) }
        return ConnectionConfig(socket: socket, user: "root", password: credentials.password, database: database)
    }

    /// What `server status` reports.
    public enum State: Equatable, Sendable {
        case running(pid: Int32?)
        case stopped
        case notInitialised
        /// Something else answers at the socket.
        case foreign(reason: String)
        /// The socket directory or credentials are not safe to use.
        case unsafe(reason: String)
    }

    /// Whether the server is running, stopped or not set up.
    public func state() -> State {
        guard dataDirectoryIsValid else { return .notInitialised }
        let socket: String
        do { socket = try checkedSocketPath(create: false) } catch ServerError.notStarted { return .stopped } catch {
            return .unsafe(reason: String(describing: error))
        }
        let credentials: ServerCredentials?
        do { credentials = try ServerCredentials.load(credentialsFile) } catch { return .unsafe(reason: String(describing: error)) }
        switch (try? probe(socket: socket, credentials: credentials)) ?? .nobody {
        case .ours, .unprovisioned: return .running(pid: readPID())
        case .foreign(let why): return .foreign(reason: why)
        case .nobody: return .stopped
        }
    }

    /// Ensures this home's server is running and verified; returns true when it had to start it.
    @discardableResult
    public func start(timeout: TimeInterval = 30) throws -> Bool {
        if isVerifiedRunning() { return false }
        try prepareHome()
        return try FileLock(file: lockFile).withLock { try startLocked(timeout: timeout) }
    }

    /// Stops the server (SIGTERM to its pid) and waits for it to exit; false if it was not running.
    @discardableResult
    public func stop(timeout: TimeInterval = 60) throws -> Bool {
        guard FileManager.default.fileExists(atPath: mysqlDirectory.path) else { return false }
        try prepareHome()
        return try FileLock(file: lockFile).withLock {
            guard let pid = readPID(), isOurServer(pid) else {
                clearStaleFiles()
                return false
            }
            try terminate(pid, timeout: timeout)
            return true
        }
    }

    /// SIGTERM and wait for the exit; called with the lock held.
    private func terminate(_ pid: Int32, timeout: TimeInterval) throws {
        kill(pid, SIGTERM)
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if kill(pid, 0) != 0 || isZombie(pid) { return }
            usleep(10_000)
        }
        throw ServerError.didNotStop(pid: pid)
    }

    // MARK: starting

    /// The warm path: no lock, one connect and one query.
    private func isVerifiedRunning() -> Bool {
        guard let socket = try? checkedSocketPath(create: false),
              let credentials = try? ServerCredentials.load(credentialsFile), credentials.provisioned,
              case .ours = (try? probe(socket: socket, credentials: credentials)) ?? .nobody else { return false }
        return true
    }

    private func startLocked(timeout: TimeInterval) throws -> Bool {
        let socket = try checkedSocketPath(create: true)
        var credentials: ServerCredentials
        if let saved = try ServerCredentials.load(credentialsFile) {
            credentials = saved
        } else {
            // Written before root gets this password, so a crash in between never locks chatbeto out.
            credentials = ServerCredentials.generate()
            try credentials.save(credentialsFile)
        }
        if try settle(probe(socket: socket, credentials: credentials), socket: socket, credentials: &credentials) { return false }
        try FileManager.default.createDirectory(at: temporaryDirectory, withIntermediateDirectories: true)
        let settingsChanged = try writeDefaultsFile(socket: socket)
        if !dataDirectoryIsValid { try initialise() }
        if let pid = readPID(), isOurServer(pid) {
            if settingsChanged {
                // Started with other settings (an older chatbeto's socket path, say): it must restart to use these.
                try terminate(pid, timeout: 60)
            } else if try waitForServer(socket: socket, credentials: &credentials, pid: pid, timeout: timeout) {
                // Ours but not answering yet: it was still starting. (Or shutting down: then it is gone now.)
                return true
            }
        }
        clearStaleFiles()
        let logStart = fileSize(errorLog)
        let mariadbd = try Executables.find("mariadbd", alternatives: ["mysqld"])
        try Executables.spawnDetached(mariadbd, ["--defaults-file=\(defaultsFile.path)"], environment: childEnvironment)
        if try waitForServer(socket: socket, credentials: &credentials, pid: nil, timeout: timeout, logStart: logStart) { return true }
        throw ServerError.didNotStart(log: errorLog.path, tail: tail(of: errorLog, from: logStart, lines: 8))
    }

    /// Polls until the server answers (true), or it exited / logged that it aborted / time ran out (false).
    private func waitForServer(socket: String, credentials: inout ServerCredentials, pid: Int32?, timeout: TimeInterval,
                               logStart: Int? = nil) throws -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try settle(probe(socket: socket, credentials: credentials), socket: socket, credentials: &credentials) { return true }
            if let pid, kill(pid, 0) != 0 || isZombie(pid) { return false }
            if pid == nil, let current = readPID(), kill(current, 0) != 0 || isZombie(current) { return false }
            if let logStart, tail(of: errorLog, from: logStart, lines: 200).contains("[ERROR] Aborting") { return false }
            usleep(10_000)
        }
        return false
    }

    /// True when the probe found this home's server (provisioning it first if needed); throws for a foreign one.
    private func settle(_ found: Probe, socket: String, credentials: inout ServerCredentials) throws -> Bool {
        switch found {
        case .ours:
            if !credentials.provisioned {
                credentials.provisioned = true
                try credentials.save(credentialsFile)
            }
            return true
        case .unprovisioned(let connection, let hasPassword):
            try provision(connection, setPassword: !hasPassword, credentials: &credentials)
            return true
        case .foreign(let why): throw ServerError.foreignServer(socket: socket, reason: why)
        case .nobody: return false
        }
    }

    // MARK: recognising the server

    enum Probe {
        case ours
        /// This home's data directory, not yet given root's password and the identity (a new or an old home).
        case unprovisioned(MySQLConnection, hasPassword: Bool)
        case foreign(String)
        case nobody
    }

    /// Who answers at the socket. Only root's login (a challenge, never the password itself) and a
    /// read of the identity row go to the server before it is known to be ours.
    func probe(socket: String, credentials: ServerCredentials?) throws -> Probe {
        guard FileManager.default.fileExists(atPath: socket) else { return .nobody }
        var config = ConnectionConfig(socket: socket, user: "root", password: credentials?.password, database: "")
        do {
            let connection = try MySQLConnection(config: config, connectTimeout: 2)
            do {
                let secret = try connection.queryOne(SQL.PrivateServer.identity)?["secret"].textValue
                if let credentials, secret == credentials.identity { return .ours }
                return .foreign("its data holds another identity than this home's")
            } catch let e as StoreError where e.code == .noSuchTable || e.code == .unknownDatabase {
                // No identity yet is fine only before this home provisioned its server (or made root.cnf at all).
                guard !(credentials?.provisioned ?? false) else { return .foreign("its data holds no chatbeto identity") }
                return try sameDataDirectory(connection) ? .unprovisioned(connection, hasPassword: true)
                    : .foreign("it serves another data directory")
            }
        } catch let e as StoreError where e.isCannotConnect || e.isConnectionLost {
            return .nobody
        } catch let e as StoreError where e.code == .accessDenied {
            guard let credentials, !credentials.provisioned else { return .foreign("it refused this home's root password") }
            // A data directory made by mariadb-install-db (or an older chatbeto): root has no password yet.
            config.password = nil
            guard let connection = try? MySQLConnection(config: config, connectTimeout: 2) else {
                return .foreign("it refused this home's root password")
            }
            return try sameDataDirectory(connection) ? .unprovisioned(connection, hasPassword: false)
                : .foreign("it serves another data directory")
        }
    }

    private func sameDataDirectory(_ connection: MySQLConnection) throws -> Bool {
        let served = try connection.queryOne(SQL.PrivateServer.dataDirectory)?["d"].textValue ?? ""
        func normal(_ p: String) -> String { URL(fileURLWithPath: p).resolvingSymlinksInPath().standardizedFileURL.path }
        return normal(served) == normal(dataDirectory.path)
    }

    /// Gives root this home's password, removes accounts without one, and stores the identity.
    private func provision(_ connection: MySQLConnection, setPassword: Bool, credentials: inout ServerCredentials) throws {
        do {
            if setPassword { try connection.execute(SQL.PrivateServer.setRootPassword(credentials.password)) }
        } catch var e as StoreError {
            e.sql = nil  // it holds the password
            throw ServerError.provisioningFailed(String(describing: e))
        }
        do {
            try connection.execute(SQL.PrivateServer.dropOtherAccounts)
            try connection.execute(SQL.PrivateServer.flushPrivileges)
            try connection.execute(SQL.PrivateServer.createDatabase)
            try connection.execute(SQL.PrivateServer.createIdentity)
            try connection.transaction {
                try connection.execute(SQL.PrivateServer.clearIdentity)
                try connection.query(SQL.PrivateServer.insertIdentity(secret: credentials.identity))
            }
        } catch {
            throw ServerError.provisioningFailed(String(describing: error))
        }
        credentials.provisioned = true
        try credentials.save(credentialsFile)
    }

    // MARK: the home's files

    /// The home and its `mysql` directory exist and are the user's own with mode 0700.
    private func prepareHome() throws {
        try FileManager.default.createDirectory(at: home.deletingLastPathComponent(), withIntermediateDirectories: true)
        try OwnerOnly.directory(home, tighten: true)
        try OwnerOnly.directory(mysqlDirectory, tighten: true)
        try OwnerOnly.directory(runDirectory, tighten: true)
    }

    /// The socket's directory, checked (owner, mode 0700, not a link) before every use; `create` makes it.
    func checkedSocketPath(create: Bool) throws -> String {
        if create { try prepareHome() } else {
            try OwnerOnly.checkDirectory(home.path, tighten: false)
        }
        if socketFitsInHome {
            if create || FileManager.default.fileExists(atPath: runDirectory.path) {
                try OwnerOnly.directory(runDirectory, tighten: true)
            } else {
                throw ServerError.notStarted(home: home.path)
            }
            return preferredSocket
        }
        if let directory = recordedSocketDirectory() {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) || isSymlink(directory) {
                try OwnerOnly.checkDirectory(directory, tighten: false)
                return directory + "/mariadbd.sock"
            }
        }
        guard create else { throw ServerError.notStarted(home: home.path) }
        // Never a predictable name in a shared directory: mkdtemp, 0700, recorded in the home.
        let directory = try OwnerOnly.makeUniqueDirectory(prefix: socketBase() + "/chatbeto-")
        try OwnerOnly.checkDirectory(directory, tighten: false)
        try OwnerOnly.write(directory + "\n", to: socketDirectoryRecord)
        return directory + "/mariadbd.sock"
    }

    private func recordedSocketDirectory() -> String? {
        guard let text = try? OwnerOnly.read(socketDirectoryRecord) else { return nil }
        let path = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return path.hasPrefix("/") ? path : nil
    }

    /// `$XDG_RUNTIME_DIR` when it is ours, private and short enough; else `$TMPDIR`, else /tmp. A shared
    /// directory is fine: the name is unpredictable and the directory made there is ours and 0700.
    private func socketBase() -> String {
        let env = ProcessInfo.processInfo.environment
        if let runtime = env["XDG_RUNTIME_DIR"], runtime.hasPrefix("/"),
           runtime.utf8.count < 70, (try? OwnerOnly.checkDirectory(runtime, tighten: false)) != nil {
            return runtime
        }
        if let tmp = env["TMPDIR"].map({ $0.hasSuffix("/") ? String($0.dropLast()) : $0 }), tmp.hasPrefix("/"), tmp.utf8.count < 70,
           FileManager.default.fileExists(atPath: tmp) {
            return tmp
        }
        return "/tmp"
    }

    private func isSymlink(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK
    }

    var dataDirectoryIsValid: Bool {
        FileManager.default.fileExists(atPath: dataDirectory.appendingPathComponent("mysql").path)
    }

    /// No secrets for the server: not the user's OpenAI key, DSN password or anything else in our environment.
    private var childEnvironment: [String: String] {
        ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/sbin:/usr/bin:/sbin:/bin",
         "HOME": home.path, "LANG": "C", "TMPDIR": temporaryDirectory.path]
    }

    func readPID() -> Int32? {
        guard let text = try? String(contentsOf: pidFile, encoding: .utf8) else { return nil }
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// A live mariadbd started with this home's defaults file (not a reused pid, not another home's server).
    private func isOurServer(_ pid: Int32) -> Bool {
        guard pid > 0, kill(pid, 0) == 0, !isZombie(pid),
              let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
        let words = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        return words.contains("--defaults-file=\(defaultsFile.path)")
    }

    /// A pid file whose process is gone (or is not this home's server), and a socket nobody listens on,
    /// would block the next start or fool the wait for it. Called with the lock held.
    private func clearStaleFiles() {
        if let pid = readPID(), !isOurServer(pid) { try? FileManager.default.removeItem(at: pidFile) }
        if readPID() == nil, let socket = try? checkedSocketPath(create: false), FileManager.default.fileExists(atPath: socket) {
            unlink(socket)
        }
    }

    /// An exited server still waiting for its parent to reap it counts as stopped.
    private func isZombie(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        return stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
    }

    /// mariadb-install-db into a directory of this run, renamed into place only when complete: a data
    /// directory is never half-made, and a failure removes only what this process created.
    private func initialise() throws {
        if FileManager.default.fileExists(atPath: dataDirectory.path) {
            throw ServerError.initialisationFailed("\(dataDirectory.path) exists but holds no MariaDB data directory; move it away and run chatbeto again")
        }
        let staging = mysqlDirectory.appendingPathComponent("data.new-\(getpid())")
        try? FileManager.default.removeItem(at: staging)  // our own pid's leftover: no live process owns it
        try OwnerOnly.directory(staging, tighten: false)
        let installDB = try Executables.find("mariadb-install-db", alternatives: ["mysql_install_db"])
        do {
            try Executables.run(installDB, ["--defaults-file=\(defaultsFile.path)", "--datadir=\(staging.path)",
                                            "--auth-root-authentication-method=normal", "--skip-test-db"],
                                captureOutput: true, environment: childEnvironment)
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw ServerError.initialisationFailed(String(describing: error))
        }
        guard rename(staging.path, dataDirectory.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: staging)
            throw ServerError.initialisationFailed("cannot move the new data directory into place: \(reason)")
        }
    }

    /// Returns true when the file changed.
    @discardableResult
    private func writeDefaultsFile(socket: String) throws -> Bool {
        var lines = [
            "[mariadbd]",
            "datadir=\(dataDirectory.path)",
            "socket=\(socket)",
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
            // Sized for bulk imports: the default 8 MB full-text cache is flushed to the index tables many
            // times per import (80 MB, the maximum, took a load with the index from 7.3 s to 6.4 s).
            "innodb_ft_cache_size=80000000",
        ]
        if getuid() == 0 { lines.append("user=root") }
        let text = lines.joined(separator: "\n") + "\n"
        guard (try? String(contentsOf: defaultsFile, encoding: .utf8)) != text else { return false }
        try OwnerOnly.write(text, to: defaultsFile)
        return true
    }

    private func fileSize(_ url: URL) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    private func tail(of file: URL, from offset: Int = 0, lines: Int) -> String {
        guard let handle = try? FileHandle(forReadingFrom: file) else { return "" }
        defer { try? handle.close() }
        try? handle.seek(toOffset: UInt64(offset))
        let text = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
        return text.split(separator: "\n").suffix(lines).joined(separator: "\n")
    }
}
