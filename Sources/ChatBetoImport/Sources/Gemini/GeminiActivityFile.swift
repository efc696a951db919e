import Foundation

/// Streams the JSON variant of Gemini Apps activity (a top-level array of records, 10 KB each in real
/// files) in two passes, so the file is never held whole. The first pass builds only the few members
/// grouping needs (`GeminiActivity.glanceMembers`; the answers are checked and skipped, not built) to
/// count each conversation id's prompts (and the records that are not prompts) and to note the keys of
/// prompts without an id (to number one sent twice in a second, `SingleRepeats`); the second parses the
/// records whole and hands a conversation to the stream as soon as its last prompt has been read, so
/// what is held is the conversations still open. Prompts of one conversation sit together in the log,
/// so that is a few at a time. A file that ends early or holds a record that is not JSON fails in the
/// first pass, before anything is written. Each pass is half of the progress.
struct GeminiActivityFile {
    typealias SingleRepeats = GeminiActivity.SingleRepeats

    let file: ExportFile

    /// Reads the records into `stream`; returns how many conversations were read and the report's lines.
    func read(into stream: ConversationStream) throws -> (conversations: Int, notes: [String]) {
        var prompts: [String: Int] = [:]
        var byBytes = SingleRepeats()
        var result = GeminiActivity.Result()
        var singles = 0
        try each(in: stream, members: GeminiActivity.glanceMembers, reportsOversized: false,
                 progress: { try stream.progress(bytesDone: $0 / 2) }) { value, data, index, _ in
            switch GeminiActivity.glance(value, index: index) {
            case .prompt(let key):
                guard let id = key.conversationID else {
                    singles += 1
                    return byBytes.note(key: key.single, record: SingleRepeats.fingerprint(data))
                }
                prompts[id, default: 0] += 1
            case .ignored(let verb):
                result.ignoredRecords += 1
                result.ignoredVerbs[verb, default: 0] += 1
            case .problem(let p):
                result.problems.append(p)
            }
        }
        byBytes.seal()
        let repeats = byBytes.isEmpty ? byBytes : try repeatsByValue(among: byBytes, stream: stream)
        var open: [String: [(entry: GeminiActivity.Entry, offset: Int)]] = [:]
        var count = 0
        let half = file.size / 2
        func push(_ c: (conversation: SourceConversation, hash: String), bytesDone: Int64) throws {
            count += 1
            try stream.push({ c.conversation }, contentHash: c.hash, file: file, offset: 0, bytesDone: half + bytesDone / 2,
                            fallbackID: c.conversation.id)
        }
        try each(in: stream, members: nil, reportsOversized: true) { value, _, index, at in
            guard case .entry(let e) = GeminiActivity.record(value, index: index) else { return }
            guard let id = e.conversationID else {
                return try push(GeminiActivity.conversation(single: e, occurrence: repeats.occurrence(of: e)), bytesDone: at.done)
            }
            open[id, default: []].append((e, at.offset))
            guard let held = open[id], held.count == prompts[id] else { return }
            open[id] = nil
            let entries = held.sorted { ($0.entry.time, $0.offset) < ($1.entry.time, $1.offset) }.map(\.entry)
            try push(GeminiActivity.conversation(grouped: id, entries: entries), bytesDone: at.done)
        }
        result.grouping = GeminiActivity.grouping(conversations: prompts.count, groupedPrompts: prompts.values.reduce(0, +), singles: singles)
        return (count, result.notes(file: file.name))
    }

    /// Prompts without an id that share a key and differ in their bytes may still be one record (its
    /// members in another order or spacing): their parsed values decide, as for records held in memory
    /// (`GeminiActivity.read(records:)`). Such keys are rare, so this extra pass parses only their records whole.
    private func repeatsByValue(among candidates: SingleRepeats, stream: ConversationStream) throws -> SingleRepeats {
        var repeats = SingleRepeats()
        try each(in: stream, members: GeminiActivity.glanceMembers, reportsOversized: false) { value, data, index, at in
            guard case .prompt(let key) = GeminiActivity.glance(value, index: index), key.conversationID == nil,
                  candidates.repeats(key: key.single),
                  case .entry(let e) = GeminiActivity.record(try parse(data, offset: at.offset, index: index), index: index) else { return }
            repeats.note(e)
        }
        repeats.seal()
        return repeats
    }

    /// One pass over the records: `body` gets each one parsed (only `members` of it, when given), its
    /// bytes, its number (from 0), where it starts and the bytes of the file read so far.
    private func each(in stream: ConversationStream, members: Set<String>?, reportsOversized: Bool,
                      progress: ((Int64) throws -> Void)? = nil,
                      _ body: (_ value: Any, _ data: Data, _ index: Int, _ at: (offset: Int, done: Int64)) throws -> Void) throws {
        var index = 0
        _ = try SplitFileReader.read(file, into: stream, item: "activity record", label: { SplitFileReader.value(of: ["title"], in: $0) },
                                     reportsOversized: reportsOversized, progress: progress,
                                     element: { data, offset, done in
                                         defer { index += 1 }
                                         try body(try parse(data, offset: offset, index: index, members: members), data, index, (offset, done))
                                     },
                                     document: { _, _ in
                                         throw ImportError.invalidFile(file: file.name, offset: 0, reason: "a JSON object, not the array of activity records")
                                     })
    }

    private func parse(_ data: Data, offset: Int, index: Int, members: Set<String>? = nil) throws -> Any {
        do {
            if let members { return try JSONBytesParser.parse(data, members: members) }
            return try JSONBytesParser.parse(data)
        } catch let failure as JSONBytesParser.Failure {
            throw ImportError.invalidFile(file: file.name, offset: offset + failure.offset,
                                          reason: "invalid JSON in activity record \(index + 1) (\(failure.reason))")
        }
    }
}
