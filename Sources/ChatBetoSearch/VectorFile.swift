import Foundation

/// One (model, dimensions)'s message vectors on disk, in the form the scan reads them: a new process
/// maps the file instead of reading every blob from MySQL, so its first semantic query costs a scan,
/// not a load. The file is a cache of `message_embeddings`: it records the highest id and the number of
/// table rows it was built from, and `VectorIndex` rebuilds it whenever those no longer match.
///
/// Layout (little-endian): a 4,096-byte header, then `count` normalised Float32 vectors back to back,
/// then `count` 48-byte records (reserved word, project id, chunk, where its strings are, their lengths),
/// then the strings (conversation id, node id, role, create time). A checksum of everything after the
/// header and one of the header itself catch a truncated, partly written or damaged file.
struct VectorFile {
    static let magic: UInt64 = 0x3143_4556_4F54_4542  // "BETOVEC1"
    static let headerSize = 4096
    static let recordSize = 48
    static let noLength = UInt32.max

    let mapped: MappedFile
    let dimensions: Int
    let count: Int
    /// The highest `message_embeddings.id` the file holds.
    let lastID: Int64
    /// Rows of (model, dimensions) with an id up to `lastID` when the file was built, whether or not
    /// their message existed: deleting any of them changes the table's count and invalidates the file.
    let tableRows: Int64
    let vectorsOffset: Int
    let recordsOffset: Int
    let stringsOffset: Int
    let stringsLength: Int

    /// Why a file on disk cannot be used; nil from `open` when it does not exist.
    enum Problem: Error, Equatable { case invalid(String) }

    /// The file at `path` if it holds vectors of `model` at `dimensions` and is intact.
    static func open(path: String, model: String, dimensions: Int) throws -> Result<VectorFile, Problem>? {
        guard let mapped = try MappedFile(path: path) else { return nil }
        let b = mapped.bytes
        guard b.count >= headerSize else { return .failure(.invalid("shorter than its header")) }
        func word(_ i: Int) -> UInt64 { UInt64(littleEndian: b.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)) }
        guard word(0) == magic else { return .failure(.invalid("not a chatbeto vector file")) }
        guard word(511) == checksum(UnsafeRawBufferPointer(rebasing: b[0..<(headerSize - 8)])) else {
            return .failure(.invalid("damaged header"))
        }
        let modelLength = Int(word(10))
        guard modelLength <= 256, String(decoding: b[128..<(128 + modelLength)], as: UTF8.self) == model,
              Int(word(1)) == dimensions else {
            return .failure(.invalid("made for another model or dimension count"))
        }
        let file = VectorFile(mapped: mapped, dimensions: dimensions, count: Int(word(2)), lastID: Int64(bitPattern: word(3)),
                              tableRows: Int64(bitPattern: word(4)), vectorsOffset: Int(word(5)), recordsOffset: Int(word(6)),
                              stringsOffset: Int(word(7)), stringsLength: Int(word(8)))
        let end = file.stringsOffset + file.stringsLength
        guard file.vectorsOffset == headerSize, file.recordsOffset == file.vectorsOffset + file.count * dimensions * 4,
              file.stringsOffset == file.recordsOffset + file.count * recordSize, end == b.count, Int(word(9)) == end else {
            return .failure(.invalid("\(b.count) bytes where its header expects \(Int(word(9)))"))
        }
        guard word(12) == checksum(UnsafeRawBufferPointer(rebasing: b[headerSize..<end])) else {
            return .failure(.invalid("damaged contents (checksum mismatch)"))
        }
        return .success(file)
    }

    /// The first vector; the others follow every `dimensions` floats.
    var vectors: UnsafePointer<Float> {
        (mapped.bytes.baseAddress! + vectorsOffset).assumingMemoryBound(to: Float.self)
    }

    var records: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: mapped.bytes[recordsOffset..<stringsOffset]) }
    var strings: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: mapped.bytes[stringsOffset..<(stringsOffset + stringsLength)])
    }

    func entry(at i: Int) -> VectorIndex.Entry {
        let r = mapped.bytes.baseAddress! + recordsOffset + i * VectorFile.recordSize
        func int(_ at: Int) -> Int64 { Int64(littleEndian: r.loadUnaligned(fromByteOffset: at, as: Int64.self)) }
        func length(_ at: Int) -> UInt32 { UInt32(littleEndian: r.loadUnaligned(fromByteOffset: at, as: UInt32.self)) }
        var cursor = Int(int(24))
        func string(_ at: Int) -> String? {
            let n = length(at)
            guard n != VectorFile.noLength else { return nil }
            defer { cursor += Int(n) }
            return String(decoding: strings[cursor..<(cursor + Int(n))], as: UTF8.self)
        }
        let project = int(8)
        return VectorIndex.Entry(conversationID: string(32) ?? "", nodeID: string(36) ?? "", chunk: Int(int(16)),
                                 projectID: project == Int64.min ? nil : project, role: string(40), createTime: string(44))
    }

    /// An order-sensitive checksum (two running sums of 64-bit words, eight lanes at a time): fast
    /// enough to check 400 MB before the first query, and it changes with any altered or moved word.
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var a = SIMD8<UInt64>(repeating: 0), s = SIMD8<UInt64>(repeating: 0)
        var i = 0
        let n = bytes.count
        if let base = bytes.baseAddress {
            while i + 64 <= n {
                a &+= base.loadUnaligned(fromByteOffset: i, as: SIMD8<UInt64>.self)
                s &+= a
                i += 64
            }
            var tail = [UInt8](repeating: 0, count: 64)
            for j in i..<n { tail[j - i] = base.load(fromByteOffset: j, as: UInt8.self) }
            tail.withUnsafeBytes { t in a &+= t.loadUnaligned(as: SIMD8<UInt64>.self); s &+= a }
        }
        var h = UInt64(n) &* 0x9E37_79B9_7F4A_7C15
        for lane in 0..<8 { h = (h ^ a[lane]) &* 0x100_0000_01B3; h = (h ^ s[lane]) &* 0x100_0000_01B3 }
        return h
    }
}

