import Foundation
import ZIPFoundation

/// One conversations file of an export: a file on disk, a member of the export zip, or a member of a
/// zip inside a zip (the Privacy Portal container), read in place.
public struct ExportFile: Sendable, Equatable {
    enum Location: Sendable, Equatable {
        case file(URL)
        case zipEntry(archive: URL, path: String)
        /// `path` inside the zip that is member `member` of the zip at `outer`.
        case nestedZipEntry(outer: URL, member: String, path: String)
    }

    let location: Location
    /// The name shown in reports and errors (`conversations-003.json`, `export.zip:conversations.json`).
    public let name: String
    /// Uncompressed size in bytes.
    public let size: Int64

    static let chunkSize = 1 << 20

    /// Streams the file's bytes in chunks of about a megabyte.
    func read(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        switch location {
        case .file(let url):
            guard let handle = FileHandle(forReadingAtPath: url.path) else {
                throw ImportError.unreadable(path: url.path, reason: "cannot open the file")
            }
            defer { try? handle.close() }
            while true {
                let chunk: Data
                do {
                    chunk = try handle.read(upToCount: ExportFile.chunkSize) ?? Data()
                } catch {
                    throw ImportError.unreadable(path: url.path, reason: "\(error)")
                }
                if chunk.isEmpty { return }
                try chunk.withUnsafeBytes(body)
            }
        case .zipEntry(let archiveURL, let path):
            let archive: Archive
            do { archive = try Archive(url: archiveURL, accessMode: .read) } catch {
                throw ImportError.unreadable(path: archiveURL.path, reason: "not a readable zip (\(error))")
            }
            try read(path, of: archive, body)
        case .nestedZipEntry(let outer, let member, let path):
            try read(path, of: try NestedZip.open(outer: outer, member: member), body)
        }
    }

    /// The first `count` bytes of the file, wherever it is (for recognising a format by content);
    /// fewer when the file is shorter or cannot be read.
    func head(count: Int = 64 << 10) -> Data {
        var out = Data()
        struct Enough: Error {}
        try? read { chunk in
            out.append(contentsOf: chunk.prefix(count - out.count))
            if out.count >= count { throw Enough() }
        }
        return out
    }

    private func read(_ path: String, of archive: Archive, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard let entry = archive[path] else {
            throw ImportError.unreadable(path: name, reason: "the zip member disappeared")
        }
        var bodyError: Error?
        let checksum: CRC32
        do {
            checksum = try archive.extract(entry, bufferSize: ExportFile.chunkSize, skipCRC32: false) { data in
                do { try data.withUnsafeBytes(body) } catch { bodyError = error; throw error }
            }
        } catch {
            if let bodyError { throw bodyError }
            throw ImportError.unreadable(path: name, reason: "cannot decompress (\(error))")
        }
        // The consumer form of extract computes the CRC-32 but does not compare it: we do, after the
        // last byte and before the last batch commits: that batch is rolled back, earlier batches of a
        // large member stay committed, and the import report says how many of its conversations stay.
        guard checksum == entry.checksum else {
            throw ImportError.unreadable(path: name, reason: String(format: "the zip member is corrupt: its CRC-32 is %08x, the zip says %08x",
                                                                    checksum, entry.checksum))
        }
    }
}
