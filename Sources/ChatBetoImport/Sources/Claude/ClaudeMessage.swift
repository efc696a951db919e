import Foundation

/// One Claude message as nodes: a hidden node per content block that is not shown (thinking, tool
/// use and results, injected prompts, unknown types) and per attachment's extracted text, chained in
/// order before the message's own node, whose text is what claude.ai shows.
enum ClaudeMessage {
    /// Block types whose `text` is the visible text.
    static let visibleTypes: Set<String> = ["text", "voice_note"]
    /// Block types with nothing worth a node of its own (kept in the message's raw JSON).
    static let silentTypes: Set<String> = ["token_budget"]

    /// `taken`: the conversation's message uuids, which a hidden node's id (`<uuid>#<n>`) must not be.
    static func nodes(id: String, message m: [String: Any], parent: String?, model: String?, taken: Set<String>,
                      repairs: inout [(nodeID: String?, problem: String)], assets: inout [ConversationRecord.Asset]) -> [ConversationRecord.Message] {
        let role = JSONAccess.string(m["sender"]) == "human" ? "user" : "assistant"
        let time = SourceTime.from(m["created_at"])
        var blocks = JSONAccess.array(m["content"])
        if blocks == nil, let s = m["content"] as? String,
           let parsed = try? JSONSerialization.jsonObject(with: Data(s.utf8)) as? [Any] {
            blocks = parsed
            repairs.append((id, "its content is a JSON string holding the block list; read as the list"))
        }
        var hidden: [ConversationRecord.Message] = []
        func hide(_ text: String?, role: String, type: String, author: String? = nil, raw: Any? = nil) {
            var nodeID = "\(id)#\(hidden.count + 1)"
            while taken.contains(nodeID) { nodeID += "'" }
            hidden.append(SourceConversation.node(nodeID, parent: hidden.last?.nodeID ?? parent, role: role, text: text,
                                                  createTime: time, hidden: true, contentType: type, authorName: author,
                                                  raw: raw.flatMap(JSONAccess.serialise)))
        }
        var text: String
        var contentType = "text"
        if let blocks, !blocks.isEmpty {
            var parts: [String] = []
            for case let block as [String: Any] in blocks {
                let type = JSONAccess.string(block["type"]) ?? "unknown"
                if visibleTypes.contains(type) {
                    parts.append(JSONAccess.string(block["text"]) ?? "")
                    if type == "voice_note" { contentType = "voice_note" }
                    continue
                }
                switch type {
                case _ where silentTypes.contains(type):
                    continue
                case "thinking":
                    let summaries = (JSONAccess.array(block["summaries"]) ?? []).compactMap { JSONAccess.string(JSONAccess.object($0)?["summary"]) }
                    let thought = JSONAccess.string(block["thinking"]).flatMap { $0.isEmpty ? nil : $0 } ?? summaries.joined(separator: "\n")
                    hide(thought, role: "assistant", type: "thoughts", raw: block)
                case "tool_use":
                    let input = block["input"].flatMap(JSONAccess.serialise)
                    hide(input, role: "assistant", type: "tool_use", author: JSONAccess.string(block["name"]), raw: block)
                case "tool_result":
                    let texts = (JSONAccess.array(block["content"]) ?? []).compactMap { item -> String? in
                        guard let o = item as? [String: Any] else { return item as? String }
                        return JSONAccess.string(o["text"]) ?? JSONAccess.string(o["title"])
                    }
                    hide(texts.joined(separator: "\n\n"), role: "tool", type: "tool_result", author: JSONAccess.string(block["name"]), raw: block)
                case "injected_prompt_block":
                    hide(JSONAccess.string(block["prompt"]), role: "system", type: "injected_prompt", raw: block)
                case "document", "image":
                    let name = JSONAccess.string(block["title"]) ?? JSONAccess.string(block["file_uuid"]) ?? type
                    assets.append(asset(id, assets.count, pointer: name, kind: type))
                default:
                    hide(nil, role: role, type: type, raw: block)
                }
            }
            text = parts.joined(separator: "\n\n")
        } else {
            text = JSONAccess.string(m["text"]) ?? ""
        }
        // Attachments' extracted text beside the message; file references as assets (bytes are never exported).
        var attachmentNames: Set<String> = []
        for case let a as [String: Any] in JSONAccess.array(m["attachments"]) ?? [] {
            let name = JSONAccess.string(a["file_name"]) ?? ""
            if !name.isEmpty { attachmentNames.insert(name) }
            hide(JSONAccess.string(a["extracted_content"]), role: role, type: "attachment", author: name.isEmpty ? "(pasted text)" : name, raw: a)
            assets.append(asset(id, assets.count, pointer: name.isEmpty ? "(pasted text)" : name, kind: "attachment",
                                mime: JSONAccess.string(a["file_type"]), size: JSONAccess.double(a["file_size"]).map { Int64($0) }))
        }
        for case let f as [String: Any] in JSONAccess.array(m["files"]) ?? [] {
            let name = JSONAccess.string(f["file_name"]) ?? ""
            if !name.isEmpty, attachmentNames.contains(name) { continue }  // the same upload, listed twice since 2026
            assets.append(asset(id, assets.count, pointer: name.isEmpty ? (JSONAccess.string(f["file_uuid"]) ?? "(unnamed file)") : name, kind: "file"))
        }
        let main = SourceConversation.node(id, parent: hidden.last?.nodeID ?? parent, role: role, text: text, createTime: time,
                                           hidden: false, contentType: contentType, modelSlug: role == "assistant" ? model : nil,
                                           raw: JSONAccess.serialise(m))
        return hidden + [main]
    }

    private static func asset(_ node: String, _ position: Int, pointer: String, kind: String, mime: String? = nil,
                              size: Int64? = nil) -> ConversationRecord.Asset {
        ConversationRecord.Asset(nodeID: node, position: position, pointer: String(pointer.prefix(255)), kind: kind, exportPath: nil,
                                 mimeType: mime.map { String($0.prefix(128)) }, sizeBytes: size,
                                 fileName: pointer.hasPrefix("(") ? nil : String(pointer.prefix(512)))
    }
}
