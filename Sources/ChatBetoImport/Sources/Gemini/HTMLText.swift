import Foundation

/// Gemini's answers (and the HTML activity page) as plain text: block elements become line breaks,
/// list items start with "- ", `script`/`style`/`template`/`noscript` are dropped, entities decoded.
enum HTMLText {
    static func text(_ html: String) -> String {
        var out = ""
        var i = html.startIndex
        var skipUntil: String?
        while i < html.endIndex {
            let c = html[i]
            if c == "<", let close = html[i...].firstIndex(of: ">") {
                let tag = html[html.index(after: i)..<close].lowercased()
                let name = String(tag.split(whereSeparator: { $0 == " " || $0 == "/" || $0 == "\t" || $0 == "\n" }).first ?? "")
                let closing = tag.hasPrefix("/")
                i = html.index(after: close)
                if let skip = skipUntil {
                    if closing && tag.dropFirst().hasPrefix(skip) { skipUntil = nil }
                    continue
                }
                if !closing, ["script", "style", "template", "noscript"].contains(name) { skipUntil = name; continue }
                let bare = closing ? String(tag.dropFirst().split(separator: " ").first ?? "") : name
                switch bare {
                case "br": out += "\n"
                case "li": if !closing { out += (out.hasSuffix("\n") || out.isEmpty ? "" : "\n") + "- " }
                case "p", "div", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "tr", "table":
                    if closing, !out.isEmpty, !out.hasSuffix("\n") { out += "\n" }
                default: break
                }
                continue
            }
            if skipUntil != nil { i = html.index(after: i); continue }
            if c == "&", let semi = html[i...].prefix(12).firstIndex(of: ";") {
                let entity = String(html[html.index(after: i)..<semi])
                if let decoded = decode(entity) { out += decoded; i = html.index(after: semi); continue }
            }
            out.append(c)
            i = html.index(after: i)
        }
        return out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func decode(_ entity: String) -> String? {
        switch entity {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos", "#39": return "'"
        case "nbsp": return " "
        case "emsp", "ensp", "thinsp": return " "
        default:
            if entity.hasPrefix("#x") || entity.hasPrefix("#X"), let v = UInt32(entity.dropFirst(2), radix: 16), let s = Unicode.Scalar(v) { return String(s) }
            if entity.hasPrefix("#"), let v = UInt32(entity.dropFirst()), let s = Unicode.Scalar(v) { return String(s) }
            return nil
        }
    }
}
