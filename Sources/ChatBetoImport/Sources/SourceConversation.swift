import Foundation

/// A conversation of another provider, in the neutral shape its reader produces: message nodes with
/// parent ids (hidden nodes included), the visible path, assets. `record` turns it into the
/// `ConversationRecord` every import writes, so the planner, tree merge and writer are shared.
struct SourceConversation {
    var provider: String
    var id: String
    var title: String?
    var createTime: String?
    var updateTime: String?
    var defaultModelSlug: String?
    var projectID: String?
    var projectName: String?
    /// Other top-level keys, as JSON.
    var extra: String?
    /// Every node, parents before children where the export allows (the order gives sibling order).
    var nodes: [ConversationRecord.Message] = []
    /// The visible thread, root first (hidden nodes on it included).
    var visiblePath: [String] = []
    var assets: [ConversationRecord.Asset] = []
    /// Documents of the conversation (Claude's artifacts).
    var documents: [ConversationRecord.Document] = []
    var repairs: [(nodeID: String?, problem: String)] = []

    /// A node with the fields every reader sets; the rest stay nil.
    static func node(_ id: String, parent: String?, role: String?, text: String?, createTime: String?,
                     hidden: Bool, contentType: String? = nil, authorName: String? = nil, modelSlug: String? = nil,
                     raw: String? = nil) -> ConversationRecord.Message {
        var m = ConversationRecord.Message(nodeID: StoredID.fitting(id), parentID: parent.map(StoredID.fitting), childIndex: 0,
                                           visibleIndex: nil, isHidden: hidden, isIncomplete: false)
        m.role = role.map { String($0.prefix(16)) }
        m.text = text
        m.createTime = createTime
        m.updateTime = createTime
        m.contentType = contentType.map { String($0.prefix(64)) }
        m.authorName = authorName.map { String($0.prefix(128)) }
        m.modelSlug = modelSlug.map { String($0.prefix(64)) }
        m.raw = raw
        return m
    }

    /// The record to write; texts and raw JSON over the limits are cut as for ChatGPT and reported.
    func record(contentHash: String, limits: ImportLimits) throws -> ConversationRecord {
        guard !id.isEmpty else { throw ConversationTree.Problem(reason: "the conversation has no id") }
        guard id.utf8.count <= 64 else {
            throw ConversationTree.Problem(reason: "the conversation id is longer than the 64 bytes chatbeto stores (\(id.utf8.count) bytes)")
        }
        var repairs = repairs
        var siblings: [String: Int] = [:]
        var visibleIndex: [String: Int] = [:]
        for (i, n) in visiblePath.enumerated() { visibleIndex[n] = i }
        // A reader's second node of one id would fail the whole file at the writer (a duplicate key).
        var seenNodes: Set<String> = []
        var rows: [ConversationRecord.Message] = []
        for var node in nodes {
            guard seenNodes.insert(node.nodeID).inserted else {
                repairs.append((node.nodeID, "a second node with this id; the first is kept"))
                continue
            }
            if node.parentID == node.nodeID {
                node.parentID = nil
                repairs.append((node.nodeID, "its parent is itself; kept as a first turn"))
            }
            rows.append(node)
        }
        for i in rows.indices {
            let key = rows[i].parentID ?? "\u{0}root"
            rows[i].childIndex = siblings[key, default: 0]
            siblings[key, default: 0] += 1
            rows[i].visibleIndex = visibleIndex[rows[i].nodeID]
            if let text = rows[i].text, let cut = limits.truncated(text) {
                rows[i].text = cut
                rows[i].raw = nil
                repairs.append((rows[i].nodeID, "its text of \(text.utf8.count) bytes is over the \(limits.messageBytes)-byte limit; stored truncated with a marker, original JSON not kept"))
            }
            if let raw = rows[i].raw, raw.utf8.count > limits.messageBytes {
                rows[i].raw = nil
                repairs.append((rows[i].nodeID, "its JSON of \(raw.utf8.count) bytes is over the \(limits.messageBytes)-byte limit; not kept (the text is)"))
            }
        }
        var title = self.title
        if let t = title, t.count > 1024 {
            title = String(t.prefix(1024))
            repairs.append((nil, "its title of \(t.count) characters is cut to the 1024 that chatbeto stores"))
        }
        var record = ConversationRecord(provider: provider, id: id, title: title, createTime: createTime, updateTime: updateTime,
                                  projectGizmoID: projectID.map { String($0.prefix(64)) }, projectName: projectName,
                                  defaultModelSlug: defaultModelSlug.map { String($0.prefix(64)) }, currentNode: visiblePath.last,
                                  extra: extra, contentHash: contentHash, messages: rows, assets: assets, repairs: repairs)
        record.documents = documents
        return record
    }
}

extension ConversationRecord {
    /// A record assembled by another provider's reader (`SourceConversation.record`).
    init(provider: String, id: String, title: String?, createTime: String?, updateTime: String?, projectGizmoID: String?,
         projectName: String?, defaultModelSlug: String?, currentNode: String?, extra: String?, contentHash: String,
         messages: [Message], assets: [Asset], repairs: [(nodeID: String?, problem: String)]) {
        self.id = id
        self.provider = provider
        self.title = title
        self.createTime = createTime
        self.updateTime = updateTime
        self.gizmoID = nil
        self.gizmoType = nil
        self.projectGizmoID = projectGizmoID
        self.projectName = projectName
        self.defaultModelSlug = defaultModelSlug
        self.currentNode = currentNode
        self.isArchived = false
        self.extra = extra
        self.contentHash = contentHash
        self.messages = messages
        self.assets = assets
        self.repairs = repairs
    }
}
