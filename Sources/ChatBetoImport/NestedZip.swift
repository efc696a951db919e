import Foundation
import ZIPFoundation

/// A zip stored inside another zip (the Privacy Portal container holds the ChatGPT export as one),
/// opened in place: a stored (uncompressed) member is a byte range of the outer file, memory-mapped,
/// so nothing is unpacked to disk and only the pages read are in memory. A compressed member is
/// inflated into memory (the container stores its inner zips, so this is the rare case).
enum NestedZip {
    /// Opens the member `member` of the zip at `outer` as an archive.
    static func open(outer: URL, member: String) throws -> Archive {
        let container: Archive
        do { container = try Archive(url: outer, accessMode: .read) } catch {
            throw ImportError.unreadable(path: outer.path, reason: "not a readable zip (\(error))")
        }
        guard let entry = container[member] else {
            throw ImportError.unreadable(path: "\(outer.lastPathComponent):\(member)", reason: "the zip member disappeared")
        }
        var bytes: Data
        if !entry.isCompressed, let range = try storedRange(of: member, in: outer), range.count == Int(entry.uncompressedSize) {
            let mapped: Data
            do { mapped = try Data(contentsOf: outer, options: .alwaysMapped) } catch {
                throw ImportError.unreadable(path: outer.path, reason: "cannot map the file (\(error))")
            }
            bytes = mapped[range]
        } else {
            bytes = Data()
            do {
                _ = try container.extract(entry, bufferSize: 1 << 20, skipCRC32: false) { bytes.append($0) }
            } catch {
                throw ImportError.unreadable(path: "\(outer.lastPathComponent):\(member)", reason: "cannot decompress (\(error))")
            }
        }
        do { return try Archive(data: bytes, accessMode: .read) } catch {
            throw ImportError.unreadable(path: "\(outer.lastPathComponent):\(member)", reason: "not a readable zip (\(error))")
        }
    }

    /// Where the bytes of a stored member lie in the zip file: its central directory entry gives the
    /// local header, whose name and extra field precede the data. Nil for zip64 offsets (not needed for
    /// the sizes seen; such a member is inflated into memory instead).
    static func storedRange(of member: String, in url: URL) throws -> Range<Int>? {
        guard let handle = FileHandle(forReadingAtPath: url.path) else { return nil }
        defer { try? handle.close() }
        let size = Int(try handle.seekToEnd())
        let tailSize = min(size, 65_557)
        try handle.seek(toOffset: UInt64(size - tailSize))
        let tail = [UInt8](try handle.read(upToCount: tailSize) ?? Data())
        guard tail.count >= 22,
              let eocd = stride(from: tail.count - 22, through: 0, by: -1).first(where: { tail[$0] == 0x50 && tail[$0 + 1] == 0x4B
                  && tail[$0 + 2] == 0x05 && tail[$0 + 3] == 0x06 }) else { return nil }
        let directorySize = Int(u32(tail, eocd + 12)), directoryOffset = Int(u32(tail, eocd + 16))
        guard directoryOffset != 0xFFFF_FFFF, directoryOffset + directorySize <= size else { return nil }
        try handle.seek(toOffset: UInt64(directoryOffset))
        let directory = [UInt8](try handle.read(upToCount: directorySize) ?? Data())
        var i = 0
        let wanted = Array(member.utf8)
        while i + 46 <= directory.count, u32(directory, i) == 0x0201_4B50 {
            let nameLength = Int(u16(directory, i + 28)), extraLength = Int(u16(directory, i + 30)), commentLength = Int(u16(directory, i + 32))
            let localOffset = Int(u32(directory, i + 42)), compressedSize = Int(u32(directory, i + 20))
            if i + 46 + nameLength <= directory.count, Array(directory[(i + 46)..<(i + 46 + nameLength)]) == wanted {
                guard localOffset != 0xFFFF_FFFF, compressedSize != 0xFFFF_FFFF else { return nil }
                try handle.seek(toOffset: UInt64(localOffset))
                let local = [UInt8](try handle.read(upToCount: 30) ?? Data())
                guard local.count == 30, u32(local, 0) == 0x0403_4B50 else { return nil }
                let start = localOffset + 30 + Int(u16(local, 26)) + Int(u16(local, 28))
                guard start + compressedSize <= size else { return nil }
                return start..<(start + compressedSize)
            }
            i += 46 + nameLength + extraLength + commentLength
        }
        return nil
    }

    private static func u16(_ b: [UInt8], _ i: Int) -> UInt16 { UInt16(b[i]) | UInt16(b[i + 1]) << 8 }
    private static func u32(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
    }
}
