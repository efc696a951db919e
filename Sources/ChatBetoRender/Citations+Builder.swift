/// Numbers sources in order of first appearance (one number per URL) and writes each reference's
/// replacement text.
extension Citations {
    struct Builder {
        var sources: [Source] = []

        /// The Markdown that stands in for one `content_references` item.
        mutating func replacement(for ref: [String: Any]) -> String {
            let type = (ref["type"] as? String) ?? ""
            let alt = (ref["alt"] as? String) ?? ""
            switch type {
            case "hidden":
                return ""
            case "image_v2", "image_group":
                return alt
            case "nav_list":
                let items = ((ref["items"] as? [[String: Any]]) ?? []).compactMap(Self.source)
                guard !items.isEmpty else { return alt }
                return "\n\n" + items.map { "- " + Citations.link(title: $0.title, url: $0.url) }.joined(separator: "\n") + "\n\n"
            case "file":
                let name = (ref["name"] as? String) ?? (ref["title"] as? String) ?? "file"
                var label = name
                if let a = ref["page_range_start"] as? Int, let b = ref["page_range_end"] as? Int { label += " (p. \(a)–\(b))" }
                return footnotes([["title": label, "url": ""]])
            default:
                var found: [[String: Any]] = []
                for item in (ref["items"] as? [[String: Any]]) ?? [] {
                    found.append(item)
                    found += (item["supporting_websites"] as? [[String: Any]]) ?? []
                }
                found += (ref["fallback_items"] as? [[String: Any]]) ?? []
                if found.isEmpty, ref["url"] is String { found = [ref] }
                if found.isEmpty { found = ((ref["safe_urls"] as? [String]) ?? []).map { ["url": $0] } }
                let notes = footnotes(found)
                return notes.isEmpty ? alt : notes
            }
        }

        /// `[^n]` for each source (numbered on first sight, de-duplicated by URL).
        mutating func footnotes(_ items: [[String: Any]]) -> String {
            var out = "", used: Set<Int> = []
            for item in items {
                guard let s = Self.source(item) else { continue }
                let number: Int
                if !s.url.isEmpty, let known = sources.first(where: { $0.url == s.url }) {
                    number = known.number
                } else {
                    number = sources.count + 1
                    sources.append(Source(number: number, title: s.title, url: s.url))
                }
                if used.insert(number).inserted { out += "[^\(number)]" }
            }
            return out
        }

        /// A source's title and URL (title falling back to attribution, then the URL).
        static func source(_ item: [String: Any]) -> (title: String, url: String)? {
            let url = (item["url"] as? String) ?? ""
            let title = (item["title"] as? String).flatMap { $0.isEmpty ? nil : $0 } ?? (item["attribution"] as? String) ?? url
            guard !url.isEmpty || !title.isEmpty else { return nil }
            return (title, url)
        }
    }
}
