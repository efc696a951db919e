import ChatBetoSearch
import ChatBetoServer
import ChatBetoStore
import Foundation

// chatbeto-bench: builds (once) a synthetic store of N messages and M vectors, then times full-text
// and semantic search through ChatBetoCore. Run through scripts/bench-search (release build).

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
let benchHome = URL(fileURLWithPath: stringArgument("--home") ?? NSHomeDirectory() + "/.cache/chatbeto-bench")
let model = "bench-random"

// A child process for one semantic query in a new process: `--first-query file|table` maps (or builds)
// the vector file, or reads every vector from the table as before, then answers one query and prints
// `seconds-to-answer refresh-seconds rows-read peak-rss-bytes action`.
if let how = stringArgument("--first-query") {
    let started = DispatchTime.now().uptimeNanoseconds
    let index = VectorIndex(model: model, dimensions: dimensions,
                            file: how == "file" ? VectorIndex.fileURL(home: benchHome, server: config.displayName, model: model, dimensions: dimensions) : nil)
    try index.refresh(from: connection)
    var rng = SplitMix(state: 7)
    let q = (0..<dimensions).map { _ in Float(rng.unit() * 2 - 1) }
    let hits = try SemanticSearch(connection: connection, index: index).search(queryVector: q, filter: SearchFilter(limit: 10))
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
    let action: String
    switch index.lastFileAction {
    case .none: action = "table"
    case .mapped: action = "mapped"
    case .extended(let rows): action = "extended(\(rows))"
    case .rebuilt(let reason): action = "rebuilt(\(reason.replacingOccurrences(of: " ", with: "_")))"
    }
    print(seconds, index.lastLoad.seconds, index.lastLoad.rows, peakRSS(), action, hits.first?.nodeID ?? "-", hits.first?.conversationID ?? "-")
    exit(0)
}

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

