import ChatBetoServer
import ChatBetoStore
import Foundation

/// One private MariaDB for the whole test process, started on first use and stopped at exit.
/// Each test gets its own database in it. `CHATBETO_TEST_DSN` points the tests at another server instead.
public enum TestServer {
    nonisolated(unsafe) private static var server: ManagedServer?
    private static let lock = NSLock()

    public static let baseConfig: ConnectionConfig = {
        lock.lock(); defer { lock.unlock() }
        if let dsn = ProcessInfo.processInfo.environment["CHATBETO_TEST_DSN"] {
            return try! ConnectionConfig.parse(dsn: dsn)
        }
        let home = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("chatbeto-test-\(getpid())")
        setenv("CHATBETO_SERVER_BUFFER_POOL", "128M", 1)
        let s = ManagedServer(home: home)
        do { try s.start() } catch { fatalError("test MariaDB did not start: \(error)") }
        server = s
        atexit {
            try? FileManager.default.removeItem(at: URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("chatbeto-reader-\(getpid())"))
            _ = try? TestServer.server?.stop()
            if let home = TestServer.server?.home { try? FileManager.default.removeItem(at: home) }
        }
        let config = try! s.connectionConfig()
        // Root has a password: children given a socket DSN without one (`Binary.freshDSN`) take it from here.
        setenv("CHATBETO_PASSWORD", config.password ?? "", 1)
        return config
    }()

    /// The managed server's home, when the tests run their own.
    public static var home: URL? { _ = baseConfig; return server?.home }

    /// A fresh, migrated database for one test.
    public static func freshDatabase(_ label: String = #function) throws -> Database {
        var config = baseConfig
        config.database = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        let passwordFile = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("chatbeto-reader-\(getpid())")
        return try Database(config: config, readerPasswordFile: passwordFile)
    }
}
