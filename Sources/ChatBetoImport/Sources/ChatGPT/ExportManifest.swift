import Foundation

/// `export_manifest.json` (2026 exports): the files the export should hold, with their sizes. Checked
/// when present, never required: what is missing, of another size, or not listed goes into the report.
struct ExportManifest {
    /// Path (relative to the manifest's folder) → size in bytes.
    let files: [String: Int64]

    static let name = "export_manifest.json"

    /// Parses a manifest; nil when it is not one (then the report says so and the import goes on).
    init?(_ data: Data) {
        guard let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let list = json["export_files"] as? [Any] else { return nil }
        var files: [String: Int64] = [:]
        for case let item as [String: Any] in list {
            guard let path = JSONAccess.string(item["path"]) else { continue }
            files[path] = Int64(JSONAccess.double(item["size_bytes"]) ?? -1)
        }
        self.files = files
    }

    /// Report lines comparing the manifest with the export's files (paths relative to the manifest's folder).
    func check(against present: [String: Int64]) -> [String] {
        let missing = files.keys.filter { present[$0] == nil }.sorted()
        let resized = files.filter { path, size in size >= 0 && present[path].map { $0 != size } == true }.keys.sorted()
        let unlisted = present.keys.filter { files[$0] == nil && $0 != ExportManifest.name }.sorted()
        if missing.isEmpty && resized.isEmpty && unlisted.isEmpty {
            return ["\(ExportManifest.name): all \(files.count) listed files are in the export"]
        }
        var notes: [String] = []
        func few(_ paths: [String]) -> String { paths.prefix(5).joined(separator: ", ") + (paths.count > 5 ? ", … (\(paths.count))" : "") }
        if !missing.isEmpty {
            notes.append("\(ExportManifest.name) lists \(missing.count) file\(missing.count == 1 ? "" : "s") the export does not hold: \(few(missing))")
        }
        if !resized.isEmpty {
            notes.append("\(ExportManifest.name) gives another size for \(resized.count) file\(resized.count == 1 ? "" : "s"): " +
                         few(resized.map { "\($0) (\(present[$0]!) bytes, listed \(files[$0]!))" }))
        }
        if !unlisted.isEmpty {
            notes.append("the export holds \(unlisted.count) file\(unlisted.count == 1 ? "" : "s") \(ExportManifest.name) does not list: \(few(unlisted))")
        }
        return notes
    }
}
