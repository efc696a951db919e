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

    /// The backend file is one JSON object: read whole (bounded by the per-conversation limit), then
    /// one record per conversation, each hashed on its own so unchanged ones are skipped.
    func read(_ file: ExportFile, into stream: ConversationStream) throws -> Int {
        let data = try file.readAll(limit: stream.limits.conversationBytes)
        let top: [String: Any]
        do { top = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:] } catch {
            let index = ((error as NSError).userInfo["NSJSONSerializationErrorIndex"] as? Int) ?? 0
            throw ImportError.invalidFile(file: file.name, offset: index, reason: "invalid JSON (\((error as NSError).localizedDescription))")
        }
        guard GrokConversation.recognises(top) else {
            throw ImportError.invalidFile(file: file.name, offset: 0, reason: "not a Grok backend export (no conversations with responses)")
        }
        let list = top["conversations"] as? [Any] ?? []
        for (i, value) in list.enumerated() {
            let canonical = (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])) ?? Data()
            guard let item = value as? [String: Any] else {
                try stream.skipped(ImportReport.Skip(conversationID: nil, file: file.name, offset: 0, reason: "conversations[\(i)] is not an object"),
                                   bytesDone: file.size)
                continue
            }
            let meta: [String: Any] = JSONAccess.object(item["conversation"]) ?? item
            let fallbackID: String? = GrokConversation.id(meta["conversation_id"]) ?? GrokConversation.id(meta["_id"])
            let done = file.size * Int64(i + 1) / Int64(max(list.count, 1))
            let paths = assetPaths
            let read: () throws -> SourceConversation = {
                var c = try GrokConversation.read(item)
                for j in c.assets.indices { c.assets[j].exportPath = paths[c.assets[j].pointer] }
                return c
            }
            try stream.push(read, contentHash: ContentHash.hex(of: canonical), file: file, offset: 0, bytesDone: done, fallbackID: fallbackID)
        }
        return list.count
    }
}
