import Foundation

/// The non-conversation files of an export, keyed by the file id their names start with, so an
/// `asset_pointer` (`file-service://file-XYZ`, `sediment://file_abc`) finds its file (`X.dat`,
/// `X-name.png`, `<conv>/audio/X-uuid.wav`), with the original name and the type its bytes tell.
struct AssetIndex: Sendable {
    private var byID: [String: String] = [:]
    private var names: [String: String] = [:]
    private var mimeTypes: [String: String] = [:]
    /// Message id → the library files uploaded with it (`library_files.json` `origination_message_id`).
    private var uploads: [String: [String]] = [:]

    init(paths: [String]) {
        for path in paths {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            guard let id = AssetIndex.fileID(fromName: name) else { continue }
            if byID[id] == nil { byID[id] = path }
        }
    }

    /// Reads the original names (`conversation_asset_file_names.json`, `library_files.json`, 2026) and the
    /// type of each indexed file from its first bytes (`probe` holds the files, `folder` is the export's root in it).
    mutating func learn(from probe: ExportProbe, folder: String) {
        let prefix = folder.isEmpty ? "" : folder + "/"
        let present = Set(probe.entries.map(\.path))
        if present.contains(prefix + "conversation_asset_file_names.json"),
           let map = try? JSONSerialization.jsonObject(with: probe.head(prefix + "conversation_asset_file_names.json", count: 64 << 20)) as? [String: Any] {
            for (datName, original) in map {
                guard let id = AssetIndex.fileID(fromName: datName), let original = original as? String, !original.isEmpty else { continue }
                names[id] = (original as NSString).lastPathComponent
            }
        }
        if present.contains(prefix + "library_files.json"),
           let list = try? JSONSerialization.jsonObject(with: probe.head(prefix + "library_files.json", count: 64 << 20)) as? [Any] {
            for case let file as [String: Any] in list {
                guard let id = JSONAccess.string(file["file_id"]) else { continue }
                if names[id] == nil, let name = JSONAccess.string(file["file_name"]) { names[id] = name }
                if let mime = JSONAccess.string(file["mime_type"]) { mimeTypes[id] = mime }
                if let message = JSONAccess.string(file["origination_message_id"]) { uploads[message, default: []].append(id) }
            }
        }
        for (id, path) in byID.prefix(50_000) where present.contains(path) {
            if let mime = FileType.mimeType(of: probe.head(path, count: 16)) { mimeTypes[id] = mime }
        }
    }

    /// The files the export's file library says were uploaded with this message.
    func uploads(forMessage id: String) -> [String] { uploads[id] ?? [] }

    /// The export path for an asset pointer or attachment id, when the export has it.
    func path(for pointer: String) -> String? {
        AssetIndex.fileID(fromPointer: pointer).flatMap { byID[$0] }
    }

    /// The file's original name, when the export gives one.
    func name(for pointer: String) -> String? {
        AssetIndex.fileID(fromPointer: pointer).flatMap { names[$0] }
    }

    /// The file's type: from its bytes when the export holds it, else as the export's file library says.
    func mimeType(for pointer: String) -> String? {
        AssetIndex.fileID(fromPointer: pointer).flatMap { mimeTypes[$0] }
    }

    /// `file-abc123-photo.png` → `file-abc123`, `file_00ff-uuid.png` → `file_00ff`, `file_00ff.dat` → `file_00ff`.
    static func fileID(fromName name: String) -> String? {
        guard name.hasPrefix("file-") || name.hasPrefix("file_") else { return nil }
        let rest = name.dropFirst(5)
        let id = rest.prefix { $0 != "-" && $0 != "." }
        return id.isEmpty ? nil : String(name.prefix(5)) + id
    }

    /// `file-service://file-abc123` or `sediment://file_00ff` (or a bare id) → the file id; ids with a
    /// path separator or `..` are refused.
    static func fileID(fromPointer pointer: String) -> String? {
        let tail = pointer.range(of: "://").map { String(pointer[$0.upperBound...]) } ?? pointer
        guard !tail.contains("/"), !tail.contains("\\"), !tail.contains("..") else { return nil }
        return fileID(fromName: tail)
    }
}
