import Foundation

/// Streams the JSON variant of Gemini Apps activity (a top-level array of records, 10 KB each in real
/// files) in two passes, so the file is never held whole. The first pass only counts each
/// conversation id's prompts (and the records that are not prompts) and notes the keys of prompts
/// without an id (to number one sent twice in a second, `SingleRepeats`); the second cuts the records
/// again and hands a conversation to the stream as soon as its last prompt has been read, so what is
/// held is the conversations still open. Prompts of one conversation sit together in the log, so that
/// is a few at a time. A file that ends early fails in the first pass, before anything is written. Each
/// pass is half of the progress.
struct GeminiActivityFile {
    let file: ExportFile

    /// Reads the records into `stream`; returns how many conversations were read and the report's lines.
    func read(into stream: ConversationStream) throws -> (conversations: Int, notes: [String]) {
        var prompts: [String: Int] = [:]
        var repeats = GeminiActivity.SingleRepeats()
        var result = GeminiActivity.Result()
        var singles = 0
        var index = 0
        _ = try split(into: stream, reportsOversized: false, progress: { try stream.progress(bytesDone: $0 / 2) }) { data, offset, _ in
            defer { index += 1 }
            switch GeminiActivity.record(try parse(data, offset: offset), index: index) {
            case .entry(let e):
                if let id = e.conversationID { prompts[id, default: 0] += 1 } else { singles += 1; repeats.note(e) }
            case .ignored(let verb):
                result.ignoredRecords += 1
                result.ignoredVerbs[verb, default: 0] += 1
            case .problem(let p):
                result.problems.append(p)
            }
        }
        var open: [String: [(entry: GeminiActivity.Entry, offset: Int)]] = [:]
        repeats.seal()
        var count = 0
        index = 0
        let half = file.size / 2
        func push(_ c: (conversation: SourceConversation, hash: String), bytesDone: Int64) throws {
            count += 1
            try stream.push({ c.conversation }, contentHash: c.hash, file: file, offset: 0, bytesDone: bytesDone, fallbackID: c.conversation.id)
        }
        _ = try split(into: stream, reportsOversized: true) { data, offset, done in
            defer { index += 1 }
            guard case .entry(let e) = GeminiActivity.record(try parse(data, offset: offset), index: index) else { return }
            guard let id = e.conversationID else {
                return try push(GeminiActivity.conversation(single: e, occurrence: repeats.occurrence(of: e)), bytesDone: half + done / 2)
            }
            open[id, default: []].append((e, offset))
            guard let held = open[id], held.count == prompts[id] else { return }
            open[id] = nil
            let entries = held.sorted { ($0.entry.time, $0.offset) < ($1.entry.time, $1.offset) }.map(\.entry)
            try push(GeminiActivity.conversation(grouped: id, entries: entries), bytesDone: half + done / 2)
        }
        result.grouping = GeminiActivity.grouping(conversations: prompts.count, groupedPrompts: prompts.values.reduce(0, +), singles: singles)
        let notes = result.notes(file: file.name)
        return (count, notes)
    }

    private func split(into stream: ConversationStream, reportsOversized: Bool, progress: ((Int64) throws -> Void)? = nil,
                       _ record: (_ data: Data, _ offset: Int, _ bytesDone: Int64) throws -> Void) throws -> Int {
        try SplitFileReader.read(file, into: stream, item: "activity record", label: { SplitFileReader.value(of: ["title"], in: $0) },
                                 reportsOversized: reportsOversized, progress: progress, element: record,
                                 document: { _, _ in
                                     throw ImportError.invalidFile(file: file.name, offset: 0, reason: "a JSON object, not the array of activity records")
                                 })
    }

    private func parse(_ data: Data, offset: Int) throws -> Any {
        do { return try JSONSerialization.jsonObject(with: data) } catch {
            let at = ((error as NSError).userInfo["NSJSONSerializationErrorIndex"] as? Int) ?? 0
            throw ImportError.invalidFile(file: file.name, offset: offset + at,
                                          reason: "invalid JSON in an activity record (\((error as NSError).localizedDescription))")
        }
    }
}
