import ChatBetoSearch
import ChatBetoServer
import ChatBetoStore
import ChatBetoCore
import Foundation

// chatbeto-bench: builds (once) a synthetic store of N messages and M vectors, then times full-text
// and semantic search through ChatBetoCore. Run through scripts/bench-search (release build).

func argument(_ name: String, _ fallback: Int) -> Int {
    let args = CommandLine.arguments
    guard let i = args.firstIndex(of: name), i + 1 < args.count, let v = Int(args[i + 1]) else { return fallback }
    return v
}
func stringArgument(_ name: String) -> String? {
    let args = CommandLine.arguments
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    return args[i + 1]
}
func insertEmbeddings(rows: Int) -> String {
    "INSERT IGNORE INTO message_embeddings (conversation_id, node_id, chunk, model, dimensions, vector) VALUES "
        + Array(repeating: "(?, ?, ?, ?, ?, ?)", count: rows).joined(separator: ", ")
}

func log(_ s: String) { FileHandle.standardError.write(Data((s + "\n").utf8)) }
/// Results go straight to stdout (unbuffered), so nothing is lost if a later step fails.
func report(_ s: String) { FileHandle.standardOutput.write(Data((s + "\n").utf8)) }
func ms(_ seconds: Double) -> String { String(format: "%.1f ms", seconds * 1000) }
func timed<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let value = try body()
    return (value, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}
func summary(_ label: String, _ times: [Double]) -> String {
    let s = times.sorted()
    return "\(label): median \(ms(s[s.count / 2])), p90 \(ms(s[s.count * 9 / 10])), max \(ms(s.last!)) over \(s.count) queries"
}

let messageTarget = argument("--messages", 1_000_000)
let vectorTarget = argument("--vectors", 200_000)
let dimensions = argument("--dimensions", 512)
let queries = argument("--queries", 50)
let perConversation = 20

let config: ConnectionConfig
if let dsn = stringArgument("--dsn") {
    config = try ConnectionConfig.parse(dsn: dsn)
} else {
    let home = URL(fileURLWithPath: stringArgument("--home") ?? NSHomeDirectory() + "/.cache/chatbeto-bench")
    let server = ManagedServer(home: home, database: "chatbeto_bench")
    try server.start(timeout: 60)
    config = try server.connectionConfig()
    log("server: \(home.path)")
}
let db = try Database(config: config, readerPasswordFile: nil)
let connection = db.connection
let vocabulary = Vocabulary()

// MARK: data

var existing = Int(try connection.queryOne(BenchSQL.count)?.int("n") ?? 0)
if existing < messageTarget {
    log("generating \(messageTarget - existing) messages (the full-text index is rebuilt afterwards)…")
    _ = try? connection.execute(BenchSQL.dropTextIndex)
    var projects: [Int64] = []
    for p in 0..<10 { projects.append(Int64(try connection.query(BenchSQL.project, [.text("Bench \(p)")]).lastInsertID)) }
    var rng = SplitMix(state: UInt64(existing) &+ 7)
    let (_, loadTime) = try timed {
        var conversation = existing / perConversation
        let rowsPerStatement = 400
        while existing < messageTarget {
            var convValues: [SQLValue] = [], messageValues: [SQLValue] = []
            var rows = 0
            while rows < rowsPerStatement * 5 && existing + rows < messageTarget {
                let id = String(format: "bench-%07d", conversation)
                let day = 1 + conversation % 900
                let created = String(format: "2023-%02d-%02d 10:00:00", 1 + (day / 28) % 12, 1 + day % 28)
                convValues += [.text(id), .int(projects[conversation % projects.count]), .text(vocabulary.sentence(&rng, words: 4)),
                               .temporal(created), .temporal(created), .int(Int64(perConversation))]
                for m in 0..<perConversation {
                    let length = m % 2 == 0 ? 8 + rng.below(30) : 40 + rng.below(160)
                    messageValues += [.text(id), .text("n\(m)"), m == 0 ? .null : .text("n\(m - 1)"), .int(Int64(m)),
                                      .text(m % 2 == 0 ? "user" : "assistant"), .text(vocabulary.sentence(&rng, words: length)),
                                      .temporal(created)]
                }
                rows += perConversation
                conversation += 1
            }
            try connection.transaction {
                let convRows = convValues.count / 6
                try connection.query(BenchSQL.conversations(convRows), convValues)
                for start in stride(from: 0, to: rows, by: rowsPerStatement) {
                    let n = min(rowsPerStatement, rows - start)
                    try connection.query(BenchSQL.messages(n), Array(messageValues[(start * 7)..<((start + n) * 7)]))
                }
            }
            existing += rows
            if existing % 100_000 == 0 { log("  \(existing) messages") }
        }
    }
    log("inserted in \(String(format: "%.0f", loadTime)) s; building the full-text index…")
    let (_, indexTime) = try timed { try connection.execute(BenchSQL.addTextIndex) }
    log("full-text index built in \(String(format: "%.0f", indexTime)) s")
}

