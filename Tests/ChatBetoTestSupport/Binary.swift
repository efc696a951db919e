import ChatBetoStore
import Foundation

/// Runs the built `chatbeto` binary the way a user does, against the test server.
public enum Binary {
    public static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// `CHATBETO_BIN`, else the debug build next to the tests.
    public static var path: String {
        if let p = ProcessInfo.processInfo.environment["CHATBETO_BIN"] { return p }
        return packageRoot.appendingPathComponent(".build/debug/chatbeto").path
    }

    public struct Result {
        public var stdout: String
        public var stderr: String
        public var status: Int32
    }

    /// A DSN for a fresh, migrated database on the test server, holding what `load` writes into it.
    public static func freshDSN(loading load: (Database) throws -> Void = { _ in }) throws -> String {
        let db = try TestServer.freshDatabase()
        try load(db)
        let c = db.connection.config
        if let socket = c.socket { return "mysql://\(c.user)@localhost/\(c.database)?socket=\(socket)" }
        return "mysql://\(c.user)\(c.password.map { ":" + $0 } ?? "")@\(c.host ?? "127.0.0.1"):\(c.port)/\(c.database)"
    }

    /// The connection a test DSN names, with the test server's root password when the DSN has none
    /// (socket DSNs leave it out: the binary takes it from CHATBETO_PASSWORD, which TestServer sets).
    public static func config(dsn: String) throws -> ConnectionConfig {
        var config = try ConnectionConfig.parse(dsn: dsn)
        if config.password == nil, config.socket != nil, config.socket == TestServer.baseConfig.socket {
            config.password = TestServer.baseConfig.password
        }
        return config
    }

    /// A connection to the database a test DSN names (to look at what the binary wrote).
    public static func connection(dsn: String) throws -> MySQLConnection {
        let connection = try MySQLConnection(config: try config(dsn: dsn))
        try connection.useDatabase(create: false)
        return connection
    }

    /// Runs chatbeto with arguments and optional stdin; HOME and CHATBETO_HOME point at a temp dir.
    public static func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
                    home: URL? = nil) throws -> Result {
        var env = ProcessInfo.processInfo.environment
        let h = home ?? FileManager.default.temporaryDirectory.appendingPathComponent("cb-home-\(UUID().uuidString.prefix(8))")
        env["CHATBETO_HOME"] = h.path
        env["NO_COLOR"] = "1"
        env.removeValue(forKey: "CHATBETO_DSN")
        env.removeValue(forKey: "OPENAI_API_KEY")
        for (k, v) in environment { env[k] = v }
        let r = try ChildProcess.run(path, arguments, environment: env, stdin: Data((stdin ?? "").utf8))
        if home == nil { try? FileManager.default.removeItem(at: h) }  // a home made for this run only
        return Result(stdout: String(decoding: r.stdout, as: UTF8.self), stderr: String(decoding: r.stderr, as: UTF8.self),
                      status: r.status)
    }
}
