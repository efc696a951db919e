import ChatBetoStore
import ChatBetoSupport
import Foundation

/// Message vectors of one (model, dimensions), normalised Float32 back to back, searched by cosine
/// similarity (a dot product of unit vectors) with SIMD.
///
/// With a `file`, the vectors live in a `VectorFile` mapped into memory: a new process maps it and
/// checks it against `message_embeddings` (highest id, row count) instead of reading every blob, extends
/// it with newer rows, and rebuilds it from the table when it is missing, damaged or out of step.
/// Without one, everything is read from the table once and topped up with newer rows (`refresh`).
public final class VectorIndex: @unchecked Sendable {
    /// Which message chunk a vector belongs to, and what filters need.
    public struct Entry: Sendable, Equatable {
        public var conversationID: String
        public var nodeID: String
        public var chunk: Int
        /// The conversation's project when the vector was loaded; it may have moved since, so
        /// scoping by project asks the database (`SemanticSearch`).
        public var projectID: Int64?
        public var role: String?
        public var createTime: String?
    }

    /// What the last `refresh` did with the vector file.
    public enum FileAction: Sendable, Equatable {
        case none
        /// Mapped as it was: it matched the table.
        case mapped
        /// Rewritten with the rows added since it was built.
        case extended(rows: Int)
        /// Built again from the table, and why.
        case rebuilt(reason: String)
    }

    public let model: String
    public let dimensions: Int
    /// Where the vectors are kept between processes; nil keeps them in memory only.
    public let file: URL?
    private var mapped: VectorFile?
    /// Vectors after the mapped ones (all of them without a file).
    private var storage: [Float] = []
    private var memoryEntries: [Entry] = []
    /// The highest `message_embeddings.id` loaded.
    public private(set) var lastID: Int64 = 0
    /// How long the last `refresh` took and how many rows it read from the table.
    public private(set) var lastLoad: (seconds: Double, rows: Int) = (0, 0)
    public private(set) var lastFileAction: FileAction = .none

    /// An index of vectors of this model and size, mapped from `file` when given.
    public init(model: String, dimensions: Int, file: URL? = nil) {
        self.model = model; self.dimensions = dimensions; self.file = file
    }

