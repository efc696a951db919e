import ChatBetoRender
import ChatBetoStore

/// Lays out a conversation as ChatGPT shows it: speaker headers, text, images as image lines.
/// With `render`, message text is Markdown drawn for the terminal (`TerminalMarkdown`, wrapped at
/// `width`, citations as numbered footnotes); without, the stored text as it is. Everything from the
/// store is escaped (`CellText`): imported text never reaches the terminal as raw control sequences.
struct TranscriptFormatter {
    let colors: Colors
    /// The assistant's name as the conversation's provider shows it.
    var assistantName = "ChatGPT"
    var width: Int = 80
    var render: Bool = true

    func header(_ c: ConversationSummary, project: String?) -> String {
        var s = colors.bold(DisplayWidth.truncate(CellText.singleLine(c.displayTitle), to: width)) + "\n"
        var meta = [CellText.singleLine(c.id)]
        if let project { meta.append(CellText.singleLine(project)) }
        if let t = c.createTime { meta.append(String(t.prefix(16))) }
        s += colors.dim(DisplayWidth.truncate(meta.joined(separator: " · "), to: width)) + "\n"
        return s
    }

    /// A canvas where ChatGPT shows it (its final text), a Claude artifact after the message that last
    /// changed it, or a deep-research task whose report is missing.
    func document(_ d: StoredDocument) -> String {
        let title = d.title.map { " “\(CellText.singleLine($0))”" } ?? ""
        guard d.kind == "canvas" || d.kind == "artifact" else {
            return colors.cyan("── Deep research\(title)") + "\n" +
                colors.yellow("only the kickoff is in this export; the report is not") + "\n"
        }
        let about = [d.type, d.version.map { "version \($0)" }].compactMap { $0 }.map { CellText.singleLine($0) }
        return colors.cyan("── \(d.kind == "artifact" ? "Artifact" : "Canvas")\(title)") + (about.isEmpty ? "" : colors.dim(" · " + about.joined(separator: " · "))) + "\n" +
            CellText.multiLine(d.content ?? "") + (d.content?.hasSuffix("\n") == true ? "" : "\n")
    }

    func message(_ m: StoredMessage, assets: [String], depth: Int = 0, marker: String = "") -> String {
        let speaker: String
        switch m.role {
        case "user": speaker = "You"
        case "assistant": speaker = assistantName + (m.modelSlug.map { " (\($0))" } ?? "")
        case "system": speaker = "System"
        case "tool": speaker = "Tool" + (m.authorName.map { " \($0)" } ?? "")
        default: speaker = m.role ?? "?"
        }
        let indent = String(repeating: "  ", count: depth)
        var line = indent + marker + colors.cyan("── " + CellText.singleLine(speaker))
        if let t = m.createTime { line += colors.dim(" · " + String(t.prefix(16))) }
        if m.isHidden { line += colors.dim(" [hidden\(m.contentType.map { ": \(CellText.singleLine($0))" } ?? "")]") }
        if m.isIncomplete { line += colors.yellow(" [incomplete]") }
        var body = self.body(m, width: width - indent.count)
        for a in assets { body += (body.isEmpty ? "" : "\n") + "[\(CellText.singleLine(a))]" }
        if indent.isEmpty { return line + "\n" + body + "\n" }
        return line + "\n" + body.split(separator: "\n", omittingEmptySubsequences: false).map { indent + $0 }.joined(separator: "\n") + "\n"
    }

    /// The message text: rendered Markdown without its final newline, or the stored text. As in ChatGPT,
    /// what the user typed is shown as typed (its line breaks kept, word-wrapped), replies as Markdown.
    func body(_ m: StoredMessage, width: Int) -> String {
        let text = m.text ?? ""
        guard render, !text.isEmpty else { return CellText.multiLine(text) }
        if m.role == "user" {
            // Lines that fit stay exactly as typed (pasted code keeps its indentation); longer ones wrap at words.
            let wrap = WordWrap(width: max(20, width), colors: .none)
            return CellText.multiLine(Citations.resolve(text, messageJSON: m.raw).text)
                .split(separator: "\n", omittingEmptySubsequences: false)
                .flatMap { DisplayWidth.of(String($0)) <= width ? [String($0)] : wrap.lines(String($0)) }
                .joined(separator: "\n")
        }
        var out = TerminalMarkdown(width: width, colors: colors).render(Citations.resolve(text, messageJSON: m.raw).markdown)
        while out.hasSuffix("\n") { out.removeLast() }
        return out
    }
}
