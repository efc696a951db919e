import ChatBetoStore
import Foundation

/// Message vectors of one (model, dimensions) in one contiguous, normalised Float32 buffer, searched
/// by cosine similarity (a dot product of unit vectors) with SIMD. Loaded once, then topped up with
/// only the rows added since (`refresh`).
public final class VectorIndex: @unchecked Sendable {
    /// Which message chunk a vector belongs to, and what filters need.
    public struct Entry: Sendable, Equatable {
        public var conversationID: String
        public var nodeID: String
        public var chunk: Int
        public var projectID: Int64?
        public var role: String?
        public var createTime: String?
    }

    public let model: String
    public let dimensions: Int
    public private(set) var entries: [Entry] = []
    private var storage: [Float] = []
    /// The highest `message_embeddings.id` loaded.
    public private(set) var lastID: Int64 = 0
    /// How long the last `refresh` took and how many rows it read.
    public private(set) var lastLoad: (seconds: Double, rows: Int) = (0, 0)

    public init(model: String, dimensions: Int) {
        self.model = model; self.dimensions = dimensions
    }

    public var count: Int { entries.count }

    /// Adds one vector (normalised here).
    public func append(_ vector: [Float], entry: Entry) {
        precondition(vector.count == dimensions, "vector has \(vector.count) dimensions, index has \(dimensions)")
        let norm = VectorIndex.dot(vector, vector).squareRoot()
        let scale = norm > 0 ? 1 / norm : 0
        storage.append(contentsOf: vector.map { $0 * scale })
        entries.append(entry)
    }

    /// Reads the rows added since the last call (all of them the first time).
    public func refresh(from connection: MySQLConnection) throws {
        let started = Date()
        let newest = try connection.queryOne(SQL.Embeddings.lastID(model: model, dimensions: dimensions))?.int("last_id") ?? 0
        guard newest > lastID else { lastLoad = (Date().timeIntervalSince(started), 0); return }
        let rs = try connection.query(SQL.Embeddings.load(model: model, dimensions: dimensions, afterID: lastID))
        storage.reserveCapacity(storage.count + rs.rows.count * dimensions)
        entries.reserveCapacity(entries.count + rs.rows.count)
        for row in rs.rows {
            guard case .blob(let bytes) = row[4], bytes.count == dimensions * 4 else { continue }
            append(VectorIndex.decode(bytes), entry: Entry(
                conversationID: row[1].textValue ?? "", nodeID: row[2].textValue ?? "", chunk: Int(row[3].int64Value ?? 0),
                projectID: row[5].int64Value, role: row[6].textValue, createTime: row[7].textValue))
            lastID = max(lastID, row[0].int64Value ?? 0)
        }
        lastLoad = (Date().timeIntervalSince(started), rs.rows.count)
    }

    /// The `k` entries most similar to `query`, best first, among those `include` accepts.
    public func nearest(to query: [Float], k: Int, include: (Entry) -> Bool = { _ in true }) -> [(index: Int, score: Float)] {
        precondition(query.count == dimensions)
        let norm = VectorIndex.dot(query, query).squareRoot()
        let q = query.map { norm > 0 ? $0 / norm : 0 }
        var best: [(index: Int, score: Float)] = []
        best.reserveCapacity(k + 1)
        storage.withUnsafeBufferPointer { all in
            q.withUnsafeBufferPointer { qp in
                for i in 0..<entries.count {
                    let score = VectorIndex.dot(qp.baseAddress!, all.baseAddress! + i * dimensions, dimensions)
                    if best.count == k, score <= best[k - 1].score { continue }
                    guard include(entries[i]) else { continue }
                    let at = best.firstIndex { score > $0.score } ?? best.count
                    best.insert((i, score), at: at)
                    if best.count > k { best.removeLast() }
                }
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

    public static func decode(_ bytes: [UInt8]) -> [Float] {
        bytes.withUnsafeBytes { raw in
            (0..<bytes.count / 4).map { Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self))) }
        }
    }
}
