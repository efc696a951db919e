import Foundation

/// What chatbeto reads out of one export message: its displayable text, whether ChatGPT hides it,
/// and the files it refers to. Unknown content and part types are kept (raw JSON) and read as well as
/// their shape allows.
struct MessageContent {
    /// A file a message points at.
    struct Asset: Sendable, Equatable {
        let pointer: String
        let kind: String
        let mimeType: String?
        let sizeBytes: Int64?
        /// The name the message gives the file (`metadata.attachments[].name`).
        var name: String? = nil
    }

    let role: String?
    let contentType: String?
    let text: String?
    let isHidden: Bool
    let assets: [Asset]

    init(message: [String: Any]) {
        let author = JSONAccess.object(message["author"])
        let role = JSONAccess.string(author?["role"])
        let content = JSONAccess.object(message["content"]) ?? [:]
        let contentType = JSONAccess.string(content["content_type"])
        let metadata = JSONAccess.object(message["metadata"]) ?? [:]
        var assets: [Asset] = []
        let text = MessageContent.text(content: content, contentType: contentType, metadata: metadata, assets: &assets)
        for case let a as [String: Any] in JSONAccess.array(metadata["attachments"]) ?? [] {
            guard let id = JSONAccess.string(a["id"]) else { continue }
            assets.append(Asset(pointer: id, kind: "attachment", mimeType: JSONAccess.string(a["mime_type"]),
                                sizeBytes: JSONAccess.double(a["size"]).map { Int64($0) }, name: JSONAccess.string(a["name"])))
        }
        self.role = role
        self.contentType = contentType
        self.text = text
        self.assets = assets
        self.isHidden = MessageContent.hidden(role: role, contentType: contentType, text: text, assets: assets,
                                              message: message, metadata: metadata)
    }

    /// ChatGPT's own rule for what the thread shows.
    private static func hidden(role: String?, contentType: String?, text: String?, assets: [Asset],
                               message: [String: Any], metadata: [String: Any]) -> Bool {
        if JSONAccess.bool(metadata["is_visually_hidden_from_conversation"]) == true { return true }
        if let weight = JSONAccess.double(message["weight"]), weight == 0 { return true }
        switch contentType {
        case "user_editable_context", "model_editable_context", "thoughts", "reasoning_recap": return true
        default: break
        }
        if let channel = JSONAccess.string(message["channel"]), channel == "commentary" || channel == "analysis" { return true }
        let showsImage = assets.contains { $0.kind == "image" }
        switch role {
        case "user":
            return false
        case "assistant":
            if let recipient = JSONAccess.string(message["recipient"]), recipient != "all" { return true }
            return (text ?? "").allSatisfy(\.isWhitespace) && assets.isEmpty
        case "tool", "function":
            return !showsImage
        default:
            return true  // system and anything unknown
        }
    }

    private static func text(content: [String: Any], contentType: String?, metadata: [String: Any],
                             assets: inout [Asset]) -> String? {
        func s(_ key: String) -> String? { JSONAccess.string(content[key]) }
        func lines(_ values: String?...) -> String? {
            let kept = values.compactMap { $0 }.filter { !$0.isEmpty }
            return kept.isEmpty ? nil : kept.joined(separator: "\n")
        }
        switch contentType {
        case "text", "multimodal_text", nil:
            if let parts = JSONAccess.array(content["parts"]) {
                let joined = parts.map { part(part: $0, assets: &assets) }.joined()
                if contentType == "text", joined.isEmpty, JSONAccess.bool(metadata["is_user_system_message"]) == true {
                    return customInstructions(metadata)
                }
                return joined
            }
            return s("text")
        case "code", "execution_output", "computer_output", "tether_browsing_code":
            return s("text")
        case "tether_quote", "sonic_webpage":
            return lines(s("title"), s("url"), s("text"))
        case "tether_browsing_display":
            return lines(s("result"), s("summary"))
        case "system_error":
            return lines([s("name"), s("text")].compactMap { $0 }.joined(separator: ": "))
        case "user_editable_context":
            return lines(s("user_profile"), s("user_instructions"))
        case "model_editable_context":
            return s("model_set_context")
        case "reasoning_recap":
            return s("content")
        case "thoughts":
            let thoughts = (JSONAccess.array(content["thoughts"]) ?? []).compactMap { $0 as? [String: Any] }
            let texts = thoughts.map { lines(JSONAccess.string($0["summary"]), JSONAccess.string($0["content"])) ?? "" }
            return lines(texts.filter { !$0.isEmpty }.joined(separator: "\n\n"))
        default:
            // Unknown content types: the usual text-bearing keys, if any.
            if let parts = JSONAccess.array(content["parts"]) { return parts.map { part(part: $0, assets: &assets) }.joined() }
            return s("text") ?? s("content") ?? s("result")
        }
    }

    /// One element of `parts`: a string, or an object (image, audio, transcription, or unknown).
    private static func part(part: Any, assets: inout [Asset]) -> String {
        if let s = part as? String { return s }
        guard let o = part as? [String: Any] else { return "" }
        let type = JSONAccess.string(o["content_type"])
        // A voice turn of the user wraps its audio (and camera video, frames) in one part.
        if type == "real_time_user_audio_video_asset_pointer" {
            var nested: [Any] = [o["audio_asset_pointer"], o["video_container_asset_pointer"]].compactMap { $0 }
            nested += JSONAccess.array(o["frames_asset_pointers"]) ?? []
            return nested.map { self.part(part: $0, assets: &assets) }.joined()
        }
        if let pointer = JSONAccess.string(o["asset_pointer"]) {
            let kind = type?.contains("audio") == true ? "audio" : (type?.contains("video") == true ? "video" : "image")
            assets.append(Asset(pointer: pointer, kind: kind, mimeType: nil,
                                sizeBytes: JSONAccess.double(o["size_bytes"]).map { Int64($0) }))
            if kind == "image" {
                let dalle = JSONAccess.object(JSONAccess.object(o["metadata"])?["dalle"])
                if let prompt = JSONAccess.string(dalle?["prompt"]), !prompt.isEmpty { return "[image: \(prompt)]\n" }
                return "[image]\n"
            }
            return ""
        }
        if let text = JSONAccess.string(o["text"]) { return text }
        return ""
    }

    /// The pre-2025 custom-instructions message: a system message with empty parts.
    private static func customInstructions(_ metadata: [String: Any]) -> String? {
        let data = JSONAccess.object(metadata["user_context_message_data"])
        let kept = [JSONAccess.string(data?["about_user_message"]), JSONAccess.string(data?["about_model_message"])]
            .compactMap { $0 }.filter { !$0.isEmpty }
        return kept.isEmpty ? "" : kept.joined(separator: "\n")
    }
}
