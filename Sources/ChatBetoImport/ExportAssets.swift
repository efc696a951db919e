import Foundation
import ZIPFoundation

/// The files of an export (a folder, or a zip read in place), looked up by their path inside it: the
/// stored assets record where each file was in the export, not its bytes (`export --images-from`).
public struct ExportAssets {
    /// The folder or zip.
    public let url: URL
    private let archive: Archive?
    /// A file larger than this is treated as absent (it would not fit a web page).
    static let maximumBytes = 64 << 20

    /// Opens the export at `url`; throws `ImportError` for a path that is neither a folder nor a readable zip.
    public init(_ url: URL) throws {
        self.url = url
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw ImportError.unsupportedSource(path: url.path, reason: "no such file or folder")
        }
        if isDirectory.boolValue { archive = nil; return }
        guard try ExportProbe.isZip(url) else {
            throw ImportError.unsupportedSource(path: url.path, reason: "neither a folder nor a zip")
        }
        let opened: Archive
        do { opened = try Archive(url: url, accessMode: .read) } catch {
            throw ImportError.unsupportedSource(path: url.path, reason: "not a readable zip (\(error))")
        }
        archive = opened
    }

    /// The bytes of the file at `path` (relative to the export's root), or nil when the export holds no
    /// such file, it cannot be read, or the path would leave the export.
    public func data(at path: String) -> Data? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        guard !path.hasPrefix("/"), !parts.isEmpty, !parts.contains(where: { $0 == ".." || $0 == "." }) else { return nil }
        guard let archive else {
            let file = url.appendingPathComponent(parts.joined(separator: "/"))
            guard let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? NSNumber)?.intValue,
                  size <= ExportAssets.maximumBytes else { return nil }
            return FileManager.default.contents(atPath: file.path)
        }
        guard let entry = archive[path], entry.type == .file, entry.uncompressedSize <= ExportAssets.maximumBytes else { return nil }
        var bytes = Data()
        do { _ = try archive.extract(entry, skipCRC32: false) { bytes.append($0) } } catch { return nil }
        return bytes
    }
}
