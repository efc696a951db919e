import ChatBetoSupport
import Foundation

/// Claude.ai's "Export data" download in all three packagings: a G1/G2 zip or the
/// folder it unpacks to, a G3 download set (a folder with the manifest and `<category>-NNN.zip` parts),
/// a lone part zip, or a single conversations file (array or one API-shaped object). Recognised by the
/// `chat_messages` key of its conversations, not by file names.
struct ClaudeExportFormat: ExportFormat {
    let name = "claude"
    let summary = "a Claude.ai export (a zip or folder with conversations.json, the split download's conversations-000.zip, " +
        "or one such file, whose conversations have \"chat_messages\")"

    func recognise(_ probe: ExportProbe) -> ExportRecognition? {
        switch probe.kind {
        case .file:
            guard JSONShape.has("chat_messages", in: probe.head(), depths: 1...2) else { return nil }
            return ExportRecognition(confidence: 0.9, description: "a Claude.ai conversations file")
        case .folder, .zip:
            let export = ClaudeExport(probe: probe, readProjects: false)
            guard let first = export.files.first else { return nil }
            let head = first.head()
            let users = probe.entries.contains { ($0.path as NSString).lastPathComponent == "users.json" }
            if JSONShape.has("chat_messages", in: head, depths: 1...2) || (users && JSONShape.describe(head) == "an empty JSON array") {
                return ExportRecognition(confidence: 0.95, description: "a Claude.ai export with \(export.files.count) conversations file\(export.files.count == 1 ? "" : "s")")
            }
            return nil
        }
    }

    func open(_ probe: ExportProbe) throws -> any OpenedExport {
        let export = ClaudeExport(probe: probe, readProjects: true)
        guard !export.files.isEmpty else {
            throw ImportError.noConversations(path: probe.url.path, reason: "it holds no Claude conversations.json (nor a conversations-NNN.zip part)")
        }
        return export
    }
}

/// An opened Claude export: its conversations files (inside part zips too), projects and notes.
struct ClaudeExport: OpenedExport {
    let files: [ExportFile]
    /// Bump when the reader stores more from the same bytes.
    let readerVersion = "claude-1"
    let notes: [String]
    let projects: [SourceProject]

