import Foundation

/// One Grok conversation (`prod-grok-backend.json` → `conversations[]`): `{conversation, responses:
/// [{response, share_link}]}`, a response tree through `parent_response_id`, ids as `response_id` or
/// `_id` (possibly `{"$oid"}`), times as ISO strings or MongoDB `$date`.
enum GrokConversation {
    private static let columnKeys: Set<String> = ["conversation_id", "_id", "id", "title", "create_time", "modify_time", "leaf_response_id"]

    /// Whether a top-level JSON object is a Grok backend export.
    static func recognises(_ object: [String: Any]) -> Bool {
        guard let list = object["conversations"] as? [Any] else { return false }
        guard let first = list.first as? [String: Any] else { return list.isEmpty && object["media_posts"] != nil }
        return first["responses"] is [Any]
    }

    static func id(_ v: Any?) -> String? {
        if let s = v as? String { return s.isEmpty ? nil : s }
        if let o = v as? [String: Any] { return JSONAccess.string(o["$oid"]) }
        return nil
    }

    static func read(_ item: [String: Any]) throws -> SourceConversation {
        let meta = JSONAccess.object(item["conversation"]) ?? item
        guard let cid = id(meta["conversation_id"]) ?? id(meta["_id"]) ?? id(meta["id"]) else {
            throw ConversationTree.Problem(reason: "the conversation has no conversation_id")
        }
        var out = SourceConversation(provider: "grok", id: cid, title: JSONAccess.string(meta["title"]),
                                     createTime: SourceTime.from(meta["create_time"]), updateTime: SourceTime.from(meta["modify_time"]))
        out.extra = JSONAccess.serialise(meta.filter { !columnKeys.contains($0.key) })
        var responses: [(id: String, object: [String: Any], index: Int)] = []
        var seen: Set<String> = []
        for (index, value) in (JSONAccess.array(item["responses"]) ?? []).enumerated() {
            guard let wrapper = value as? [String: Any] else {
                out.repairs.append((nil, "responses[\(index)] is not an object; left out")); continue
            }
            let r = JSONAccess.object(wrapper["response"]) ?? wrapper
            guard let rid = id(r["response_id"]) ?? id(r["_id"]) ?? id(r["responseId"]), rid.utf8.count <= 64 else {
                out.repairs.append((nil, "responses[\(index)] has no usable response id; left out")); continue
            }
            guard seen.insert(rid).inserted else { out.repairs.append((rid, "a second response with this id; the first is kept")); continue }
            responses.append((rid, r, index))
        }
        var parent: [String: String] = [:]
        var children: [String: Int] = [:]
        for r in responses {
            guard let p = id(r.object["parent_response_id"]) ?? id(r.object["parentResponseId"]) else { continue }
            if seen.contains(p), p != r.id { parent[r.id] = p; children[p, default: 0] += 1 } else {
                out.repairs.append((r.id, "its parent '\(p.prefix(40))' is not in the conversation; kept as a first message"))
            }
        }
        // Cut cycles so the stored tree has roots.
        for r in responses {
            var at = r.id, steps = 0
            while let p = parent[at], steps <= responses.count { at = p; steps += 1 }
            if steps > responses.count { parent[r.id] = nil; out.repairs.append((r.id, "its parent link closes a cycle; cut")) }
        }
        let times = Dictionary(responses.map { ($0.id, SourceTime.from($0.object["create_time"]) ?? "") }, uniquingKeysWith: { a, _ in a })
        var leaf = id(meta["leaf_response_id"]).flatMap { seen.contains($0) ? $0 : nil }
        if leaf == nil {
            leaf = responses.filter { children[$0.id, default: 0] == 0 }
                .max { (times[$0.id]!, $0.index) < (times[$1.id]!, $1.index) }?.id
        }
        var path: [String] = []
        var at = leaf
        while let node = at, path.count <= responses.count { path.append(node); at = parent[node] }
        out.visiblePath = path.reversed()
        // Parents before children: tree order by time.
        let ordered = responses.sorted { (times[$0.id]!, $0.index) < (times[$1.id]!, $1.index) }
        var lastUserModel: String?
        for r in ordered {
            let o = r.object
            let sender = (JSONAccess.string(o["sender"]) ?? "").lowercased()
            let role = sender == "human" || sender == "user" ? "user" : "assistant"
            let model = JSONAccess.string(o["model"])
                ?? JSONAccess.string(JSONAccess.object(JSONAccess.object(o["metadata"])?["requestModelDetails"])?["modelId"])
            if role == "user" { lastUserModel = model }
            let error = JSONAccess.string(o["error"]).flatMap { $0.isEmpty ? nil : $0 }
            var node = SourceConversation.node(r.id, parent: parent[r.id], role: role, text: JSONAccess.string(o["message"]) ?? "",
                                               createTime: times[r.id].flatMap { $0.isEmpty ? nil : $0 }, hidden: false,
                                               contentType: "text", modelSlug: role == "assistant" ? (model ?? lastUserModel) : nil,
                                               raw: JSONAccess.serialise(o))
            if let error { node.status = String(error.prefix(48)); node.isIncomplete = true }
            if let trace = JSONAccess.string(o["thinking_trace"]), !trace.isEmpty {
                // Thinking as a hidden node before the answer, as ChatGPT's thoughts are.
                var tid = StoredID.fitting("\(r.id)#thinking"), n = 1
                while seen.contains(tid) { n += 1; tid = StoredID.fitting("\(r.id)#thinking-\(n)") }
                out.nodes.append(SourceConversation.node(tid, parent: parent[r.id], role: "assistant", text: trace,
                                                         createTime: node.createTime, hidden: true, contentType: "thoughts"))
                node.parentID = tid
                if let i = out.visiblePath.firstIndex(of: r.id) { out.visiblePath.insert(tid, at: i) }
            }
            out.nodes.append(node)
            for (position, asset) in (JSONAccess.array(o["file_attachments"]) ?? []).enumerated() {
                guard let uuid = asset as? String else { continue }
                out.assets.append(ConversationRecord.Asset(nodeID: r.id, position: position, pointer: String(uuid.prefix(255)),
                                                           kind: "file", exportPath: nil, mimeType: nil, sizeBytes: nil))
            }
            for (i, url) in (JSONAccess.array(o["generated_image_urls"]) ?? []).enumerated() {
                guard let url = url as? String else { continue }
                out.assets.append(ConversationRecord.Asset(nodeID: r.id, position: 1000 + i, pointer: String(url.prefix(255)),
                                                           kind: "generated_image", exportPath: nil, mimeType: nil, sizeBytes: nil))
            }
        }
        return out
    }
}
