import Foundation
import ZIPFoundation

/// The files of an export (a folder, a zip read in place, or a Privacy Portal container whose export
/// is a zip inside the zip), looked up by their path inside it: the stored assets record where each
/// file was in the export, not its bytes (`export --images-from`).
public struct ExportAssets {
    /// The folder or zip.
    public let url: URL
    private let archive: Archive?
    /// For a container: the inner zips (the export and its `Files__` siblings), opened when first asked.
    private let container: ContainerZips?
    /// A file larger than this is treated as absent (it would not fit a web page).
    static let maximumBytes = 64 << 20

    /// Opens the export at `url`; throws `ImportError` for a path that is neither a folder nor a readable zip.
    public init(_ url: URL) throws {
        self.url = url
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw ImportError.unsupportedSource(path: url.path, reason: "no such file or folder")
        }
        if isDirectory.boolValue { archive = nil; container = nil; return }
        guard try ExportProbe.isZip(url) else {
            throw ImportError.unsupportedSource(path: url.path, reason: "neither a folder nor a zip")
        }
        let opened: Archive
        do { opened = try Archive(url: url, accessMode: .read) } catch {
            throw ImportError.unsupportedSource(path: url.path, reason: "not a readable zip (\(error))")
        }
        archive = opened
        container = try ContainerZips(url)
    }

    /// The bytes of the file at `path` (relative to the export's root), or nil when the export holds no
    /// such file, it cannot be read, or the path would leave the export. In a container, `path` is
    /// inside the export zip, or `<inner zip name>/<path>` for a file of another part or `Files__` zip,
    /// as the import stored it.
    public func data(at path: String) -> Data? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        guard !path.hasPrefix("/"), !parts.isEmpty, !parts.contains(where: { $0 == ".." || $0 == "." }) else { return nil }
        guard let archive else {
            let file = url.appendingPathComponent(parts.joined(separator: "/"))
            guard let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? NSNumber)?.intValue,
                  size <= ExportAssets.maximumBytes else { return nil }
            return FileManager.default.contents(atPath: file.path)
        }
        if let bytes = ExportAssets.extract(path, from: archive) { return bytes }
        guard let container else { return nil }
        if parts.count > 1, let inner = container.archive(named: String(parts[0])),
           let bytes = ExportAssets.extract(parts.dropFirst().joined(separator: "/"), from: inner) {
            return bytes
        }
        return container.archive(named: container.export).flatMap { ExportAssets.extract(path, from: $0) }
    }

    private static func extract(_ path: String, from archive: Archive) -> Data? {
        guard let entry = archive[path], entry.type == .file, entry.uncompressedSize <= ExportAssets.maximumBytes else { return nil }
        var bytes = Data()
        do { _ = try archive.extract(entry, skipCRC32: false) { bytes.append($0) } } catch { return nil }
        return bytes
    }
}

/// The inner zips of a Privacy Portal container by base name (`ChatGPTContainer`), each opened in
/// place (`NestedZip`) the first time a file is looked up in it.
private final class ContainerZips {
    /// Base name of the inner zip that holds the conversations.
    let export: String
    private let url: URL
    private let members: [String: String]
    private var opened: [String: Archive] = [:]

    /// Nil when the zip at `url` is a plain export (it holds a conversations file) or no container.
    init?(_ url: URL) throws {
        let probe = try ExportProbe(url)
        guard ChatGPTExport.conversationFiles(probe.entries.map(\.path)).isEmpty,
              let found = try ChatGPTContainer.open(probe) else { return nil }
        self.url = url
        export = (found.member as NSString).lastPathComponent
        var members: [String: String] = [:]
        for path in ChatGPTContainer.innerExports(probe) + ChatGPTContainer.fileArchives(probe) {
            members[(path as NSString).lastPathComponent] = members[(path as NSString).lastPathComponent] ?? path
        }
        self.members = members
    }

    func archive(named name: String) -> Archive? {
        if let archive = opened[name] { return archive }
        guard let member = members[name], let archive = try? NestedZip.open(outer: url, member: member) else { return nil }
        opened[name] = archive
        return archive
    }
}
