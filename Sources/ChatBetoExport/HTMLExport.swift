import ChatBetoRender
import ChatBetoStore
import Foundation

/// A conversation as one self-contained HTML page (inline style, no scripts, no external files). Message
/// text is rendered as Markdown by cmark-gfm, safely: raw HTML in imported text is omitted, never passed on.
public enum HTMLExport {
    /// The conversation as one HTML page (every branch, or the visible thread).
    public static func render(_ c: ExportedConversation, allBranches: Bool) -> String {
        page(c, allBranches: allBranches, images: nil).html
    }

    /// The page with each image attachment of a shown message embedded as a data URI, its bytes looked up
    /// by export path in `images` (nil: no images embedded); `missingImages` counts the images it lacked,
    /// each named on the page.
    public static func page(_ c: ExportedConversation, allBranches: Bool,
                            images: ((String) -> Data?)?) -> (html: String, missingImages: Int) {
        var missing = 0
        var out = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(c.summary.displayTitle))</title>
        <style>
        body{font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#222}
        header p{color:#666;margin:.2rem 0}.msg{border-left:4px solid #ccc;margin:1.2rem 0;padding:.2rem 1rem}
        .user{border-color:#3b82f6}.assistant{border-color:#10b981}.branch{opacity:.7}
        .meta{color:#666;font-size:.85rem}.text{overflow-wrap:anywhere}
        pre{background:#f6f8fa;padding:.6rem;overflow-x:auto}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .5rem}
        </style></head><body>
        <header><h1>\(escape(c.summary.displayTitle))</h1>
        <p>Conversation <code>\(escape(c.summary.id))</code></p>

        """
        if let p = c.project { out += "<p>Project: \(escape(p))</p>\n" }
        if let t = c.summary.createTime { out += "<p>Created \(escape(String(t.prefix(19)))) UTC</p>\n" }
        out += "</header>\n<main>\n"
        for (node, depth) in c.thread(allBranches: allBranches) {
            let role = node.role ?? "message"
            let classes = ["msg", role.filter { $0.isLetter }] + (allBranches && !node.onVisiblePath ? ["branch"] : [])
            out += "<section class=\"\(classes.joined(separator: " "))\" style=\"margin-left:\(Double(depth) * 1.5)rem\">\n"
            var meta = role.capitalized
            if let model = node.modelSlug, role == "assistant" { meta += " · \(model)" }
            if let t = node.createTime { meta += " · \(t.prefix(16))" }
            out += "<div class=\"meta\">\(escape(meta))</div>\n<div class=\"text\">\(body(node))</div>\n"
            if let images { out += embedded(c.assets[node.nodeID] ?? [], images: images, missing: &missing) }
            out += "</section>\n"
        }
        return (out + "</main>\n</body></html>\n", missing)
    }

    /// `<img src="data:…">` for each image among `assets` (a file named twice once), or a line naming an
    /// image `images` does not hold; other files are left out.
    static func embedded(_ assets: [ExportedAsset], images: (String) -> Data?, missing: inout Int) -> String {
        var out = ""
        var seen: Set<String> = []
        for asset in assets where seen.insert(asset.exportPath ?? asset.displayName).inserted {
            let bytes = asset.exportPath.flatMap(images)
            if let bytes, let mime = asset.imageMIMEType(for: Array(bytes.prefix(16))) {
                out += "<p><img src=\"data:\(mime);base64,\(bytes.base64EncodedString())\" alt=\"\(escape(asset.displayName))\" style=\"max-width:100%\"></p>\n"
            } else if bytes == nil, asset.isImage {
                missing += 1
                out += "<p class=\"meta\">(image \(escape(asset.displayName)): not in this export)</p>\n"
            }
        }
        return out
    }

    /// The message as HTML: its Markdown (citations as footnotes) through cmark-gfm's safe renderer.
    static func body(_ node: StoredMessage) -> String {
        guard let text = node.text, !text.isEmpty else { return "" }
        return MarkdownParser.html(CellText.multiLine(Citations.resolve(text, messageJSON: node.raw).markdown))
    }

    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.count)
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }
}
