import Foundation

/// Finding and running helper programs (mariadbd, setsid, the pager).
public enum Executables {
    /// Directories searched after $PATH.
    public static let searchPath = ["/usr/sbin", "/usr/local/sbin", "/sbin", "/usr/bin", "/bin", "/usr/local/bin"]

    /// The full path of `name` (or the first of `alternatives` found).
    public static func find(_ name: String, alternatives: [String] = []) throws -> String {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        for candidate in [name] + alternatives {
            for dir in path + searchPath {
                let full = dir + "/" + candidate
                if FileManager.default.isExecutableFile(atPath: full) { return full }
            }
        }
        throw ExecutableError.notFound(name)
    }

    /// Starts a daemon in a new session (so the shell's Ctrl-C never reaches it), stdio on /dev/null.
    /// `setsid --fork` makes it a grandchild: it is never our zombie, whoever stops it.
    /// `environment` replaces ours entirely (a server must not inherit the user's secrets).
    public static func spawnDetached(_ executable: String, _ arguments: [String], environment: [String: String]) throws {
        if let setsid = try? find("setsid") {
            let pid = try spawn(setsid, ["--fork", executable] + arguments, environment: environment)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            return
        }
        _ = try spawn(executable, arguments, environment: environment)
    }

    private static func spawn(_ executable: String, _ arguments: [String], environment: [String: String]) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd in 0...2 {
            posix_spawn_file_actions_addopen(&actions, Int32(fd), "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        // The server must not hold any descriptor of ours (a caller's pipe would never see EOF).
        let maxFD = min(Int32(sysconf(Int32(_SC_OPEN_MAX))), 4096)
        for fd in Int32(3)..<max(maxFD, 3) where fcntl(fd, F_GETFD) != -1 {
            posix_spawn_file_actions_addclose(&actions, fd)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        let POSIX_SPAWN_SETSID: Int16 = 0x80  // glibc >= 2.26; not imported as a Swift constant
        posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSID)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard rc == 0 else {
            throw ExecutableError.failed(command: (executable as NSString).lastPathComponent, status: rc,
                                            output: String(cString: strerror(rc)))
        }
        return pid
    }

    /// Runs a program to completion with no terminal attached; throws with its output on failure.
    @discardableResult
    public static func run(_ executable: String, _ arguments: [String], captureOutput: Bool = false,
                    environment: [String: String]? = nil) throws -> String {
        let process = Process()
        if let environment { process.environment = environment }
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        let pipe = Pipe()
        if captureOutput {
            process.standardOutput = pipe
            process.standardError = pipe
        } else {
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        let data = captureOutput ? pipe.fileHandleForReading.readDataToEndOfFile() : Data()
        process.waitUntilExit()
        let output = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw ExecutableError.failed(command: (executable as NSString).lastPathComponent,
                                            status: process.terminationStatus, output: output)
        }
        return output
    }
}

/// A helper program that could not be found or failed.
enum ExecutableError: Error, CustomStringConvertible, Sendable {
    case notFound(String)
    case failed(command: String, status: Int32, output: String)

    /// The message the user sees.
    public var description: String {
        switch self {
        case .notFound(let name):
            return "cannot find '\(name)': install MariaDB with scripts/setup (apt-get install mariadb-server), or point chatbeto at a server with --dsn"
        case .failed(let command, let status, let output):
            return "\(command) failed with status \(status)" + (output.isEmpty ? "" : ":\n" + output)
        }
    }
}