    /// `vectors-<server>-<model>-<dimensions>.f32` in `home`: one file per server and database, model and size.
    public static func fileURL(home: URL, server: String, model: String, dimensions: Int) -> URL {
        let hash = FNV1a.hash(server)
        let safeModel = String(model.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." ? $0 : "_" })
        return home.appendingPathComponent("vectors-\(String(hash, radix: 36))-\(safeModel)-\(dimensions).f32")
    }

    /// The index of this model and size over its file in `home`: `cached` when it is that index (a
    /// session keeps one between searches), otherwise a new one, not yet loaded.
    public static func reusing(_ cached: VectorIndex?, home: URL, server: String, model: String, dimensions: Int) -> VectorIndex {
        if let cached, cached.model == model, cached.dimensions == dimensions { return cached }
        return VectorIndex(model: model, dimensions: dimensions,
                           file: fileURL(home: home, server: server, model: model, dimensions: dimensions))
    }

    /// How many vectors the index holds.
    public var count: Int { (mapped?.count ?? 0) + memoryEntries.count }

    /// The entry of vector `i` (0 ..< count).
    public func entry(at i: Int) -> Entry {
        let onFile = mapped?.count ?? 0
        return i < onFile ? mapped!.entry(at: i) : memoryEntries[i - onFile]
    }

    /// Every entry, in order (for tests and small indexes: the file's entries are decoded on demand).
    public var entries: [Entry] { (0..<count).map(entry(at:)) }

    /// Adds one vector in memory (normalised here).
    public func append(_ vector: [Float], entry: Entry) {
        precondition(vector.count == dimensions, "vector has \(vector.count) dimensions, index has \(dimensions)")
        let norm = VectorIndex.dot(vector, vector).squareRoot()
        let scale = norm > 0 ? 1 / norm : 0
        storage.append(contentsOf: vector.map { $0 * scale })
        memoryEntries.append(entry)
    }

    /// Brings the index in step with `message_embeddings`: reads only the rows added since the last call
    /// (all of them the first time without a file; none when the file matches the table).
    public func refresh(from connection: MySQLConnection) throws {
        let started = Date()
        defer { lastLoad.seconds = Date().timeIntervalSince(started) }
        guard let file else { return try refreshInMemory(from: connection) }
        lastFileAction = .none
        lastLoad.rows = 0
        var current = mapped
        var reason = "no vector file yet"
        let newest: Int64, rows: Int64
        if current == nil {
            // A new process: check the file (its checksums read all of it) on another core while the
            // server counts the rows it must match.
            let opening = OpenInBackground { [model, dimensions] in try VectorFile.open(path: file.path, model: model, dimensions: dimensions) }
            let stats = try connection.queryOne(SQL.Embeddings.stats(model: model, dimensions: dimensions))
            newest = stats?.int("last_id") ?? 0; rows = stats?.int("n") ?? 0
            switch try opening.wait() {
            case .success(let opened)?: current = opened
            case .failure(.invalid(let why))?: reason = why
            case nil: break
            }
        } else {
            // Within a process only the highest id is compared (as without a file): rows of deleted
            // conversations stay until the next process, and their hits are dropped with the details.
            newest = try connection.queryOne(SQL.Embeddings.lastID(model: model, dimensions: dimensions))?.int("last_id") ?? 0
            rows = newest == current!.lastID ? current!.tableRows : try connection.queryOne(SQL.Embeddings.count(model: model, dimensions: dimensions))?.int("n") ?? 0
        }
        var upToFile = rows
        if let current, newest > current.lastID {
            upToFile = try connection.queryOne(SQL.Embeddings.countUpTo(model: model, dimensions: dimensions, id: current.lastID))?.int("n") ?? 0
        }
        if let current, current.lastID <= newest, (newest == current.lastID ? rows : upToFile) == current.tableRows {
            if current.lastID == newest {
                if mapped == nil { lastFileAction = .mapped }
                mapped = current; lastID = newest
                return
            }
            // Rows were only added: copy the file and append them.
            let writer = try VectorFileWriter(path: file.path, model: model, dimensions: dimensions)
            do {
                try writer.copy(from: current)
                lastLoad.rows = try load(from: connection, after: current.lastID, upTo: newest) { try writer.append($0, entry: $1) }
                try writer.finish(lastID: newest, tableRows: rows)
            } catch { writer.abandon(); throw error }
            lastFileAction = .extended(rows: lastLoad.rows)
        } else {
            if current != nil { reason = "out of step with message_embeddings" }
            let writer = try VectorFileWriter(path: file.path, model: model, dimensions: dimensions)
            do {
                lastLoad.rows = try load(from: connection, after: 0, upTo: newest) { try writer.append($0, entry: $1) }
                try writer.finish(lastID: newest, tableRows: rows)
            } catch { writer.abandon(); throw error }
            lastFileAction = .rebuilt(reason: reason)
        }
        mapped = nil  // unmap the old file before mapping the new one
        guard case .success(let fresh)? = try VectorFile.open(path: file.path, model: model, dimensions: dimensions) else {
            throw SearchError.vectorFile(path: file.path, problem: "unreadable right after it was written")
        }
        mapped = fresh
        lastID = newest
    }

    private func refreshInMemory(from connection: MySQLConnection) throws {
        let newest = try connection.queryOne(SQL.Embeddings.lastID(model: model, dimensions: dimensions))?.int("last_id") ?? 0
        guard newest > lastID else { lastLoad.rows = 0; return }
        lastLoad.rows = try load(from: connection, after: lastID, upTo: newest) { append($0, entry: $1) }
        lastID = newest
    }

    /// Streams the rows with an id in (after, upTo] in id order, a page at a time, so a rebuild never
    /// holds every blob at once; returns how many it read.
    private func load(from connection: MySQLConnection, after: Int64, upTo: Int64,
                      _ body: ([Float], Entry) throws -> Void) throws -> Int {
        var from = after, total = 0
        let page = 5_000
        while true {
            let rs = try connection.query(SQL.Embeddings.loadPage(model: model, dimensions: dimensions, after: from, upTo: upTo, pageSize: page))
            for row in rs.rows {
                from = max(from, row[0].int64Value ?? from)
                guard case .blob(let bytes) = row[4], bytes.count == dimensions * 4 else { continue }
                try body(VectorIndex.decode(bytes), Entry(
                    conversationID: row[1].textValue ?? "", nodeID: row[2].textValue ?? "", chunk: Int(row[3].int64Value ?? 0),
                    projectID: row[5].int64Value, role: row[6].textValue, createTime: row[7].textValue))
                total += 1
            }
            if rs.rows.count < page { return total }
        }
    }

    /// The `k` entries most similar to `query`, best first, among those `include` accepts.
    public func nearest(to query: [Float], k: Int, include: (Entry) -> Bool = { _ in true }) -> [(index: Int, score: Float)] {
        precondition(query.count == dimensions)
        let norm = VectorIndex.dot(query, query).squareRoot()
        let q = query.map { norm > 0 ? $0 / norm : 0 }
        var best: [(index: Int, score: Float)] = []
        best.reserveCapacity(k + 1)
        func scan(_ vectors: UnsafePointer<Float>, count: Int, first: Int, _ qp: UnsafePointer<Float>) {
            for j in 0..<count {
                let score = VectorIndex.dot(qp, vectors + j * dimensions, dimensions)
                if best.count == k, score <= best[k - 1].score { continue }
                guard include(entry(at: first + j)) else { continue }
                let at = best.firstIndex { score > $0.score } ?? best.count
                best.insert((first + j, score), at: at)
                if best.count > k { best.removeLast() }
            }
        }
        q.withUnsafeBufferPointer { qp in
            if let mapped { scan(mapped.vectors, count: mapped.count, first: 0, qp.baseAddress!) }
            storage.withUnsafeBufferPointer { all in
                if let base = all.baseAddress { scan(base, count: memoryEntries.count, first: mapped?.count ?? 0, qp.baseAddress!) }
            }
        }
        return best
    }

    static func dot(_ a: [Float], _ b: [Float]) -> Float {
        a.withUnsafeBufferPointer { pa in b.withUnsafeBufferPointer { pb in dot(pa.baseAddress!, pb.baseAddress!, a.count) } }
    }

    /// Dot product 16 lanes at a time, four accumulators to keep the pipeline busy, then the tail.
    @inline(__always)
    static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ n: Int) -> Float {
        var s0 = SIMD16<Float>(), s1 = SIMD16<Float>(), s2 = SIMD16<Float>(), s3 = SIMD16<Float>()
        let ra = UnsafeRawPointer(a), rb = UnsafeRawPointer(b)
        var i = 0
        while i + 64 <= n {
            s0 += ra.loadUnaligned(fromByteOffset: i * 4, as: SIMD16<Float>.self) * rb.loadUnaligned(fromByteOffset: i * 4, as: SIMD16<Float>.self)
            s1 += ra.loadUnaligned(fromByteOffset: (i + 16) * 4, as: SIMD16<Float>.self) * rb.loadUnaligned(fromByteOffset: (i + 16) * 4, as: SIMD16<Float>.self)
            s2 += ra.loadUnaligned(fromByteOffset: (i + 32) * 4, as: SIMD16<Float>.self) * rb.loadUnaligned(fromByteOffset: (i + 32) * 4, as: SIMD16<Float>.self)
            s3 += ra.loadUnaligned(fromByteOffset: (i + 48) * 4, as: SIMD16<Float>.self) * rb.loadUnaligned(fromByteOffset: (i + 48) * 4, as: SIMD16<Float>.self)
            i += 64
        }
        while i + 16 <= n {
            s0 += ra.loadUnaligned(fromByteOffset: i * 4, as: SIMD16<Float>.self) * rb.loadUnaligned(fromByteOffset: i * 4, as: SIMD16<Float>.self)
            i += 16
        }
        var sum = ((s0 + s1) + (s2 + s3)).sum()
        while i < n { sum += a[i] * b[i]; i += 1 }
        return sum
    }

    /// Little-endian Float32 bytes, as stored in `message_embeddings.vector`.
    public static func encode(_ vector: [Float]) -> [UInt8] {
        var out = [UInt8](); out.reserveCapacity(vector.count * 4)
        for v in vector { withUnsafeBytes(of: v.bitPattern.littleEndian) { out.append(contentsOf: $0) } }
        return out
    }

    /// Vector components from their stored bytes.
    public static func decode(_ bytes: [UInt8]) -> [Float] {
        bytes.withUnsafeBytes { raw in
            (0..<bytes.count / 4).map { Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self))) }
        }
    }
}

/// Runs `body` on a thread of its own; `wait` returns its result or rethrows its error.
final class OpenInBackground<T>: @unchecked Sendable {
    private var result: Result<T, Error>?
    private let done = DispatchSemaphore(value: 0)

    init(_ body: @escaping @Sendable () throws -> T) {
        Thread.detachNewThread { [self] in
            result = Result { try body() }
            done.signal()
        }
    }

    func wait() throws -> T {
        done.wait()
        return try result!.get()
    }
}
