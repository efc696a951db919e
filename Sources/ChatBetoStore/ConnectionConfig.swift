import Foundation

/// Where and how to reach a MySQL-compatible server.
public struct ConnectionConfig: Sendable, Equatable {
    public var host: String?
    public var port: UInt32
    public var socket: String?
    public var user: String
    public var password: String?
    public var database: String

    /// A server to connect to: TCP host and port, or a unix socket.
    public init(host: String? = nil, port: UInt32 = 3306, socket: String? = nil, user: String = "root",
                password: String? = nil, database: String = "chatbeto") {
        self.host = host; self.port = port; self.socket = socket; self.user = user
        self.password = password; self.database = database
    }

    /// Parses `mysql://user:pass@host:port/db` and `mysql://user@localhost/db?socket=/path`.
    public static func parse(dsn: String) throws -> ConnectionConfig {
        guard let url = URLComponents(string: dsn), let scheme = url.scheme?.lowercased(),
              ["mysql", "mariadb"].contains(scheme) else {
            throw ConfigError.invalidDSN(dsn: redacted(dsn), reason: "expected mysql://user:password@host:port/database")
        }
        var config = ConnectionConfig()
        config.user = url.percentEncodedUser.flatMap { $0.removingPercentEncoding } ?? "root"
        config.password = url.percentEncodedPassword.flatMap { $0.removingPercentEncoding }
        if let host = url.host, !host.isEmpty { config.host = host }
        if let port = url.port {
            guard (1...65535).contains(port) else { throw ConfigError.invalidDSN(dsn: redacted(dsn), reason: "port \(port) out of range") }
            config.port = UInt32(port)
        }
        let db = url.path.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        if !db.isEmpty { config.database = db }
        for item in url.queryItems ?? [] {
            switch item.name {
            case "socket": config.socket = item.value
            default: throw ConfigError.invalidDSN(dsn: redacted(dsn), reason: "unknown option '\(item.name)' (known: socket)")
            }
        }
        if config.host == nil && config.socket == nil { config.host = "127.0.0.1" }
        return config
    }

    /// The DSN with any password replaced by `***`, safe to print.
    public static func redacted(_ dsn: String) -> String {
        guard var url = URLComponents(string: dsn), url.password != nil else { return dsn }
        url.password = "***"
        return url.string ?? dsn
    }

    /// A printable description of the target, without the password.
    public var displayName: String {
        if let socket { return "\(user)@localhost/\(database) via \(socket)" }
        return "\(user)@\(host ?? "127.0.0.1"):\(port)/\(database)"
    }
}

/// Errors in the configuration the user gave.
public enum ConfigError: Error, CustomStringConvertible, Sendable {
    case invalidDSN(dsn: String, reason: String)
    case invalidValue(name: String, value: String, expected: String)
    case passwordFile(path: String, reason: String)

    /// The target as the user would write it, without the password.
    public var description: String {
        switch self {
        case .invalidDSN(let dsn, let reason): return "invalid DSN '\(dsn)': \(reason)"
        case .invalidValue(let name, let value, let expected): return "invalid value '\(value)' for \(name): expected \(expected)"
        case .passwordFile(let path, let reason): return "cannot use the password file \(path): \(reason)"
        }
    }
}
