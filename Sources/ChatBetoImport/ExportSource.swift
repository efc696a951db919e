import Foundation
import ZIPFoundation

/// What the user pointed `import` at, resolved to its conversations files and asset files:
/// the export zip (read in place), an unpacked export folder, or a single JSON file
/// (`conversations.json`, one `conversations-NNN.json` shard, or one conversation object).
public struct ExportSource: Sendable {
    /// What was given.
    public let url: URL
    /// The conversations files, in import order (shards by number).
    public let files: [ExportFile]
    let assets: AssetIndex

    /// Resolves `url`; throws a clear error for anything that is not an export.
    public static func open(_ url: URL) throws -> ExportSource {
        let path = url.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ImportError.unsupportedSource(path: path, reason: "no such file or folder")
        }
        if isDirectory.boolValue { return try folder(url) }
        if try isZip(url) { return try zip(url) }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0
        return ExportSource(url: url, files: [ExportFile(location: .file(url), name: url.lastPathComponent, size: size)],
                            assets: AssetIndex(paths: []))
    }

    /// Sum of the conversations files' sizes.
    public var totalBytes: Int64 { files.reduce(0) { $0 + $1.size } }

    /// `conversations.json` and `conversations-000.json` …, sorted; the single file wins when both exist
    /// only if there are no shards (exports have one layout or the other).
    static func conversationFiles(_ names: [String]) -> [String] {
        let shards = names.filter { isShard(($0 as NSString).lastPathComponent) }.sorted()
        if !shards.isEmpty { return shards }
        return names.filter { ($0 as NSString).lastPathComponent == "conversations.json" }.sorted { $0.count < $1.count }.prefix(1).map { $0 }
    }

    static func isShard(_ name: String) -> Bool {
        guard name.hasPrefix("conversations-"), name.hasSuffix(".json") else { return false }
        let digits = name.dropFirst("conversations-".count).dropLast(".json".count)
        return !digits.isEmpty && digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber)
    }

    private static func isZip(_ url: URL) throws -> Bool {
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw ImportError.unreadable(path: url.path, reason: "cannot open the file")
        }
        defer { try? handle.close() }
        let magic = (try? handle.read(upToCount: 4)) ?? Data()
        return magic.starts(with: [0x50, 0x4B, 0x03, 0x04]) || magic.starts(with: [0x50, 0x4B, 0x05, 0x06])
    }

    private static func folder(_ url: URL) throws -> ExportSource {
        let fm = FileManager.default
        guard let walker = fm.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey, .fileSizeKey]) else {
            throw ImportError.unreadable(path: url.path, reason: "cannot list the folder")
        }
        var relative: [String] = []
        var sizes: [String: Int64] = [:]
        let base = url.standardizedFileURL.path
        for case let file as URL in walker {
            let values = try? file.resourceValues(forKeys: [.isRegularFileKey, .fileSizeKey])
            guard values?.isRegularFile == true else { continue }
            var rel = file.standardizedFileURL.path
            if rel.hasPrefix(base + "/") { rel = String(rel.dropFirst(base.count + 1)) }
            relative.append(rel)
            sizes[rel] = Int64(values?.fileSize ?? 0)
        }
        // Conversations files sit at the top, or one folder down when a zip was unpacked into a folder.
        let candidates = relative.filter { $0.split(separator: "/").count <= 2 }
        let chosen = conversationFiles(candidates)
        guard !chosen.isEmpty else {
            throw ImportError.noConversations(path: url.path, reason: "the folder holds no conversations.json or conversations-NNN.json")
        }
        let files = chosen.map { ExportFile(location: .file(url.appendingPathComponent($0)), name: $0, size: sizes[$0] ?? 0) }
        return ExportSource(url: url, files: files, assets: AssetIndex(paths: relative.filter { !chosen.contains($0) }))
    }

    private static func zip(_ url: URL) throws -> ExportSource {
        let archive: Archive
        do { archive = try Archive(url: url, accessMode: .read) } catch {
            throw ImportError.unsupportedSource(path: url.path, reason: "not a readable zip (\(error))")
        }
        var paths: [String] = []
        var sizes: [String: Int64] = [:]
        for entry in archive where entry.type == .file {
            paths.append(entry.path)
            sizes[entry.path] = Int64(entry.uncompressedSize)
        }
        let chosen = conversationFiles(paths.filter { $0.split(separator: "/").count <= 2 })
        guard !chosen.isEmpty else {
            throw ImportError.noConversations(path: url.path, reason: "the zip holds no conversations.json or conversations-NNN.json")
        }
        let zipName = url.lastPathComponent
        let files = chosen.map {
            ExportFile(location: .zipEntry(archive: url, path: $0), name: "\(zipName):\($0)", size: sizes[$0] ?? 0)
        }
        return ExportSource(url: url, files: files, assets: AssetIndex(paths: paths.filter { !chosen.contains($0) }))
    }
}
