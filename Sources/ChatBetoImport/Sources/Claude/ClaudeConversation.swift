import Foundation

/// One Claude.ai conversation (`conversations.json` element, or an API-shaped single object) read by the
/// rules Claude.ai itself shows a thread by: tree mode through `parent_message_uuid`, flat mode by time with
/// same-sender runs collapsed to their last message; text from `text`/`voice_note` blocks only.
/// Thinking, tool calls and results, injected prompts and attachments' extracted text become hidden
/// nodes just before their message, as ChatGPT's hidden nodes are (shown by `show --hidden`).
enum ClaudeConversation {
    /// The fixed root id of every tree; not a message.
    static let sentinel = "00000000-0000-4000-8000-000000000000"

    /// Conversation keys stored in their own columns or as messages; the rest go to `extra`.
    private static let columnKeys: Set<String> = ["uuid", "name", "created_at", "updated_at", "chat_messages",
                                                  "current_leaf_message_uuid", "project_uuid", "project", "model"]

    /// Whether a JSON object looks like a Claude conversation.
    static func recognises(_ object: [String: Any]) -> Bool {
        object["chat_messages"] != nil && object["uuid"] is String && object["mapping"] == nil
    }

    /// The conversation as a `SourceConversation`. Throws `ConversationTree.Problem` when it cannot be kept.
    static func read(_ object: [String: Any]) throws -> SourceConversation {
        guard let id = JSONAccess.string(object["uuid"]), !id.isEmpty else {
            throw ConversationTree.Problem(reason: "the conversation has no uuid")
        }
        guard object["chat_messages"] == nil || object["chat_messages"] is [Any] else {
            throw ConversationTree.Problem(reason: "chat_messages is not a list")
        }
        let model = JSONAccess.string(object["model"])
        let project = JSONAccess.object(object["project"])
        var out = SourceConversation(
            provider: "claude", id: id, title: JSONAccess.string(object["name"]),
            createTime: SourceTime.from(object["created_at"]), updateTime: SourceTime.from(object["updated_at"]),
            defaultModelSlug: model,
            projectID: JSONAccess.string(object["project_uuid"]) ?? JSONAccess.string(project?["uuid"]),
            projectName: JSONAccess.string(project?["name"]))
        out.extra = JSONAccess.serialise(object.filter { !columnKeys.contains($0.key) })

        // Index the messages; a later duplicate uuid is ignored, other senders left out.
        var messages: [(index: Int, id: String, object: [String: Any])] = []
        var seen: Set<String> = []
        for (index, value) in (JSONAccess.array(object["chat_messages"]) ?? []).enumerated() {
            guard let m = value as? [String: Any] else {
                out.repairs.append((nil, "chat_messages[\(index)] is not an object; left out"))
                continue
            }
            guard let uuid = JSONAccess.string(m["uuid"]), !uuid.isEmpty else {
                out.repairs.append((nil, "chat_messages[\(index)] has no uuid; left out"))
                continue
            }
            guard uuid.utf8.count <= 56 else {
                out.repairs.append((nil, "chat_messages[\(index)] has a uuid over 56 bytes; left out"))
                continue
            }
            guard seen.insert(uuid).inserted else {
                out.repairs.append((uuid, "a second message with this uuid; the first is kept"))
                continue
            }
            let sender = JSONAccess.string(m["sender"])
            guard sender == "human" || sender == "assistant" else {
                out.repairs.append((uuid, "sender '\(sender ?? "none")' is neither human nor assistant; left out"))
                continue
            }
            messages.append((index, uuid, m))
        }

        let leafKey = JSONAccess.string(object["current_leaf_message_uuid"])
        let treeMode = (leafKey.map(seen.contains) ?? false)
            || messages.contains { !(JSONAccess.string($0.object["parent_message_uuid"]) ?? "").isEmpty }
        let (parents, path) = treeMode ? tree(messages, leaf: leafKey, repairs: &out.repairs) : flat(messages)

        // Nodes in array order (tree exports put parents first; flat ones are chains by time).
        let order = treeMode ? messages.map(\.id) : path + messages.map(\.id).filter { !Set(path).contains($0) }
        let byID = Dictionary(messages.map { ($0.id, $0.object) }, uniquingKeysWith: { a, _ in a })
        var chains: [String: [String]] = [:]   // message → its hidden chain's nodes and its own, in order
        for id in order {
            guard let m = byID[id] else { continue }
            let nodes = ClaudeMessage.nodes(id: id, message: m, parent: parents[id] ?? nil, model: model, taken: seen,
                                            repairs: &out.repairs, assets: &out.assets)
            chains[id] = nodes.map(\.nodeID)
            out.nodes += nodes
        }
        // The visible path runs through each message's hidden chain.
        out.visiblePath = path.flatMap { id in chains[id] ?? [] }
        out.documents = ClaudeArtifacts.documents(visible: path.compactMap { id in byID[id].map { (id, $0) } })
        return out
    }