let fts5Path = benchHome.appendingPathComponent("fts5-\(existing).sqlite").path
let fts5 = try FTS5Peer(database: fts5Path)
let visible = Int(try connection.queryOne("SELECT COUNT(*) AS n FROM messages WHERE is_hidden = 0 AND text IS NOT NULL")?.int("n") ?? 0)
if (try fts5.call(["op": "count"])["count"] as? Int) != visible {
    log("building the FTS5 peer's table (\(visible) messages) at \(fts5Path)…")
    let (_, buildTime) = try timed {
        _ = try fts5.call(["op": "reset"])
        var after = ""
        while true {
            let ids = try connection.query(BenchSQL.conversationPage, [.text(after), .int(2000)]).rows.compactMap { $0[0].textValue }
            guard let first = ids.first, let last = ids.last else { break }
            let rows = try connection.query(BenchSQL.messagePage, [.text(first), .text(last)]).rows
                .map { [$0[0].textValue ?? "", $0[1].textValue ?? "", $0[2].textValue ?? ""] }
            _ = try fts5.call(["op": "load", "rows": rows])
            after = last
        }
        _ = try fts5.call(["op": "commit"])
    }
    log("FTS5 table built in \(String(format: "%.0f", buildTime)) s")
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

/// chatbeto's search as it was before (same title query and fusion, the old message statements).
@MainActor func baselineSearch(_ terms: QueryTerms, filter: SearchFilter) throws -> [SearchHit] {
    let oneWord = terms.words.count == 1
    let q = oneWord ? terms.words[0] : terms.booleanQuery
    let rs = try connection.query(oneWord ? BenchSQL.baselineMessagesOneWord : BenchSQL.baselineMessages, [
        .text(q), .text(q), .int(filter.projectID == nil ? 0 : 1), filter.projectID.map { .int($0) } ?? .null,
        .optional(filter.since), .optional(filter.since), .optional(filter.role), .optional(filter.role), .int(Int64(filter.limit)),
    ])
    var messages = rs.records.map { SearchHit($0, score: $0["score"].doubleValue ?? 0) }
    if oneWord { messages = messages.enumerated().sorted { ($0.element.score, -$0.offset) > ($1.element.score, -$1.offset) }.map(\.element) }
    let titles = try search.titleHits(terms, filter: filter)
    return titles.isEmpty ? messages : HybridRanker.fuse([messages, titles], limit: filter.limit)
}

/// Whether a message hit holds every word of the query as a token (the last one also as a prefix),
/// compared without case and accents, as both indexes do.
func holdsEveryWord(_ hit: SearchHit, _ terms: QueryTerms) -> Bool {
    let tokens = Set(QueryTerms.tokens(hit.text).map(QueryTerms.folded))
    return terms.words.enumerated().allSatisfy { i, w in
        let f = QueryTerms.folded(w)
        if tokens.contains(f) { return true }
        return i == terms.words.count - 1 && w.count >= 3 && tokens.contains { $0.hasPrefix(f) }
    }
}

struct Timing { var before = 0.0, after = 0.0, fts5 = 0.0 }
var timings: [Timing] = [], overlaps: [Double] = [], overlaps20: [Double] = [], asGood: [Double] = [], complete = (before: 0, after: 0, total: 0), fullPages = (before: 0, after: 0, fts5: 0)
let everywhere = SearchFilter(limit: 20)
for q in queryTexts.prefix(3) {  // warm the caches of both engines
    _ = try baselineSearch(QueryTerms(q), filter: everywhere); _ = try search.search(QueryTerms(q), filter: everywhere)
    _ = try fts5.call(["op": "query", "match": FTS5Peer.match(QueryTerms(q)), "limit": 20])
}
for (i, q) in queryTexts.enumerated() {
    let terms = QueryTerms(q)
    var t = Timing()
    var before: [SearchHit] = [], after: [SearchHit] = [], fts5Hits = 0
    // Rotate the order so neither engine always runs first (on a cache warmed by the other).
    for step in 0..<3 {
        switch (i + step) % 3 {
        case 0: (before, t.before) = try timed { try baselineSearch(terms, filter: everywhere) }
        case 1: (after, t.after) = try timed { try search.search(terms, filter: everywhere) }
        default:
            let reply = try fts5.call(["op": "query", "match": FTS5Peer.match(terms), "limit": 20])
            t.fts5 = reply["seconds"] as? Double ?? 0
            fts5Hits = (reply["hits"] as? [Any])?.count ?? 0
        }
    }
    timings.append(t)
    let top = Set(before.prefix(10).map(\.key))
    overlaps.append(top.isEmpty ? 1 : Double(Set(after.prefix(10).map(\.key)).intersection(top).count) / Double(top.count))
    let top20 = Set(before.map(\.key))
    overlaps20.append(top20.isEmpty ? 1 : Double(Set(after.map(\.key)).intersection(top20).count) / Double(top20.count))
    // Ties make the overlap understate agreement: score today's top 10 as before and count those
    // scoring at least as high as before's 10th.
    let oldTop = before.filter { $0.nodeID != nil }.prefix(10), newTop = after.filter { $0.nodeID != nil }.prefix(10)
    if let floor = oldTop.map(\.score).min(), !newTop.isEmpty {
        let oneWord = terms.words.count == 1
        let rs = try connection.query(BenchSQL.rescore(count: newTop.count, naturalLanguage: oneWord),
                                      [.text(oneWord ? terms.words[0] : terms.booleanQuery)] + newTop.flatMap { [SQLValue.text($0.conversationID), .text($0.nodeID!)] })
        let good = rs.records.filter { ($0["score"].doubleValue ?? 0) >= floor - 1e-6 }.count
        asGood.append(Double(good) / Double(newTop.count))
    }
    if CommandLine.arguments.contains("--verbose") {
        log(String(format: "  %-40@ before %6.1f  now %6.1f  fts5 %6.1f ms  top-10 overlap %3.0f %%  hits %d/%d",
                   "'\(q)'" as NSString, t.before * 1000, t.after * 1000, t.fts5 * 1000, overlaps.last! * 100, before.count, after.count))
    }
    for hit in before where hit.nodeID != nil { complete.total += 1; if holdsEveryWord(hit, terms) { complete.before += 1 } }
    for hit in after where hit.nodeID != nil { if holdsEveryWord(hit, terms) { complete.after += 1 } }
    let afterMessages = after.filter { $0.nodeID != nil }.count
    if before.count == 20 { fullPages.before += 1 }
    if after.count == 20 { fullPages.after += 1 }
    if fts5Hits == 20 { fullPages.fts5 += 1 }
    if afterMessages > 0 && after.filter({ $0.nodeID != nil && !holdsEveryWord($0, terms) }).count > 0 {
        log("  note: '\(q)' returned messages without every word")
    }
}

func stats(_ times: [Double]) -> String {
    let s = times.sorted()
    return String(format: "%7.1f %7.1f %7.1f", s[s.count / 2] * 1000, s[s.count * 9 / 10] * 1000, s.last! * 1000)
}
report("full-text search, everywhere, top 20, \(queries) queries of 1-3 words from stored messages, run interleaved (ms):")
report("                 chatbeto before         chatbeto now            SQLite FTS5")
report("                 median   p90     max    median   p90     max    median   p90     max")
func row(_ label: String, _ picked: [Timing]) {
    report(label.padding(toLength: 16, withPad: " ", startingAt: 0) + " " + stats(picked.map(\.before)) + " " + stats(picked.map(\.after))
           + " " + stats(picked.map(\.fts5)))
}
row("all", timings)
for words in 1...3 { row("  \(words) word\(words == 1 ? "" : "s")", timings.indices.filter { $0 % 3 == words - 1 }.map { timings[$0] }) }
report(String(format: "relevance: today's top-10 messages scoring, as before, at least before's 10th: %.1f %% (mean over %d queries)",
              asGood.reduce(0, +) / Double(max(asGood.count, 1)) * 100, asGood.count))
report(String(format: "relevance: top-20 overlap with before %.1f %% (mean)", overlaps20.reduce(0, +) / Double(overlaps20.count) * 100))
report(String(format: "relevance: top-10 overlap with before %.1f %% (mean); message hits holding every word: before %d/%d, now %d; full pages of 20: before %d, now %d, FTS5 %d",
              overlaps.reduce(0, +) / Double(overlaps.count) * 100, complete.before, complete.total, complete.after,
              fullPages.before, fullPages.after, fullPages.fts5))
let projectID = try connection.queryOne(BenchSQL.firstProject)?.int("id")
var projectTimes: [Double] = [], projectBefore: [Double] = []
for q in queryTexts {
    projectBefore.append(try timed { try baselineSearch(QueryTerms(q), filter: SearchFilter(projectID: projectID, limit: 20)) }.1)
    projectTimes.append(try timed { try search.search(QueryTerms(q), filter: SearchFilter(projectID: projectID, limit: 20)) }.1)
}
report("one project, top 20: before " + stats(projectBefore) + ", now " + stats(projectTimes) + " (median p90 max, ms)")

// MARK: semantic

if CommandLine.arguments.contains("--skip-semantic") { exit(0) }
/// Runs this benchmark again as a new process for one semantic query.
@MainActor func firstQuery(_ how: String) throws -> String {
    let child = Process(), out = Pipe()
    child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    child.arguments = ["--first-query", how, "--dimensions", String(dimensions), "--home", benchHome.path]
        + (stringArgument("--dsn").map { ["--dsn", $0] } ?? [])
    child.standardOutput = out
    try child.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    child.waitUntilExit()
    let f = String(decoding: data, as: UTF8.self).split(separator: " ").map(String.init)
    guard f.count >= 5, let total = Double(f[0]), let refresh = Double(f[1]), let rss = Int(f[3]) else { return "failed: \(f)" }
    return String(format: "%.0f ms to the first answer (refresh %.0f ms, %@ rows read, %@), peak RSS %d MiB",
                  total * 1000, refresh * 1000, f[2], f[4], rss / 1_048_576)
}
let vectorMiB = vectors * dimensions * 4 / 1_048_576
report("semantic, first query of a new process, \(vectors) vectors x \(dimensions) = \(vectorMiB) MiB:")
report("  before (every vector read from the table): " + (try firstQuery("table")))
let vectorFile = VectorIndex.fileURL(home: benchHome, server: config.displayName, model: model, dimensions: dimensions)
try? FileManager.default.removeItem(at: vectorFile)
report("  now, no vector file yet (built):           " + (try firstQuery("file")))
for run in 1...3 { report("  now, vector file mapped (run \(run)):           " + (try firstQuery("file"))) }

let index = VectorIndex(model: model, dimensions: dimensions, file: vectorFile)
try index.refresh(from: connection)
let semantic = SemanticSearch(connection: connection, index: index)
var nearestTimes: [Double] = [], semanticTimes: [Double] = []
for _ in 0..<queries {
    let q = (0..<dimensions).map { _ in Float(rng.unit() * 2 - 1) }
    nearestTimes.append(timed { index.nearest(to: q, k: 10) }.1)
    semanticTimes.append(try timed { try semantic.search(queryVector: q, filter: SearchFilter(limit: 10)) }.1)
}
report(summary("cosine top-10 scan (SIMD, mapped)", nearestTimes))
report(summary("semantic top-10 with message details (excluding the embeddings call)", semanticTimes))
let (_, refresh) = try timed { try index.refresh(from: connection) }
report("refresh with nothing new: \(ms(refresh))")
