import Foundation

/// Claude artifacts rebuilt from the tool calls on the visible thread: the
/// `artifacts` tool's `create`/`rewrite` (whole content) and `update` (`old_str` → `new_str` on the
/// previous version), and the file tools' `create_file` (whole text) and `str_replace`. Each artifact is
/// a document of the conversation, shown after the last message that changed it.
enum ClaudeArtifacts {
    static func documents(visible messages: [(id: String, object: [String: Any])]) -> [ConversationRecord.Document] {
        var docs: [String: ConversationRecord.Document] = [:]
        var order: [String] = []
        for (nodeID, m) in messages {
            for case let block as [String: Any] in JSONAccess.array(m["content"]) ?? [] where JSONAccess.string(block["type"]) == "tool_use" {
                guard let input = JSONAccess.object(block["input"]) else { continue }
                let tool = JSONAccess.string(block["name"]) ?? ""
                var key: String?, content: String?, title: String?, type: String?
                var replace: (old: String, new: String)?
                switch tool {
                case "artifacts":
                    key = JSONAccess.string(input["id"])
                    title = JSONAccess.string(input["title"])
                    type = JSONAccess.string(input["type"]) ?? JSONAccess.string(input["language"])
                    switch JSONAccess.string(input["command"]) ?? "create" {
                    case "create", "rewrite": content = JSONAccess.string(input["content"])
                    case "update":
                        if let old = JSONAccess.string(input["old_str"]), let new = JSONAccess.string(input["new_str"]) { replace = (old, new) }
                    default: continue
                    }
                case "create_file":
                    key = JSONAccess.string(input["path"]); content = JSONAccess.string(input["file_text"]); title = key.map { ($0 as NSString).lastPathComponent }
                case "str_replace":
                    key = JSONAccess.string(input["path"])
                    if let old = JSONAccess.string(input["old_str"]), let new = JSONAccess.string(input["new_str"]) { replace = (old, new) }
                default:
                    continue
                }
                guard let id = key.map({ String($0.prefix(64)) }), !id.isEmpty else { continue }
                var doc = docs[id] ?? ConversationRecord.Document(id: id, kind: "artifact", title: nil, type: nil, nodeID: nil, version: 0, content: nil)
                if docs[id] == nil { order.append(id) }
                if let title { doc.title = String(title.prefix(1024)) }
                if let type { doc.type = String(type.prefix(64)) }
                if let content {
                    doc.content = content
                } else if let (old, new) = replace, let current = doc.content, let range = current.range(of: old) {
                    doc.content = current.replacingCharacters(in: range, with: new)
                } else {
                    continue  // an update that does not apply changes nothing
                }
                doc.version = (doc.version ?? 0) + 1
                doc.nodeID = nodeID
                docs[id] = doc
            }
        }
        return order.compactMap { docs[$0] }
    }
}
