import Foundation

/// ChatGPT's citation markers made readable (see Tests/ChatBetoRenderTests/CitationsTests.swift for the
/// shapes): the private-use markers of 2024-12 and later (`\u{E200}cite\u{E202}turn0search3\u{E201}`,
/// `navlist`, `\u{E203}…\u{E204}` spans) and the older `【7†source】`, resolved against the message's
/// `metadata.content_references` / `metadata.citations` into numbered Markdown footnotes `[^1]` with a
/// `[^1]: [title](url)` definition each. Markers without a reference are removed.
public struct Citations: Sendable, Equatable {
    /// A numbered source.
    public struct Source: Sendable, Equatable {
        public var number: Int
        public var title: String
        public var url: String
    }

    /// The text with markers replaced by `[^n]` (and `nav_list`s by bullet lists).
    public var text: String
    /// The sources in number order.
    public var sources: [Source]

    /// `text` with its footnote definitions appended, ready for a Markdown renderer.
    public var markdown: String {
        guard !sources.isEmpty else { return text }
        var out = text
        while out.hasSuffix("\n") { out.removeLast() }
        out += "\n\n" + sources.map { "[^\($0.number)]: " + Self.link(title: $0.title, url: $0.url) }.joined(separator: "\n") + "\n"
        return out
    }

    /// Resolves the markers in `text` with the references in `messageJSON` (the message object as
    /// imported, nil when not kept).
    public static func resolve(_ text: String, messageJSON: String?) -> Citations {
        var builder = Builder()
        let metadata = messageJSON.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }?["metadata"] as? [String: Any]
        var scalars = Array(text.unicodeScalars)
        var replacements: [(range: Range<Int>, matched: [Unicode.Scalar], with: String)] = []
        var trailing: [[String: Any]] = []
        for ref in (metadata?["content_references"] as? [[String: Any]]) ?? [] {
            let matched = Array(((ref["matched_text"] as? String) ?? "").unicodeScalars)
            if ref["type"] as? String == "sources_footnote" { trailing += (ref["sources"] as? [[String: Any]]) ?? []; continue }
            guard !matched.isEmpty else { continue }
            let start = (ref["start_idx"] as? Int) ?? -1, end = (ref["end_idx"] as? Int) ?? -1
            replacements.append((start..<max(start, end), matched, ""))
            replacements[replacements.count - 1].with = builder.replacement(for: ref)
        }
        for cite in (metadata?["citations"] as? [[String: Any]]) ?? [] {
            let start = (cite["start_ix"] as? Int) ?? -1, end = (cite["end_ix"] as? Int) ?? -1
            guard start >= 0, end > start, end <= scalars.count else { continue }
            let meta = (cite["metadata"] as? [String: Any]) ?? [:]
            replacements.append((start..<end, Array(scalars[start..<end]), builder.footnotes([meta])))
        }
        // Numbers follow the text's order; replacing right to left keeps earlier offsets valid.
        for r in replacements.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            if r.range.lowerBound >= 0, r.range.upperBound <= scalars.count, Array(scalars[r.range]) == r.matched {
                scalars.replaceSubrange(r.range, with: Array(r.with.unicodeScalars))
            } else {
                scalars = replaceAll(r.matched, with: Array(r.with.unicodeScalars), in: scalars)
            }
        }
        var out = stripLeftovers(String(String.UnicodeScalarView(scalars)))
        let unreferenced = trailing.compactMap(Builder.source).filter { s in !builder.sources.contains { $0.url == s.url } }
        if !unreferenced.isEmpty {
            while out.hasSuffix("\n") { out.removeLast() }
            out += "\n\nSources:\n" + unreferenced.map { "- " + link(title: $0.title, url: $0.url) }.joined(separator: "\n") + "\n"
        }
        return Citations(text: out, sources: builder.sources)
    }

    /// `text` with citation markers as `[1]`, `[2]` in order of appearance and every other marker
    /// removed, for one-line excerpts (search snippets) where no metadata is at hand.
    public static func inlineNumbers(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { (0xE200...0xE204).contains($0.value) }) || text.contains("†") else { return text }
        var number = 0
        var out = String.UnicodeScalarView()
        var scalars = Array(text.unicodeScalars)[...]
        while let c = scalars.first {
            if c.value == 0xE200, let close = scalars.firstIndex(where: { $0.value == 0xE201 }) {
                let body = String(String.UnicodeScalarView(scalars[scalars.index(after: scalars.startIndex)..<close]))
                if body.hasPrefix("cite") || body.hasPrefix("filecite") { number += 1; out.append(contentsOf: "[\(number)]".unicodeScalars) }
                scalars = scalars[scalars.index(after: close)...]
                continue
            }
            if (0xE200...0xE204).contains(c.value) { scalars = scalars.dropFirst(); continue }
            out.append(c)
            scalars = scalars.dropFirst()
        }
        return replacingTether(String(out)) { number += 1; return "[\(number)]" }
    }

    // MARK: helpers

    /// `[title](url)` with brackets in the title escaped and the URL in `<>` when it needs it.
    static func link(title: String, url: String) -> String {
        let t = (title.isEmpty ? url : title).replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "[", with: "\\[").replacingOccurrences(of: "]", with: "\\]")
            .replacingOccurrences(of: "\n", with: " ")
        guard !url.isEmpty else { return t }
        let u = url.contains(where: { $0 == " " || $0 == "(" || $0 == ")" || $0 == "<" || $0 == ">" })
            ? "<" + url.replacingOccurrences(of: "<", with: "%3C").replacingOccurrences(of: ">", with: "%3E") + ">" : url
        return "[\(t)](\(u))"
    }

    private static func replaceAll(_ needle: [Unicode.Scalar], with replacement: [Unicode.Scalar], in hay: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard !needle.isEmpty, hay.count >= needle.count else { return hay }
        var out: [Unicode.Scalar] = [], i = 0
        while i < hay.count {
            if i + needle.count <= hay.count && Array(hay[i..<i + needle.count]) == needle {
                out += replacement; i += needle.count
            } else {
                out.append(hay[i]); i += 1
            }
        }
        return out
    }

    /// Removes `\u{E200}…\u{E201}` spans nothing explained, stray U+E200–U+E204 and `【n†…】` markers.
    static func stripLeftovers(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var skipping = false
        for c in text.unicodeScalars {
            switch c.value {
            case 0xE200: skipping = true
            case 0xE201: skipping = false
            case 0xE202...0xE204: break
            default: if !skipping { out.append(c) }
            }
        }
        return replacingTether(String(out)) { "" }
    }

    /// `【7†source】`, `【3:0†title】` replaced by `replacement()`.
    private static func replacingTether(_ text: String, _ replacement: () -> String) -> String {
        guard text.contains("†") else { return text }
        var out = "", rest = text[...]
        while let open = rest.firstIndex(of: "【") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "】"), rest[open..<close].contains("†"),
                  rest[rest.index(after: open)].isNumber else {
                out.append("【"); rest = rest[rest.index(after: open)...]; continue
            }
            out += replacement()
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}
