import ChatBetoSupport
import Foundation

/// Google Takeout "Gemini Apps" activity: an activity log, not
/// conversations. Records that carry exactly one conversation id (`details[].url` …/app/<id>) are
/// grouped by it and ordered by time; every other prompt is a conversation of its own (no invented
/// boundaries). Records that are not prompts (`Created`, `Gave feedback`, …) are counted, not imported.
enum GeminiActivity {
    /// One prompt and its answers, from the JSON or the HTML page.
    struct Entry {
        var time: String          // DATETIME(6) text, UTC
        var prompt: String
        var answers: [String]     // answer HTML, several when Gemini kept drafts
        var conversationID: String?
        var attachments: [String]
        var raw: String?
    }

    /// What a file yields.
    struct Result {
        var conversations: [(conversation: SourceConversation, hash: String)] = []
        var ignoredRecords = 0
        var ignoredVerbs: [String: Int] = [:]
        var problems: [String] = []
        /// How prompts were grouped, for the import report.
        var grouping: String = ""

        /// The import report's lines about `file`: the grouping, the records left out, the problems.
        func notes(file: String) -> [String] {
            var lines = ["\(file): \(grouping)"]
            if ignoredRecords > 0 {
                let verbs = ignoredVerbs.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
                lines.append("\(file): \(ignoredRecords) activity record\(ignoredRecords == 1 ? "" : "s") that are not prompts left out (\(verbs))")
            }
            return lines + problems.map { "\(file): \($0)" }
        }
    }

    static let promptVerbs = ["Prompted", "Branched", "Answered"]

    /// Whether a top-level array looks like Gemini activity.
    static func recognises(_ array: [Any]) -> Bool {
        guard let first = array.first as? [String: Any] else { return false }
        return isGemini(first)
    }

    static func isGemini(_ o: [String: Any]) -> Bool {
        let header = JSONAccess.string(o["header"]) ?? ""
        let products = (JSONAccess.array(o["products"]) ?? []).compactMap { $0 as? String }
        return header.hasPrefix("Gemini") || products.contains { $0.hasPrefix("Gemini") }
    }

    /// What one JSON record is: a prompt, a record that is not one (by its verb), or a problem.
    enum Record {
        case entry(Entry)
        case ignored(verb: String)
        case problem(String)
    }

    /// What grouping needs of a prompt: its time, its text and its conversation id.
    struct PromptKey {
        var time: String
        var prompt: String
        var conversationID: String?
        /// `singleKeyHash`, for a prompt without a conversation id.
        var single: UInt64 { GeminiActivity.singleKeyHash(time: time, prompt: prompt) }
    }

    /// What `glance` tells of a JSON record: a prompt's key, a record that is not one, or a problem.
    enum Glance {
        case prompt(PromptKey)
        case ignored(verb: String)
        case problem(String)
    }

    /// The members `glance` reads: a first pass parses only these (`JSONBytesParser.parse(_:members:)`).
    static let glanceMembers: Set<String> = ["header", "products", "title", "time", "details", "titleUrl"]

    /// The JSON variant's records, held in memory (the importer streams them: `GeminiActivityFile`).
    static func read(records: [Any]) -> Result {
        var result = Result()
        var entries: [Entry] = []
        for (index, value) in records.enumerated() {
            switch record(value, index: index) {
            case .entry(let e): entries.append(e)
            case .ignored(let verb): result.ignoredRecords += 1; result.ignoredVerbs[verb, default: 0] += 1
            case .problem(let p): result.problems.append(p)
            }
        }
        group(entries, into: &result)
        return result
    }

    /// One record of the JSON variant as far as grouping needs it, from `glanceMembers` alone (`index`
    /// counts from 0 in the file).
    static func glance(_ value: Any, index: Int) -> Glance {
        guard let o = value as? [String: Any] else { return .problem("record \(index) is not an object; left out") }
        guard isGemini(o) else { return .ignored(verb: "(not Gemini Apps)") }
        let title = JSONAccess.string(o["title"]) ?? ""
        guard let verb = promptVerbs.first(where: { title.hasPrefix($0) }) else {
            return .ignored(verb: String(title.split(separator: " ").first ?? "(no title)"))
        }
        guard let time = SourceTime.from(o["time"]) else { return .problem("record \(index) (\(title.prefix(40))) has no readable time; left out") }
        var prompt = String(title.dropFirst(verb.count))
        if prompt.hasPrefix(" ") { prompt.removeFirst() }
        let ids = Set((JSONAccess.array(o["details"]) ?? []).compactMap { d -> String? in
            let d = JSONAccess.object(d)
            return conversationID(JSONAccess.string(d?["url"]) ?? JSONAccess.string(d?["name"]))
        } + [conversationID(JSONAccess.string(o["titleUrl"]))].compactMap { $0 })
        return .prompt(PromptKey(time: time, prompt: prompt, conversationID: ids.count == 1 ? ids.first : nil))
    }

    /// One record of the JSON variant, whole (`index` counts from 0 in the file).
    static func record(_ value: Any, index: Int) -> Record {
        switch glance(value, index: index) {
        case .ignored(let verb):
            return .ignored(verb: verb)
        case .problem(let p):
            return .problem(p)
        case .prompt(let key):
            let o = value as? [String: Any] ?? [:]
            let answers = (JSONAccess.array(o["safeHtmlItem"]) ?? []).compactMap { JSONAccess.string(JSONAccess.object($0)?["html"]) }
            var files = (JSONAccess.array(o["attachedFiles"]) ?? []).compactMap { $0 as? String }
            if let image = JSONAccess.string(o["imageFile"]), !files.contains(image) { files.insert(image, at: 0) }
            return .entry(Entry(time: key.time, prompt: key.prompt, answers: answers, conversationID: key.conversationID,
                                attachments: files, raw: JSONAccess.serialise(o)))
        }
    }