/// Writes a `VectorFile` under a temporary name and renames it into place, so a reader never maps a
/// half-written file; vectors go to disk as they come, records and strings are kept until the end.
final class VectorFileWriter {
    let path: String
    let temporaryPath: String
    let model: String
    let dimensions: Int
    private let handle: FileHandle
    private var buffer = Data()
    private var records = Data()
    private var strings = Data()
    private(set) var count = 0

    init(path: String, model: String, dimensions: Int) throws {
        self.path = path; self.model = model; self.dimensions = dimensions
        temporaryPath = path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw SearchError.vectorFile(path: path, problem: "cannot create its folder: \(error.localizedDescription)")
        }
        guard FileManager.default.createFile(atPath: temporaryPath, contents: Data(count: VectorFile.headerSize)),
              let handle = FileHandle(forWritingAtPath: temporaryPath) else {
            throw SearchError.vectorFile(path: temporaryPath, problem: "cannot create it")
        }
        self.handle = handle
        try handle.seekToEnd()
    }

    /// Starts from an existing file's contents (already normalised), to extend it with newer rows.
    func copy(from file: VectorFile) throws {
        try flushVectors()
        let vectorBytes = file.count * dimensions * 4
        let step = 1 << 24
        var at = 0
        while at < vectorBytes {
            let end = min(at + step, vectorBytes)
            try write(Data(UnsafeRawBufferPointer(rebasing: file.mapped.bytes[(file.vectorsOffset + at)..<(file.vectorsOffset + end)])))
            at = end
        }
        records.append(contentsOf: file.records)
        strings.append(contentsOf: file.strings)
        count += file.count
    }

    /// Adds one vector, normalised here, with what filters and results need.
    func append(_ vector: [Float], entry: VectorIndex.Entry) throws {
        precondition(vector.count == dimensions)
        let norm = VectorIndex.dot(vector, vector).squareRoot()
        let scale = norm > 0 ? 1 / norm : 0
        // Float32 is little-endian on every platform Swift runs chatbeto on (x86-64, arm64).
        vector.map { $0 * scale }.withUnsafeBytes { buffer.append(contentsOf: $0) }
        func put<T: FixedWidthInteger>(_ v: T) { withUnsafeBytes(of: v.littleEndian) { records.append(contentsOf: $0) } }
        put(Int64(0))
        put(entry.projectID ?? Int64.min)
        put(Int64(entry.chunk))
        put(UInt64(strings.count))
        for s in [entry.conversationID, entry.nodeID, entry.role, entry.createTime] as [String?] {
            if let s { let utf8 = Array(s.utf8); put(UInt32(utf8.count)); strings.append(contentsOf: utf8) } else { put(VectorFile.noLength) }
        }
        count += 1
        if buffer.count >= 1 << 22 { try flushVectors() }
    }

    /// Writes the rest and the header, then renames the file into place.
    func finish(lastID: Int64, tableRows: Int64) throws {
        try flushVectors()
        try write(records)
        try write(strings)
        let vectorsOffset = VectorFile.headerSize
        let recordsOffset = vectorsOffset + count * dimensions * 4
        let stringsOffset = recordsOffset + records.count
        let end = stringsOffset + strings.count
        do { try handle.close() } catch { throw SearchError.vectorFile(path: temporaryPath, problem: "cannot close it: \(error)") }
        // Checksum what is on disk, through the same mapping a reader uses.
        guard let written = try MappedFile(path: temporaryPath), written.bytes.count == end else {
            throw SearchError.vectorFile(path: temporaryPath, problem: "it changed while being written")
        }
        let contents = VectorFile.checksum(UnsafeRawBufferPointer(rebasing: written.bytes[VectorFile.headerSize..<end]))
        var header = [UInt64](repeating: 0, count: VectorFile.headerSize / 8)
        let modelBytes = Array(model.utf8.prefix(256))
        header[0] = VectorFile.magic
        header[1] = UInt64(dimensions)
        header[2] = UInt64(count)
        header[3] = UInt64(bitPattern: lastID)
        header[4] = UInt64(bitPattern: tableRows)
        header[5] = UInt64(vectorsOffset)
        header[6] = UInt64(recordsOffset)
        header[7] = UInt64(stringsOffset)
        header[8] = UInt64(strings.count)
        header[9] = UInt64(end)
        header[10] = UInt64(modelBytes.count)
        header[12] = contents
        var headerBytes = header.withUnsafeBytes { Data($0) }
        headerBytes.replaceSubrange(128..<(128 + modelBytes.count), with: modelBytes)
        let sum = headerBytes.withUnsafeBytes { VectorFile.checksum(UnsafeRawBufferPointer(rebasing: $0[0..<(VectorFile.headerSize - 8)])) }
        withUnsafeBytes(of: sum.littleEndian) { headerBytes.replaceSubrange((VectorFile.headerSize - 8)..<VectorFile.headerSize, with: $0) }
        do {
            let h = try FileHandle(forUpdating: URL(fileURLWithPath: temporaryPath))
            try h.seek(toOffset: 0)
            try h.write(contentsOf: headerBytes)
            try h.close()
        } catch {
            throw SearchError.vectorFile(path: temporaryPath, problem: "cannot write its header: \(error.localizedDescription)")
        }
        guard rename(temporaryPath, path) == 0 else {
            throw SearchError.vectorFile(path: path, problem: "cannot move \(temporaryPath) into place: \(String(cString: strerror(errno)))")
        }
    }

    /// Removes the temporary file after a failure.
    func abandon() {
        try? handle.close()
        try? FileManager.default.removeItem(atPath: temporaryPath)
    }

    private func flushVectors() throws {
        guard !buffer.isEmpty else { return }
        try write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private func write(_ data: Data) throws {
        do { try handle.write(contentsOf: data) } catch {
            throw SearchError.vectorFile(path: temporaryPath, problem: "cannot write it: \(error.localizedDescription)")
        }
    }
}