    /// Tree mode: parents from `parent_message_uuid` (sentinel, null, "" and unknown ids are roots) and
    /// the walk from the leaf.
    private static func tree(_ messages: [(index: Int, id: String, object: [String: Any])], leaf leafKey: String?,
                             repairs: inout [(nodeID: String?, problem: String)]) -> ([String: String?], [String]) {
        let ids = Set(messages.map(\.id))
        var parent: [String: String?] = [:]
        var children: [String: Int] = [:]
        var missing: Set<String> = []
        for m in messages {
            let p = JSONAccess.string(m.object["parent_message_uuid"])
            if let p, !p.isEmpty, p != sentinel {
                if ids.contains(p), p != m.id {
                    parent[m.id] = p
                    children[p, default: 0] += 1
                } else {
                    parent[m.id] = .some(nil)
                    missing.insert(m.id)
                    repairs.append((m.id, p == m.id ? "its parent is itself; kept as a first turn"
                                          : "its parent '\(p.prefix(40))' is not in the conversation; kept as a first turn, the visible thread stops here"))
                }
            } else {
                parent[m.id] = .some(nil)
            }
        }
        // Cut cycles: a link that leads back into the walk it started becomes a root.
        var reachesRoot: Set<String> = []
        for m in messages {
            var walk: [String] = []
            var onWalk: Set<String> = []
            var at = m.id
            while !reachesRoot.contains(at) {
                guard let p = parent[at] ?? nil else { break }
                walk.append(at); onWalk.insert(at)
                if onWalk.contains(p) {
                    parent[at] = .some(nil)
                    children[p, default: 1] -= 1
                    repairs.append((at, "its parent link closes a cycle; cut, kept as a first turn"))
                    break
                }
                at = p
            }
            reachesRoot.formUnion(walk); reachesRoot.insert(at)
        }
        var leaf = leafKey.flatMap { ids.contains($0) ? $0 : nil }
        if leaf == nil, let last = messages.last {
            leaf = last.id
            if children[last.id, default: 0] > 0 {
                let leaves = messages.filter { children[$0.id, default: 0] == 0 }
                let latest = leaves.max { a, b in
                    let ta = SourceTime.from(a.object["created_at"]) ?? "", tb = SourceTime.from(b.object["created_at"]) ?? ""
                    return ta == tb ? a.index < b.index : ta < tb
                }
                leaf = latest?.id ?? last.id
                repairs.append((leaf, "the last message has replies; the visible thread ends at the latest leaf instead"))
            }
        }
        var path: [String] = []
        var at = leaf
        while let node = at {
            path.append(node)
            if missing.contains(node) { break }
            at = parent[node] ?? nil
        }
        return (parent, path.reversed())
    }

    /// Flat mode: sort by (time, human first, array order); in each same-sender run only the last is
    /// visible, the others are its siblings (branches).
    private static func flat(_ messages: [(index: Int, id: String, object: [String: Any])]) -> ([String: String?], [String]) {
        let sorted = messages.sorted { a, b in
            let ta = SourceTime.from(a.object["created_at"]) ?? "", tb = SourceTime.from(b.object["created_at"]) ?? ""
            if ta != tb { return ta < tb }
            let ra = JSONAccess.string(a.object["sender"]) == "human" ? 0 : 1
            let rb = JSONAccess.string(b.object["sender"]) == "human" ? 0 : 1
            return ra != rb ? ra < rb : a.index < b.index
        }
        var runs: [[String]] = []
        var lastSender: String?
        for m in sorted {
            let sender = JSONAccess.string(m.object["sender"])
            if sender == lastSender, !runs.isEmpty { runs[runs.count - 1].append(m.id) } else { runs.append([m.id]) }
            lastSender = sender
        }
        var parent: [String: String?] = [:]
        var path: [String] = []
        for run in runs {
            for id in run { parent[id] = .some(path.last) }
            path.append(run.last!)
        }
        return (parent, path)
    }
}
