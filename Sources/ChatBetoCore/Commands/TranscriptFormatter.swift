/// Lays out a conversation as ChatGPT shows it: speaker headers, text, images as image lines.
struct TranscriptFormatter {
    let colors: Colors

    func header(_ c: ConversationSummary, project: String?) -> String {
        var s = colors.bold(c.displayTitle) + "\n"
        var meta = [c.id]
        if let project { meta.append(project) }
        if let t = c.createTime { meta.append(String(t.prefix(16))) }
        s += colors.dim(meta.joined(separator: " · ")) + "\n"
        return s
    }

    func message(_ m: StoredMessage, assets: [String], depth: Int = 0, marker: String = "") -> String {
        let speaker: String
        switch m.role {
        case "user": speaker = "You"
        case "assistant": speaker = "ChatGPT" + (m.modelSlug.map { " (\($0))" } ?? "")
        case "system": speaker = "System"
        case "tool": speaker = "Tool" + (m.authorName.map { " \($0)" } ?? "")
        default: speaker = m.role ?? "?"
        }
        let indent = String(repeating: "  ", count: depth)
        var line = indent + marker + colors.cyan("── " + speaker)
        if let t = m.createTime { line += colors.dim(" · " + String(t.prefix(16))) }
        if m.isHidden { line += colors.dim(" [hidden\(m.contentType.map { ": \($0)" } ?? "")]") }
        if m.isIncomplete { line += colors.yellow(" [incomplete]") }
        var body = m.text ?? ""
        for a in assets { body += (body.isEmpty ? "" : "\n") + "[image: \(a)]" }
        if indent.isEmpty { return line + "\n" + body + "\n" }
        return line + "\n" + body.split(separator: "\n", omittingEmptySubsequences: false).map { indent + $0 }.joined(separator: "\n") + "\n"
    }
}
