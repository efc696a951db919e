import Foundation

/// The non-conversation files of an export, keyed by the file id their names start with, so an
/// `asset_pointer` (`file-service://file-XYZ`, `sediment://file_abc`) finds its file.
struct AssetIndex: Sendable {
    private var byID: [String: String] = [:]

    init(paths: [String]) {
        for path in paths {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            guard let id = AssetIndex.fileID(fromName: name) else { continue }
            if byID[id] == nil { byID[id] = path }
        }
    }

    /// The export path for an asset pointer or attachment id, when the export has it.
    func path(for pointer: String) -> String? {
        guard let id = AssetIndex.fileID(fromPointer: pointer) else { return nil }
        return byID[id]
    }

    /// `file-abc123-photo.png` → `file-abc123`, `file_00ff-uuid.png` → `file_00ff`.
    static func fileID(fromName name: String) -> String? {
        guard name.hasPrefix("file-") || name.hasPrefix("file_") else { return nil }
        let rest = name.dropFirst(5)
        let id = rest.prefix { $0 != "-" && $0 != "." }
        return id.isEmpty ? nil : String(name.prefix(5)) + id
    }

    /// `file-service://file-abc123` or `sediment://file_00ff` (or a bare id) → the file id.
    static func fileID(fromPointer pointer: String) -> String? {
        let tail = pointer.range(of: "://").map { String(pointer[$0.upperBound...]) } ?? pointer
        return fileID(fromName: tail)
    }
}
