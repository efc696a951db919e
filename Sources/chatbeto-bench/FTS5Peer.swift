import ChatBetoSearch
import Foundation

/// scripts/bench_search_fts5.py, driven over pipes: one JSON request and one JSON reply a line.
final class FTS5Peer {
    let process = Process()
    let input = Pipe(), output = Pipe()
    private var pending = Data()

    init(database: String) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "scripts/bench_search_fts5.py", database]
        process.standardInput = input
        process.standardOutput = output
        try process.run()
    }

    func call(_ request: [String: Any]) throws -> [String: Any] {
        var line = try JSONSerialization.data(withJSONObject: request)
        line.append(0x0A)
        try input.fileHandleForWriting.write(contentsOf: line)
        while true {
            if let newline = pending.firstIndex(of: 0x0A) {
                let reply = pending[pending.startIndex..<newline]
                pending = Data(pending[(newline + 1)...])
                return try JSONSerialization.jsonObject(with: reply) as? [String: Any] ?? [:]
            }
            // availableData returns what the pipe holds; read(upToCount:) would wait for a full buffer.
            let more = output.fileHandleForReading.availableData
            guard !more.isEmpty else {
                throw NSError(domain: "fts5 peer", code: 1, userInfo: [NSLocalizedDescriptionKey: "the FTS5 peer exited"])
            }
            pending.append(more)
        }
    }

    /// FTS5's form of chatbeto's query: every word required (as a phrase of its tokens), the last also
    /// as a prefix from three letters, ranked by bm25.
    static func match(_ terms: QueryTerms) -> String {
        terms.words.enumerated().map { i, w in
            "\"\(w)\"" + (i == terms.words.count - 1 && w.count >= 3 ? "*" : "")
        }.joined(separator: " ")
    }
}
