import ChatBetoSupport
import Foundation

/// xAI's Grok account export: `ttl/30d/export_data/<user uuid>/prod-grok-backend.json` (in a zip, a
/// folder, or the file alone), `{conversations: [{conversation, responses}]}`. Recognised by the
/// `responses` of its conversations. Uploaded files (`prod-mc-asset-server/<uuid>/content`) are linked
/// as assets; the profile and billing files beside it are never read.
struct GrokExportFormat: ExportFormat {
    let name = "grok"
    let summary = "a Grok export (a zip or folder with prod-grok-backend.json, or that file, whose conversations have \"responses\")"

    func recognise(_ probe: ExportProbe) -> ExportRecognition? {
        let export = GrokExport(probe: probe)
        guard let first = export.files.first,
              JSONShape.has("responses", in: first.head(), depths: 2...4) || probe.kind != .file else { return nil }
        return ExportRecognition(confidence: 0.9, description: "a Grok export (\(first.name))")
    }

    func open(_ probe: ExportProbe) throws -> any OpenedExport {
        let export = GrokExport(probe: probe)
        guard !export.files.isEmpty else {
            throw ImportError.noConversations(path: probe.url.path, reason: "it holds no prod-grok-backend.json")
        }
        return export
    }
}

struct GrokExport: OpenedExport {
    let files: [ExportFile]
    /// Bump when the reader stores more from the same bytes.
    let readerVersion = "grok-1"
    let notes: [String] = []
    /// Asset uuid → its path in the export.
    let assetPaths: [String: String]

    init(probe: ExportProbe) {
        switch probe.kind {
        case .file:
            let head = probe.head()
            files = JSONShape.has("responses", in: head, depths: 2...4) && JSONShape.has("conversations", in: head, depths: 1...1)
                ? probe.entries.map(probe.file) : []
        case .folder, .zip:
            files = probe.entries.filter { ($0.path as NSString).lastPathComponent == "prod-grok-backend.json" }.map(probe.file)
        }
        var assets: [String: String] = [:]
        for e in probe.entries where e.path.hasSuffix("/content") {
            let parts = e.path.split(separator: "/")
            if parts.count >= 3, parts[parts.count - 3] == "prod-mc-asset-server" { assets[String(parts[parts.count - 2])] = e.path }
        }
        assetPaths = assets
    }

    /// The backend file is one JSON object whose `conversations` array is streamed element by element
    /// (its other members, `projects`, `tasks`, `media_posts`, are skipped unread); each conversation is
    /// hashed on its own bytes, so unchanged ones are skipped without parsing.
    func read(_ file: ExportFile, into stream: ConversationStream) throws -> Int {
        let paths = assetPaths
        return try SplitFileReader.read(file, into: stream, member: "conversations") { data, offset, done in
            let hash = ContentHash.hex(of: data)
            if try stream.skipIfUnchanged(contentHash: hash, bytesDone: done) { return }
            let item: [String: Any]
            do {
                item = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
            } catch {
                let index = ((error as NSError).userInfo["NSJSONSerializationErrorIndex"] as? Int) ?? 0
                throw ImportError.invalidFile(file: file.name, offset: offset + index,
                                              reason: "invalid JSON in a conversation (\((error as NSError).localizedDescription))")
            }
            let meta: [String: Any] = JSONAccess.object(item["conversation"]) ?? item
            let fallbackID: String? = GrokConversation.id(meta["conversation_id"]) ?? GrokConversation.id(meta["_id"])
            let read: () throws -> SourceConversation = {
                var c = try GrokConversation.read(item)
                for j in c.assets.indices { c.assets[j].exportPath = paths[c.assets[j].pointer] }
                return c
            }
            try stream.push(read, contentHash: hash, file: file, offset: offset, bytesDone: done, fallbackID: fallbackID)
        }
    }
}
