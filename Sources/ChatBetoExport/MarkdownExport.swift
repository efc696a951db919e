import ChatBetoRender
import ChatBetoStore

/// A conversation as readable Markdown: a header, then one section per message, citations as footnotes.
public enum MarkdownExport {
    /// The conversation as Markdown (every branch, or the visible thread).
    public static func render(_ c: ExportedConversation, allBranches: Bool) -> String {
        var out = "# \(c.summary.displayTitle)\n\n"
        out += "- Conversation: `\(c.summary.id)`\n"
        if let p = c.project { out += "- Project: \(p)\n" }
        if let t = c.summary.createTime { out += "- Created: \(t.prefix(19)) UTC\n" }
        if let t = c.summary.updateTime { out += "- Updated: \(t.prefix(19)) UTC\n" }
        let thread = c.thread(allBranches: allBranches)
        if thread.isEmpty { out += "\n_(no messages)_\n" }
        for (node, depth) in thread {
            var heading = (node.role ?? "message").capitalized
            if let model = node.modelSlug, node.role == "assistant" { heading += " (\(model))" }
            if let t = node.createTime { heading += " · \(t.prefix(16))" }
            if allBranches && !node.onVisiblePath { heading += " · other branch" }
            let level = String(repeating: "#", count: min(6, 3 + depth))
            out += "\n\(level) \(heading)\n\n"
            let text = node.text.map { Citations.resolve($0, messageJSON: node.raw).markdown } ?? ""
            out += text.isEmpty ? "_(\(node.contentType ?? "empty"))_\n" : text + (text.hasSuffix("\n") ? "" : "\n")
        }
        return out
    }
}
