import ChatBetoRender
import ChatBetoStore
import Foundation

/// The shell's settings (`set NAME VALUE`), persisted with the session. Never holds secrets.
public struct Settings: Sendable, Equatable, Codable {
    public var format: OutputFormat = .table
    public var pager: Bool = true
    /// Whether `show` and chat replies draw Markdown for the terminal (off: the stored text as it is).
    public var render: Bool = true
    public var model: String = "gpt-5-mini"
    /// Whether user SQL runs as the superuser. For this process only: never encoded or decoded, so a
    /// saved session (even one an older version saved with `sqlWrite: true`) never turns it on.
    public var sqlWrite: Bool = false
    /// The read-only account's statement time limit in seconds (0 = none) and lock wait in seconds.
    public var sqlTimeLimit: Int = Database.ReaderLimits().statementSeconds
    public var sqlLockWait: Int = Database.ReaderLimits().lockWaitSeconds
    /// Seed only the last N turns of long threads; nil = all.
    public var seedTurns: Int?
    public var embeddingModel: String = "text-embedding-3-small"
    public var embeddingDimensions: Int = 512

    /// The defaults `set` shows before any change.
    public init() {}

    /// What a saved session holds: every setting but `sqlWrite`.
    private enum CodingKeys: String, CodingKey {
        case format, pager, render, model, seedTurns, embeddingModel, embeddingDimensions, sqlTimeLimit, sqlLockWait
    }

    /// Reads a saved session's settings; a key missing (saved by another version) keeps its default.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = Settings()
        format = (try? c.decodeIfPresent(OutputFormat.self, forKey: .format)) ?? d.format
        pager = (try? c.decodeIfPresent(Bool.self, forKey: .pager)) ?? d.pager
        render = (try? c.decodeIfPresent(Bool.self, forKey: .render)) ?? d.render
        model = (try? c.decodeIfPresent(String.self, forKey: .model)) ?? d.model
        seedTurns = (try? c.decodeIfPresent(Int.self, forKey: .seedTurns)) ?? d.seedTurns
        embeddingModel = (try? c.decodeIfPresent(String.self, forKey: .embeddingModel)) ?? d.embeddingModel
        embeddingDimensions = (try? c.decodeIfPresent(Int.self, forKey: .embeddingDimensions)) ?? d.embeddingDimensions
        sqlTimeLimit = (try? c.decodeIfPresent(Int.self, forKey: .sqlTimeLimit)) ?? d.sqlTimeLimit
        sqlLockWait = (try? c.decodeIfPresent(Int.self, forKey: .sqlLockWait)) ?? d.sqlLockWait
    }

    /// Name, current value and meaning of each setting, for `set` without arguments.
    public static let descriptions: [(name: String, help: String)] = [
        ("format", "output format: table, vertical, csv, tsv, json, markdown"),
        ("pager", "send long output through $PAGER on a terminal: on, off"),
        ("render", "draw conversations and chat replies as Markdown for the terminal: on, off"),
        ("model", "model for chat turns (also CHATBETO_MODEL)"),
        ("sql-write", "allow SQL that changes data or schema, for this shell only (prompt shows rw): on, off"),
        ("sql-time-limit", "read-only SQL stops after this many seconds: N, or 0 for no limit"),
        ("sql-lock-wait", "read-only SQL waits at most this many seconds for a lock: N ≥ 1"),
        ("seed-turns", "when seeding a server conversation, send only the last N turns: N or all"),
        ("embedding-model", "model for semantic search embeddings"),
        ("embedding-dimensions", "dimensions of the embeddings"),
    ]

    /// A setting's value as `set` prints it, or nil for an unknown name.
    public func value(of name: String) -> String? {
        switch name {
        case "format": return format.rawValue
        case "pager": return pager ? "on" : "off"
        case "render": return render ? "on" : "off"
        case "model": return model
        case "sql-write": return sqlWrite ? "on" : "off"
        case "sql-time-limit": return String(sqlTimeLimit)
        case "sql-lock-wait": return String(sqlLockWait)
        case "seed-turns": return seedTurns.map(String.init) ?? "all"
        case "embedding-model": return embeddingModel
        case "embedding-dimensions": return String(embeddingDimensions)
        default: return nil
        }
    }

    /// Applies `set name value`; throws naming the valid values.
    public mutating func set(_ name: String, _ value: String) throws {
        func bool() throws -> Bool {
            switch value.lowercased() {
            case "on", "true", "1", "yes": return true
            case "off", "false", "0", "no": return false
            default: throw ConfigError.invalidValue(name: name, value: value, expected: "on or off")
            }
        }
        switch name {
        case "format": format = try OutputFormat.parse(value)
        case "pager": pager = try bool()
        case "render": render = try bool()
        case "model":
            guard !value.isEmpty, !value.contains(" ") else { throw ConfigError.invalidValue(name: name, value: value, expected: "a model id such as gpt-5-mini") }
            model = value
        case "sql-write", "sql_write": sqlWrite = try bool()
        case "sql-time-limit", "sql_time_limit":
            guard let n = Int(value), (0...31_536_000).contains(n) else { throw ConfigError.invalidValue(name: name, value: value, expected: "seconds, 0 for no limit") }
            sqlTimeLimit = n
        case "sql-lock-wait", "sql_lock_wait":
            guard let n = Int(value), (1...31_536_000).contains(n) else { throw ConfigError.invalidValue(name: name, value: value, expected: "seconds ≥ 1") }
            sqlLockWait = n
        case "seed-turns", "seed_turns":
            if value.lowercased() == "all" { seedTurns = nil; return }
            guard let n = Int(value), n > 0 else { throw ConfigError.invalidValue(name: name, value: value, expected: "a number ≥ 1 or 'all'") }
            seedTurns = n
        case "embedding-model": embeddingModel = value
        case "embedding-dimensions":
            guard let n = Int(value), (1...3072).contains(n) else { throw ConfigError.invalidValue(name: name, value: value, expected: "a number of dimensions 1…3072") }
            embeddingDimensions = n
        default:
            throw ConfigError.invalidValue(name: "set", value: name,
                                           expected: "one of " + Settings.descriptions.map(\.name).joined(separator: ", "))
        }
    }

    func encoded() -> String {
        (try? String(decoding: JSONEncoder().encode(self), as: UTF8.self)) ?? "{}"
    }

    static func decoded(_ text: String?) -> Settings? {
        guard let text, let data = text.data(using: .utf8) else { return nil }
        return try? JSONDecoder().decode(Settings.self, from: data)
    }
}

extension OutputFormat: Codable {}