    /// `https://gemini.google.com/app/<id>` (or `/app/c/<id>`) → `<id>`.
    static func conversationID(_ url: String?) -> String? {
        guard let url, let range = url.range(of: "gemini.google.com/app/") else { return nil }
        var id = String(url[range.upperBound...])
        if id.hasPrefix("c/") { id.removeFirst(2) }
        id = String(id.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" })
        return id.isEmpty ? nil : id
    }

    /// Conversations from prompts: one per conversation id, else one per prompt.
    static func group(_ entries: [Entry], into result: inout Result) {
        // Chronological; equal times keep the file's order (they carry no order of their own).
        var repeats = SingleRepeats()
        for e in entries where e.conversationID == nil { repeats.note(e) }
        repeats.seal()
        let sorted = entries.enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }.map(\.element)
        var byID: [String: [Entry]] = [:]
        var order: [String] = []
        var single: [Entry] = []
        for e in sorted {
            if let id = e.conversationID {
                if byID[id] == nil { order.append(id) }
                byID[id, default: []].append(e)
            } else {
                single.append(e)
            }
        }
        for id in order { result.conversations.append(conversation(grouped: id, entries: byID[id]!)) }
        for e in single { result.conversations.append(conversation(single: e, occurrence: repeats.occurrence(of: e))) }
        result.grouping = grouping(conversations: order.count, groupedPrompts: sorted.count - single.count, singles: single.count)
    }

    /// The import report's line on how prompts were grouped.
    static func grouping(conversations: Int, groupedPrompts: Int, singles: Int) -> String {
        conversations == 0
            ? "Gemini: the records carry no conversation id; one conversation per prompt (\(singles))"
            : "Gemini: grouped by conversation id (\(conversations) conversation\(conversations == 1 ? "" : "s") from \(groupedPrompts) prompts); \(singles) prompt\(singles == 1 ? "" : "s") without one id, one conversation each"
    }

    /// The conversation of one Gemini conversation id: its prompts in time order (equal times in file order).
    static func conversation(grouped id: String, entries: [Entry]) -> (conversation: SourceConversation, hash: String) {
        conversation(id: "gemini-\(id)", entries: entries)
    }

    /// The conversation of a prompt without one conversation id; `occurrence` numbers the prompts of
    /// one file with the same key (`SingleRepeats`), the first is 1.
    static func conversation(single e: Entry, occurrence: Int = 1) -> (conversation: SourceConversation, hash: String) {
        let n = occurrence > 1 ? "-\(occurrence)" : ""
        return conversation(id: "gemini-p-\(singleKey(e))\(n)", entries: [e])
    }

    /// Stable across re-exports (which prepend records) and between JSON and HTML: whole-second UTC time and the prompt.
    static func singleKey(_ e: Entry) -> String { String(singleKeyHash(time: e.time, prompt: e.prompt), radix: 16) }

    /// The number `singleKey` is written from.
    static func singleKeyHash(time: String, prompt: String) -> UInt64 { FNV1a.hash("\(time.prefix(19))|\(prompt)") }

    private static func conversation(id: String, entries: [Entry]) -> (conversation: SourceConversation, hash: String) {
        // Node ids from time and prompt; a repeat within the conversation gets a number.
        var seenKeys: [String: Int] = [:]
        let first = entries[0]
        let titleLine = first.prompt.split(separator: "\n").first.map(String.init) ?? ""
        var c = SourceConversation(provider: "gemini", id: StoredID.fitting(id), title: titleLine.isEmpty ? "[image]" : String(titleLine.prefix(120)),
                                   createTime: first.time, updateTime: entries.last!.time)
        var previous: String?
        for e in entries {
            var key = "\(e.time.prefix(19).replacingOccurrences(of: " ", with: "T"))-\(String(FNV1a.hash(e.prompt), radix: 16).prefix(8))"
            let n = seenKeys[key, default: 0]
            seenKeys[key] = n + 1
            if n > 0 { key += "-\(n + 1)" }
            let user = "\(key)-q"
            c.nodes.append(SourceConversation.node(user, parent: previous, role: "user", text: e.prompt.isEmpty ? "[image]" : e.prompt,
                                                   createTime: e.time, hidden: false, contentType: "text", raw: e.raw))
            for (i, name) in e.attachments.enumerated() {
                c.assets.append(ConversationRecord.Asset(nodeID: user, position: i, pointer: String(name.prefix(255)), kind: "image",
                                                         exportPath: nil, mimeType: nil, sizeBytes: nil))
            }
            c.visiblePath.append(user)
            previous = user
            // Several answers are drafts: the first is shown, the others are kept as its siblings.
            for (i, html) in e.answers.enumerated() {
                let answer = "\(key)-a\(i + 1)"
                c.nodes.append(SourceConversation.node(answer, parent: user, role: "assistant", text: HTMLText.text(html),
                                                       createTime: e.time, hidden: false, contentType: "text"))
                if i == 0 { c.visiblePath.append(answer); previous = answer }
            }
        }
        let hash = ContentHash.hex(of: Data(entries.map { $0.raw ?? "\($0.time)|\($0.prompt)|\($0.answers)" }.joined(separator: "\n").utf8))
        return (c, hash)
    }
}