    init(probe: ExportProbe, readProjects: Bool) {
        var files: [ExportFile] = []
        var projectFiles: [ExportFile] = []
        var notes: [String] = []
        var partNames: Set<String> = []
        func take(_ file: ExportFile) {
            let path = file.innerPath, base = (path as NSString).lastPathComponent
            if base == "conversations.json" || ChatGPTExport.isShard(base) { files.append(file) }
            else if ClaudeProject.isProjectsFile(path) { projectFiles.append(file) }
        }
        switch probe.kind {
        case .file:
            files = probe.entries.map(probe.file)
        case .zip:
            probe.entries.filter { $0.path.split(separator: "/").count <= 3 && !$0.path.hasSuffix(".zip") }.map(probe.file).forEach(take)
            // The G3 parts zipped together: each part is read in place.
            for entry in probe.entries where entry.path.hasSuffix(".zip") {
                guard partNames.insert(ClaudeExport.partName(entry.path)).inserted else { continue }
                guard let part = try? probe.nested(entry.path) else {
                    notes.append("\(entry.path): a zip inside the zip that cannot be opened; not read")
                    continue
                }
                part.entries.map(part.file).forEach(take)
            }
        case .folder:
            for entry in probe.entries where entry.path.split(separator: "/").count <= 3 {
                if entry.path.hasSuffix(".zip") {
                    // A G3 part; a browser's second copy ("conversations-000 (1).zip") is the same part.
                    let stem = ClaudeExport.partName(entry.path)
                    guard partNames.insert(stem).inserted else {
                        notes.append("\(entry.path) is a second copy of \(stem); read once")
                        continue
                    }
                    ExportFile.members(ofZip: probe.url.appendingPathComponent(entry.path), shownAs: entry.path).forEach(take)
                } else {
                    take(probe.file(entry))
                }
            }
            if let manifest = probe.entries.first(where: { ($0.path as NSString).lastPathComponent.hasPrefix("manifest-") && $0.path.hasSuffix(".json") }),
               let data = try? probe.file(manifest).readAll(limit: 4 << 20),
               let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
                let listed = (json["data_files"] as? [Any] ?? []).compactMap { JSONAccess.string(JSONAccess.object($0)?["filename"]) }
                let missing = listed.filter { !partNames.contains($0) }
                if !missing.isEmpty {
                    notes.append("the manifest lists \(listed.count) parts; missing here: \(missing.joined(separator: ", ")) (request a new export to get them; their links are single-use)")
                }
            }
        }
        // Conversations files in name order: parts by number.
        self.files = files.sorted { $0.name < $1.name }
        var projects: [SourceProject] = []
        if readProjects {
            for file in projectFiles {
                guard let data = try? file.readAll(limit: 64 << 20), let json = try? JSONSerialization.jsonObject(with: data) else {
                    notes.append("\(file.name): not readable as JSON; its projects are not imported")
                    continue
                }
                projects += ClaudeProject.read(json)
            }
            if !projects.isEmpty {
                notes.append("\(projects.count) Claude project\(projects.count == 1 ? "" : "s") imported with name and instructions (prompt_template); " +
                             "the export links no conversation to a project, so conversations stay outside projects unless a conversation names its project")
            }
        }
        self.projects = projects
        self.notes = notes
    }

    /// `conversations-000 (1).zip`, `conversations-000(1).zip` → `conversations-000.zip`.
    static func partName(_ path: String) -> String {
        var base = (path as NSString).lastPathComponent
        if let r = base.range(of: #"\s?\(\d+\)\.zip$"#, options: .regularExpression) { base.replaceSubrange(r, with: ".zip") }
        return base
    }

    func read(_ file: ExportFile, into stream: ConversationStream) throws -> Int {
        try SplitFileReader.read(file, into: stream, element: { data, offset, done in
            try element(data, file: file, offset: offset, bytesDone: done, into: stream)
        }, document: { data, done in
            try document(data, file: file, bytesDone: done, into: stream)
        })
    }

    private func element(_ data: Data, file: ExportFile, offset: Int, bytesDone: Int64, into stream: ConversationStream) throws {
        let hash = ContentHash.hex(of: data)
        if try stream.skipIfUnchanged(contentHash: hash, bytesDone: bytesDone) { return }
        let value: Any
        do { value = try JSONSerialization.jsonObject(with: data) } catch {
            let repaired = JSONEscapeRepair.repair(data)
            guard repaired.replaced > 0, let again = try? JSONSerialization.jsonObject(with: repaired.data) else {
                let index = ((error as NSError).userInfo["NSJSONSerializationErrorIndex"] as? Int) ?? 0
                throw ImportError.invalidFile(file: file.name, offset: offset + index, reason: "invalid JSON in a conversation (\((error as NSError).localizedDescription))")
            }
            value = again
        }
        try conversation(value, hash: hash, file: file, offset: offset, bytesDone: bytesDone, into: stream)
    }

    private func conversation(_ value: Any, hash: String, file: ExportFile, offset: Int, bytesDone: Int64, into stream: ConversationStream) throws {
        guard let object = value as? [String: Any], ClaudeConversation.recognises(object) else {
            let keys = (value as? [String: Any]).map { $0.keys.sorted().prefix(5).joined(separator: ", ") } ?? "not an object"
            try stream.skipped(ImportReport.Skip(conversationID: (value as? [String: Any]).flatMap { JSONAccess.string($0["uuid"]) }, file: file.name,
                                                 offset: offset, reason: "not a Claude conversation (no chat_messages; keys: \(keys)); left out"),
                               bytesDone: bytesDone)
            return
        }
        try stream.push({ try ClaudeConversation.read(object) }, contentHash: hash, file: file, offset: offset, bytesDone: bytesDone,
                        fallbackID: JSONAccess.string(object["uuid"]))
    }

    /// A top-level object: one API-shaped conversation, or `{"conversations": […]}`.
    private func document(_ data: Data, file: ExportFile, bytesDone: Int64, into stream: ConversationStream) throws -> Int {
        let json: [String: Any]
        do { json = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:] } catch {
            let index = ((error as NSError).userInfo["NSJSONSerializationErrorIndex"] as? Int) ?? 0
            throw ImportError.invalidFile(file: file.name, offset: index, reason: "invalid JSON (\((error as NSError).localizedDescription))")
        }
        if let list = json["conversations"] as? [Any] {
            for value in list {
                let canonical = (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])) ?? Data()
                try conversation(value, hash: ContentHash.hex(of: canonical), file: file, offset: 0, bytesDone: bytesDone, into: stream)
            }
            return list.count
        }
        try conversation(json, hash: ContentHash.hex(of: data), file: file, offset: 0, bytesDone: bytesDone, into: stream)
        return 1
    }
}