// A FULLTEXT build whose sort files vanish (a shared /tmp being cleaned) leaves an empty index:
// check that a stored message's word is found, and rebuild the index when it is not.
if let sample = try connection.queryOne(BenchSQL.messageText, [.text("bench-0000001"), .text("n1")])?.string("text"),
   let word = QueryTerms(sample).words.first,
   try FullTextSearch(connection: connection).messageHits(QueryTerms(word), filter: SearchFilter(limit: 1)).isEmpty {
    log("the full-text index does not find '\(word)'; rebuilding it…")
    _ = try? connection.execute(BenchSQL.dropTextIndex)
    let (_, indexTime) = try timed { try connection.execute(BenchSQL.addTextIndex) }
    log("full-text index built in \(String(format: "%.0f", indexTime)) s")
}

let model = "bench-random"
var vectors = Int(try connection.queryOne(BenchSQL.vectorCount, [.text(model), .int(Int64(dimensions))])?.int("n") ?? 0)
if vectors < vectorTarget {
    log("storing \(vectorTarget - vectors) random \(dimensions)-dimension vectors…")
    let keys = try connection.query(BenchSQL.messageKeys, [.int(Int64(vectorTarget))]).rows
    var rng = SplitMix(state: 99)
    let batch = 500
    for start in stride(from: vectors, to: min(vectorTarget, keys.count), by: batch) {
        let end = min(start + batch, vectorTarget, keys.count)
        var values: [SQLValue] = []
        for row in keys[start..<end] {
            let v = (0..<dimensions).map { _ in Float(rng.unit() * 2 - 1) }
            values += [row[0], row[1], .int(0), .text(model), .int(Int64(dimensions)), .blob(VectorIndex.encode(v))]
        }
        try connection.transaction { _ = try connection.query(insertEmbeddings(rows: end - start), values) }
        vectors = end
    }
}

// MARK: full-text

report("chatbeto search benchmark: \(existing) messages, \(vectors) vectors of \(dimensions) dimensions, \(ProcessInfo.processInfo.activeProcessorCount) cores")
var rng = SplitMix(state: 2024)
let search = FullTextSearch(connection: connection)
// One to three words taken from a random stored message, as someone remembering a conversation would.
let queryTexts: [String] = try (0..<queries).map { i in
    let conversation = String(format: "bench-%07d", rng.below(existing / perConversation))
    let text = try connection.queryOne(BenchSQL.messageText, [.text(conversation), .text("n\(1 + 2 * rng.below(perConversation / 2))")])?
        .string("text") ?? ""
    var words = QueryTerms(text).words
    var picked: [String] = []
    for _ in 0..<min(1 + i % 3, words.count) { picked.append(words.remove(at: rng.below(words.count))) }
    return picked.joined(separator: " ")
}
_ = try search.search(QueryTerms(queryTexts[0]), filter: SearchFilter(limit: 20))  // warm the cache
var textTimes: [Double] = [], hitCounts: [Int] = []
for q in queryTexts {
    let (hits, t) = try timed { try search.search(QueryTerms(q), filter: SearchFilter(limit: 20)) }
    textTimes.append(t); hitCounts.append(hits.count)
}
report(summary("full-text search (everywhere, top 20)", textTimes) + "; \(hitCounts.filter { $0 > 0 }.count) had hits, \(hitCounts.filter { $0 == 20 }.count) a full page")
for words in 1...3 {
    let times = textTimes.indices.filter { $0 % 3 == words - 1 }.map { textTimes[$0] }
    report(summary("  \(words)-word queries", times))
}
let projectID = try connection.queryOne("SELECT MIN(id) AS id FROM projects")?.int("id")
var projectTimes: [Double] = []
for q in queryTexts {
    projectTimes.append(try timed { try search.search(QueryTerms(q), filter: SearchFilter(projectID: projectID, limit: 20)) }.1)
}
report(summary("full-text search (one project, top 20)", projectTimes))

// MARK: semantic

let index = VectorIndex(model: model, dimensions: dimensions)
try index.refresh(from: connection)
report("vector index first load: \(index.lastLoad.rows) vectors in \(String(format: "%.2f", index.lastLoad.seconds)) s, \(index.count * dimensions * 4 / 1_048_576) MiB")
let semantic = SemanticSearch(connection: connection, index: index)
var nearestTimes: [Double] = [], semanticTimes: [Double] = []
for _ in 0..<queries {
    let q = (0..<dimensions).map { _ in Float(rng.unit() * 2 - 1) }
    nearestTimes.append(timed { index.nearest(to: q, k: 10) }.1)
    semanticTimes.append(try timed { try semantic.search(queryVector: q, filter: SearchFilter(limit: 10)) }.1)
}
report(summary("cosine top-10 scan (SIMD, in memory)", nearestTimes))
report(summary("semantic top-10 with message details (excluding the embeddings call)", semanticTimes))
let (_, refresh) = try timed { try index.refresh(from: connection) }
report("refresh with nothing new: \(ms(refresh))")
