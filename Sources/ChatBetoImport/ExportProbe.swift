import Foundation
import ZIPFoundation

/// What `import` was pointed at, opened just far enough for formats to tell by content whose export
/// it is: a single file, a folder or a zip, the files it holds (relative paths and sizes), and the
/// first bytes of any of them. Nothing is unpacked to disk.
struct ExportProbe {
    enum Kind: Sendable, Equatable { case file, folder, zip }

    /// One file of a folder or zip.
    struct Entry: Sendable, Equatable {
        /// Path relative to the folder or zip root (`conversations-000.json`, `export/user.json`).
        var path: String
        var size: Int64
    }

    let url: URL
    /// For a zip inside the zip at `url`: its path there.
    let member: String?
    let kind: Kind
    /// The files of a folder or zip, sorted by path; for a single file, the file itself (by its name).
    let entries: [Entry]
    private let archive: Archive?

    /// Looks at `url`; throws for a path that does not exist or cannot be read.
    init(_ url: URL) throws {
        self.url = url
        member = nil
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw ImportError.unsupportedSource(path: url.path, reason: "no such file or folder")
        }
        if isDirectory.boolValue {
            kind = .folder
            archive = nil
            entries = try ExportProbe.list(folder: url)
        } else if try ExportProbe.isZip(url) {
            kind = .zip
            let opened: Archive
            do { opened = try Archive(url: url, accessMode: .read) } catch {
                throw ImportError.unsupportedSource(path: url.path, reason: "not a readable zip (\(error))")
            }
            archive = opened
            entries = opened.filter { $0.type == .file }.map { Entry(path: $0.path, size: Int64($0.uncompressedSize)) }
                .sorted { $0.path < $1.path }
        } else {
            kind = .file
            archive = nil
            let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.int64Value ?? 0
            entries = [Entry(path: url.lastPathComponent, size: size)]
        }
    }

    /// The zip that is the member `path` of this zip, opened in place (`NestedZip`).
    func nested(_ path: String) throws -> ExportProbe {
        let outer = url
        guard kind == .zip, member == nil else {
            throw ImportError.unsupportedSource(path: path, reason: "a zip inside a zip inside a zip is not read")
        }
        return ExportProbe(url: outer, member: path, archive: try NestedZip.open(outer: outer, member: path))
    }

    private init(url: URL, member: String, archive: Archive) {
        self.url = url
        self.member = member
        self.kind = .zip
        self.archive = archive
        entries = archive.filter { $0.type == .file }.map { Entry(path: $0.path, size: Int64($0.uncompressedSize)) }
            .sorted { $0.path < $1.path }
    }

    /// The first `count` bytes of an entry (of the file itself for a single file); empty when unreadable.
    func head(_ path: String? = nil, count: Int = 64 << 10) -> Data {
        switch kind {
        case .file:
            guard let handle = FileHandle(forReadingAtPath: url.path) else { return Data() }
            defer { try? handle.close() }
            return (try? handle.read(upToCount: count)) ?? Data()
        case .folder:
            guard let path, let handle = FileHandle(forReadingAtPath: url.appendingPathComponent(path).path) else { return Data() }
            defer { try? handle.close() }
            return (try? handle.read(upToCount: count)) ?? Data()
        case .zip:
            guard let path, let archive, let entry = archive[path] else { return Data() }
            var out = Data()
            struct Enough: Error {}
            _ = try? archive.extract(entry, bufferSize: 16 << 10, skipCRC32: true) { chunk in
                out.append(chunk.prefix(count - out.count))
                if out.count >= count { throw Enough() }
            }
            return out
        }
    }

    /// An `ExportFile` for an entry (or the single file), read in place.
    func file(_ entry: Entry) -> ExportFile {
        switch kind {
        case .file: return ExportFile(location: .file(url), name: entry.path, size: entry.size)
        case .folder: return ExportFile(location: .file(url.appendingPathComponent(entry.path)), name: entry.path, size: entry.size)
        case .zip:
            if let member {
                return ExportFile(location: .nestedZipEntry(outer: url, member: member, path: entry.path),
                                  name: "\((member as NSString).lastPathComponent):\(entry.path)", size: entry.size)
            }
            return ExportFile(location: .zipEntry(archive: url, path: entry.path), name: "\(url.lastPathComponent):\(entry.path)",
                              size: entry.size)
        }
    }

    /// What the path looks like, for a message about a path no format reads:
    /// "a zip of 2 files (a.jpg, notes.txt)", "a JSON array of objects with keys uuid, name".
    var looksLike: String {
        switch kind {
        case .file:
            return JSONShape.describe(head())
        case .folder, .zip:
            let what = kind == .zip ? "a zip" : "a folder"
            if entries.isEmpty { return "\(what) with no files" }
            let names = entries.prefix(6).map(\.path).joined(separator: ", ") + (entries.count > 6 ? ", …" : "")
            return "\(what) of \(entries.count) file\(entries.count == 1 ? "" : "s") (\(names))"
        }
    }

    static func isZip(_ url: URL) throws -> Bool {
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw ImportError.unreadable(path: url.path, reason: "cannot open the file")
        }
        defer { try? handle.close() }
        let magic = (try? handle.read(upToCount: 4)) ?? Data()
        return magic.starts(with: [0x50, 0x4B, 0x03, 0x04]) || magic.starts(with: [0x50, 0x4B, 0x05, 0x06])
    }

    private static func list(folder url: URL) throws -> [Entry] {
        guard let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey, .fileSizeKey]) else {
            throw ImportError.unreadable(path: url.path, reason: "cannot list the folder")
        }
        var entries: [Entry] = []
        let base = url.standardizedFileURL.path
        for case let file as URL in walker {
            let values = try? file.resourceValues(forKeys: [.isRegularFileKey, .fileSizeKey])
            guard values?.isRegularFile == true else { continue }
            var rel = file.standardizedFileURL.path
            if rel.hasPrefix(base + "/") { rel = String(rel.dropFirst(base.count + 1)) }
            entries.append(Entry(path: rel, size: Int64(values?.fileSize ?? 0)))
        }
        return entries.sorted { $0.path < $1.path }
    }
}
