import ChatBetoSupport
import Foundation

/// A ChatGPT conversation object (full or slim format) read into the common record.
extension ConversationRecord {
    /// Top-level keys stored in their own columns or as messages; the rest go to `extra`.
    private static let columnKeys: Set<String> = [
        "id", "conversation_id", "title", "create_time", "update_time", "mapping", "current_node",
        "gizmo_id", "gizmo_type", "default_model_slug", "is_archived",
    ]

    /// Parses one conversation object. `fallbackID` names conversations that carry no id
    /// (files keyed by conversation). `messageRanges` (node id → its message's bytes in `bytes`) comes from
    /// the parser; without it the messages are found by scanning `bytes` again.
    init(chatGPT object: [String: Any], bytes: Data, contentHash: String, fallbackID: String?, assets index: AssetIndex,
         limits: ImportLimits = ImportLimits(), messageRanges: [String: Range<Int>]? = nil) throws {
        guard let id = JSONAccess.string(object["id"]) ?? JSONAccess.string(object["conversation_id"]) ?? fallbackID,
              !id.isEmpty else {
            throw ConversationTree.Problem(reason: "the conversation has no id")
        }
        guard id.utf8.count <= 64 else {
            throw ConversationTree.Problem(reason: "the conversation id is longer than the 64 bytes chatbeto stores (\(id.utf8.count) bytes)")
        }
        self.id = id
        guard let mapping = object["mapping"] as? [String: Any] else {
            throw ConversationTree.Problem(reason: object["mapping"] == nil ? "the conversation has no mapping" : "mapping is not an object")
        }
        var nodes: [String: [String: Any]] = [:]
        var messages: [String: [String: Any]] = [:]
        for (key, value) in mapping {
            guard let node = value as? [String: Any] else { throw ConversationTree.Problem(reason: "mapping node '\(key)' is not an object") }
            guard key.utf8.count <= 64 else {
                throw ConversationTree.Problem(reason: "mapping node id '\(key.prefix(80))…' is longer than the 64 bytes chatbeto stores (\(key.utf8.count) bytes)")
            }
            if let m = node["message"], !JSONAccess.isNull(m) {
                guard let message = m as? [String: Any] else { throw ConversationTree.Problem(reason: "the message of node '\(key)' is not an object") }
                messages[key] = message
            }
            nodes[key] = node
        }
        let currentNode = JSONAccess.string(object["current_node"])
        let tree = ConversationTree(nodes: nodes, currentNode: currentNode) { SQLTimestamp.seconds(messages[$0]?["create_time"]) }
        let rawMessages = messageRanges.map { ranges in
            bytes.withUnsafeBytes { b in ranges.mapValues { String(decoding: UnsafeRawBufferPointer(rebasing: b[$0]), as: UTF8.self) } }
        } ?? RawMessageSlicer.messages(in: bytes)
        var visibleIndex: [String: Int] = [:]
        for (i, n) in tree.visiblePath.enumerated() { visibleIndex[n] = i }

        var rows: [Message] = []
        rows.reserveCapacity(tree.order.count)
        var assetRows: [Asset] = []
        var repairs: [(nodeID: String?, problem: String)] = tree.repairs.map { ($0.nodeID, $0.problem) }
        for nodeID in tree.order {
            var row = Message(nodeID: nodeID, parentID: tree.parent[nodeID], childIndex: tree.childIndex[nodeID] ?? 0,
                              visibleIndex: visibleIndex[nodeID], isHidden: true, isIncomplete: false)
            if let message = messages[nodeID] {
                let content = MessageContent(message: message)
                let author = JSONAccess.object(message["author"])
                let metadata = JSONAccess.object(message["metadata"])
                row.role = content.role.map { String($0.prefix(16)) }
                row.authorName = JSONAccess.string(author?["name"]).map { String($0.prefix(128)) }
                row.recipient = JSONAccess.string(message["recipient"]).map { String($0.prefix(128)) }
                row.channel = JSONAccess.string(message["channel"]).map { String($0.prefix(32)) }
                row.status = JSONAccess.string(message["status"]).map { String($0.prefix(48)) }
                row.endTurn = JSONAccess.bool(message["end_turn"])
                row.weight = JSONAccess.double(message["weight"])
                // The model per message: its own, else the message's or the conversation's default (assistants only,
                // as ChatGPT labels them). User messages never carry one.
                let slug = JSONAccess.string(metadata?["model_slug"]) ?? (row.role == "assistant"
                    ? JSONAccess.string(metadata?["default_model_slug"]) ?? JSONAccess.string(object["default_model_slug"]) : nil)
                row.modelSlug = slug.map { String($0.prefix(64)) }
                row.contentType = content.contentType.map { String($0.prefix(64)) }
                row.text = content.text
                if let text = row.text, let cut = limits.truncated(text) {
                    row.text = cut
                    repairs.append((nodeID, "its text of \(text.utf8.count) bytes is over the \(limits.messageBytes)-byte limit; stored truncated with a marker, original JSON not kept"))
                }
                row.createTime = SQLTimestamp.from(message["create_time"])
                row.updateTime = SQLTimestamp.from(message["update_time"])
                row.isHidden = content.isHidden
                let finish = JSONAccess.string(JSONAccess.object(metadata?["finish_details"])?["type"])
                row.isIncomplete = row.status == "in_progress" || row.status == "finished_partial_completion" || finish == "interrupted"
                row.raw = rawMessages[nodeID] ?? JSONAccess.serialise(message)
                if let raw = row.raw, raw.utf8.count > limits.messageBytes {
                    row.raw = nil
                    if !repairs.contains(where: { $0.nodeID == nodeID }) {
                        repairs.append((nodeID, "its JSON of \(raw.utf8.count) bytes is over the \(limits.messageBytes)-byte limit; not kept (the text is)"))
                    }
                }
                let attachmentNames = Dictionary(content.assets.compactMap { a in
                    a.name.flatMap { n in AssetIndex.fileID(fromPointer: a.pointer).map { ($0, n) } } }, uniquingKeysWith: { a, _ in a })
                // Files the library links to this message that the message itself does not name (2026 exports).
                let named = Set(content.assets.compactMap { AssetIndex.fileID(fromPointer: $0.pointer) })
                let linked = index.uploads(forMessage: JSONAccess.string(message["id"]) ?? nodeID).filter { !named.contains($0) }
                    .map { MessageContent.Asset(pointer: $0, kind: "attachment", mimeType: nil, sizeBytes: nil) }
                for (position, asset) in (content.assets + linked).enumerated() {
                    let name = index.name(for: asset.pointer) ?? asset.name
                        ?? AssetIndex.fileID(fromPointer: asset.pointer).flatMap { attachmentNames[$0] }
                    let mime = index.path(for: asset.pointer) != nil ? index.mimeType(for: asset.pointer) ?? asset.mimeType
                        : asset.mimeType ?? index.mimeType(for: asset.pointer)
                    assetRows.append(Asset(nodeID: nodeID, position: position, pointer: String(asset.pointer.prefix(255)),
                                           kind: asset.kind, exportPath: index.path(for: asset.pointer),
                                           mimeType: mime.map { String($0.prefix(128)) }, sizeBytes: asset.sizeBytes,
                                           fileName: name.map { String($0.prefix(512)) }))
                }
            }
            rows.append(row)
        }
        // Canvas documents and deep-research reports, rebuilt from the tool traffic on the visible thread.
        self.documents = ChatGPTDocuments(rows: &rows, messages: messages, path: tree.visiblePath).documents
        self.messages = rows
        self.assets = assetRows
        let title = JSONAccess.string(object["title"])
        self.title = title.map { String($0.prefix(1024)) }
        if let title, title.count > 1024 {
            repairs.append((nil, "its title of \(title.count) characters is cut to the 1024 that chatbeto stores"))
        }
        self.createTime = SQLTimestamp.from(object["create_time"])
        self.updateTime = SQLTimestamp.from(object["update_time"])
        let gizmo = JSONAccess.string(object["gizmo_id"]) ?? JSONAccess.string(object["conversation_template_id"])
        self.gizmoID = gizmo.map { String($0.prefix(64)) }
        self.gizmoType = JSONAccess.string(object["gizmo_type"]).map { String($0.prefix(16)) }
        if let g = gizmoID, g.hasPrefix("g-p-") || gizmoType == "snorlax" {
            projectGizmoID = ChatGPTProjectID.withoutSlug(g)
        } else {
            projectGizmoID = nil
        }
        self.defaultModelSlug = JSONAccess.string(object["default_model_slug"]).map { String($0.prefix(64)) }
        self.currentNode = tree.visiblePath.last
        self.isArchived = JSONAccess.bool(object["is_archived"]) ?? false
        self.extra = RawMessageSlicer.otherMembers(in: bytes, excluding: ConversationRecord.columnKeys)
        self.contentHash = contentHash
        self.repairs = repairs
    }
}
