import Foundation

/// The HTML variant of Gemini Apps activity (`MyActivity.html`), for Takeouts made without JSON: one
/// `outer-cell` per record; the header cell must read exactly "Gemini Apps"; the content cell holds
/// `Prompted <prompt><br><local time><br><answer HTML>`. Local times need a known zone: a record with
/// another zone abbreviation is reported and left out rather than guessed. The import streams the page
/// (`GeminiHTMLFile`); `read(html:)` reads one held in memory.
enum GeminiHTML {
    static let zones: [String: Int] = [
        "UTC": 0, "GMT": 0, "EST": -300, "EDT": -240, "CST": -360, "CDT": -300, "MST": -420, "MDT": -360,
        "PST": -480, "PDT": -420, "CET": 60, "CEST": 120, "WET": 0, "WEST": 60, "EET": 120, "EEST": 180, "JST": 540,
    ]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func recognises(_ html: String) -> Bool { html.contains("outer-cell") && html.contains("Gemini Apps") }

    /// A whole page held in memory, cut by the same `ActivityCellSplitter` the import streams it through
    /// (`GeminiHTMLFile`); throws the splitter's `Failure` for a page cut short.
    static func read(html: String) throws -> GeminiActivity.Result {
        var result = GeminiActivity.Result()
        var entries: [GeminiActivity.Entry] = []
        var splitter = ActivityCellSplitter()
        var cells: [Data] = []
        try Data(html.utf8).withUnsafeBytes { bytes in
            try splitter.feed(bytes) { if case .element(let data, _) = $0 { cells.append(data) } }
        }
        try splitter.finish()
        for (index, cell) in cells.enumerated() {
            switch record(String(decoding: cell, as: UTF8.self), index: index) {
            case .entry(let e): entries.append(e)
            case .ignored(let verb): result.ignoredRecords += 1; result.ignoredVerbs[verb, default: 0] += 1
            case .problem(let p): result.problems.append(p)
            }
        }
        GeminiActivity.group(entries, into: &result)
        return result
    }

    /// One record of the page: the text after its `class="outer-cell` (`index` counts from 0 in the page).
    static func record(_ cell: String, index: Int) -> GeminiActivity.Record {
        guard let header = inner(of: "header-cell", in: cell), HTMLText.text(header) == "Gemini Apps",
              let content = inner(of: "content-cell", in: cell) else {
            return .ignored(verb: "(not Gemini Apps)")
        }
        // `<prompt><br><time><br><answer>`: only the first two breaks count, the answer keeps its own.
        let firstBreak = content.range(of: "<br>")
        let first = HTMLText.text(String(content[..<(firstBreak?.lowerBound ?? content.endIndex)])).replacingOccurrences(of: "\u{00A0}", with: " ")
        guard let verb = GeminiActivity.promptVerbs.first(where: { first.hasPrefix($0) }) else {
            return .ignored(verb: String(first.split(separator: " ").first ?? "(none)"))
        }
        guard let firstBreak else { return .problem("HTML record \(index + 1) has no time; left out") }
        let rest = content[firstBreak.upperBound...]
        let secondBreak = rest.range(of: "<br>")
        let stamp = HTMLText.text(String(rest[..<(secondBreak?.lowerBound ?? rest.endIndex)]))
        guard let time = localTime(stamp) else {
            return .problem("HTML record \(index + 1) (\(first.prefix(40))): time '\(stamp)' has an unknown zone or layout; left out")
        }
        let prompt = String(first.dropFirst(verb.count)).trimmingCharacters(in: .whitespaces)
        let answer = secondBreak.map { String(rest[$0.upperBound...]) } ?? ""
        return .entry(GeminiActivity.Entry(time: time, prompt: prompt, answers: answer.isEmpty ? [] : [answer], conversationID: nil,
                                           attachments: [], raw: nil))
    }

    /// What the first bytes of a record show of it ("Prompted what rhymes with orange"), for errors.
    static func label(_ head: Data) -> String? {
        let cell = String(decoding: head, as: UTF8.self)
        guard let content = inner(of: "content-cell", in: cell) else { return nil }
        let first = HTMLText.text(String(content[..<(content.range(of: "<br>")?.lowerBound ?? content.endIndex)]))
            .replacingOccurrences(of: "\u{00A0}", with: " ")
        return first.isEmpty ? nil : first.count > 60 ? String(first.prefix(60)) + "…" : first
    }

    /// The inner HTML of the first `div` with this class, up to the next cell or the end of the record.
    private static func inner(of cls: String, in html: String) -> String? {
        guard let start = html.range(of: "class=\"\(cls)"), let open = html[start.upperBound...].firstIndex(of: ">") else { return nil }
        let rest = html[html.index(after: open)...]
        let end = rest.range(of: "</div><div class=\"content-cell")?.lowerBound ?? rest.range(of: "</div></div>")?.lowerBound ?? rest.endIndex
        return String(rest[..<end])
    }

    /// `Jul 26, 2026, 8:07:57 AM CEST` (U+202F before AM/PM allowed) → UTC `DATETIME(6)` text.
    static func localTime(_ s: String) -> String? {
        let words = s.replacingOccurrences(of: "\u{202F}", with: " ").replacingOccurrences(of: "\u{00A0}", with: " ")
            .replacingOccurrences(of: ",", with: " ").split(separator: " ").map(String.init)
        guard words.count >= 5, let month = months.firstIndex(of: String(words[0].prefix(3))), let day = Int(words[1]),
              let year = Int(words[2]) else { return nil }
        let clock = words[3].split(separator: ":").compactMap { Int($0) }
        guard clock.count >= 2 else { return nil }
        var hour = clock[0]
        var zoneIndex = 4
        if words.count > 4, words[4] == "AM" || words[4] == "PM" {
            if words[4] == "PM", hour < 12 { hour += 12 }
            if words[4] == "AM", hour == 12 { hour = 0 }
            zoneIndex = 5
        }
        guard zoneIndex < words.count, let offset = zoneOffset(words[zoneIndex]) else { return nil }
        let local = String(format: "%04d-%02d-%02dT%02d:%02d:%02d", year, month + 1, day, hour, clock[1], clock.count > 2 ? clock[2] : 0)
        let sign = offset < 0 ? "-" : "+"
        return SourceTime.iso(local + sign + String(format: "%02d:%02d", abs(offset) / 60, abs(offset) % 60))
    }

    /// Minutes east of UTC for `CEST`, `GMT+5:30`, `GMT-3`; nil when unknown.
    static func zoneOffset(_ zone: String) -> Int? {
        if let known = zones[zone] { return known }
        guard zone.hasPrefix("GMT") || zone.hasPrefix("UTC") else { return nil }
        let rest = zone.dropFirst(3)
        guard let sign = rest.first, sign == "+" || sign == "-" else { return nil }
        let parts = rest.dropFirst().split(separator: ":").compactMap { Int($0) }
        guard let h = parts.first else { return nil }
        let minutes = h * 60 + (parts.count > 1 ? parts[1] : 0)
        return sign == "-" ? -minutes : minutes
    }
}
