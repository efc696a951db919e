import ChatBetoStore
import Foundation

/// Exports for the import tests: the committed samples, and exports generated on demand with the
/// repository's own `scripts/gen_export.py`.
public enum ImportFixtures {
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static func sample(_ name: String) -> URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("exports/\(name)")
    }

    public static let sampleNames = [
        "2015pulsar__chatgpt-conversation-extractor__conversations.json",
        "noo-bass__context-carry__conversations.json",
        "realazthat__chatgpt2graph__conversations.json",
        "sanand0__openai-conversations__india-map-with-khargone.json",
        "sanand0__openai-conversations__seoul-weather-early-october.json",
    ]

    public static func temporaryDirectory(_ label: String = "t") -> URL {
        let url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("chatbeto-import-\(label)-\(UUID().uuidString.prefix(8))")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs the generator; returns the output directory (conversations file(s) and, if asked, `export.zip`).
    public static func generate(conversations: Int, seed: Int = 1, projects: Int = 3, shardSize: Int = 0, utf8: Bool = false,
                         zip: Bool = false) throws -> URL {
        let dir = temporaryDirectory("gen")
        var args = [packageRoot.appendingPathComponent("scripts/gen_export.py").path,
                    "--conversations", "\(conversations)", "--seed", "\(seed)", "--projects", "\(projects)",
                    "--text-scale", "0.2", "--quiet", "--out", dir.appendingPathComponent("conversations.json").path]
        if shardSize > 0 { args += ["--shard-size", "\(shardSize)"] }
        if utf8 { args.append("--utf8") }
        if zip { args += ["--zip", dir.appendingPathComponent("export.zip").path] }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3"] + args
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
        return dir
    }

    /// Conversations of a JSON file as parsed independently of the importer.
    public static func conversations(in file: URL) throws -> [[String: Any]] {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: file))
        if let list = json as? [[String: Any]] { return list }
        if let one = json as? [String: Any], one["mapping"] != nil { return [one] }
        if let keyed = json as? [String: Any] {
            return keyed.keys.sorted().compactMap { key in
                guard var c = keyed[key] as? [String: Any] else { return nil }
                if c["id"] == nil { c["id"] = key }
                return c
            }
        }
        return []
    }

    /// Expected totals of an export, counted from its JSON: conversations, mapping nodes, projects.
    public static func expectedCounts(_ files: [URL]) throws -> (conversations: Int, messages: Int, projects: Int) {
        var conversations = 0, messages = 0
        var projects: Set<String> = []
        for f in files {
            for c in try Self.conversations(in: f) {
                conversations += 1
                messages += (c["mapping"] as? [String: Any])?.count ?? 0
                let gizmo = (c["gizmo_id"] as? String) ?? (c["conversation_template_id"] as? String)
                if let g = gizmo, g.hasPrefix("g-p-") || (c["gizmo_type"] as? String) == "snorlax" { projects.insert(g) }
            }
        }
        return (conversations, messages, projects.count)
    }

    /// Every row of the importer's tables, in key order, to compare database states.
    public static func snapshot(_ c: MySQLConnection) throws -> [String: [[SQLValue]]] {
        var out: [String: [[SQLValue]]] = [:]
        for (table, order) in [("projects", "id"), ("gizmos", "id"), ("conversations", "id"),
                               ("messages", "conversation_id, node_id"), ("assets", "conversation_id, node_id, position")] {
            out[table] = try c.execute("SELECT * FROM \(table) ORDER BY \(order)").rows
        }
        return out
    }

    public static func count(_ c: MySQLConnection, _ sql: String, _ params: [SQLValue] = []) throws -> Int {
        Int(try c.query(sql, params).rows.first?.first?.int64Value ?? -1)
    }
}
