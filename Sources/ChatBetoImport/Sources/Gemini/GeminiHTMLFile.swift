import Foundation

/// Streams the HTML variant of Gemini Apps activity (`MyActivity.html`, hundreds of MB in a large
/// Takeout) in two passes through `ActivityCellSplitter`, so the page is never held whole. The first
/// reads every record: to number a prompt sent twice in one second (`SingleRepeats`), and to fail on a
/// page that ends early or holds a record that is not UTF-8 before anything is written. The second
/// reads them again and hands each prompt on as a conversation of its own (the page carries no
/// conversation ids), so nothing is held but the current record. Each pass is half of the progress.
struct GeminiHTMLFile {
    let file: ExportFile

    /// Reads the records into `stream`; returns how many conversations were read and the report's lines.
    func read(into stream: ConversationStream) throws -> (conversations: Int, notes: [String]) {
        var result = GeminiActivity.Result()
        var repeats = GeminiActivity.SingleRepeats()
        var prompts = 0
        var gemini = 0
        let records = try split(into: stream, reportsOversized: false, progress: { try stream.progress(bytesDone: $0 / 2) }) { record, _ in
            switch record {
            case .entry(let e):
                prompts += 1
                gemini += 1
                repeats.note(e)
            case .ignored(let verb):
                result.ignoredRecords += 1
                result.ignoredVerbs[verb, default: 0] += 1
                if verb != "(not Gemini Apps)" { gemini += 1 }
            case .problem(let p):
                gemini += 1
                result.problems.append(p)
            }
        }
        guard records > 0, gemini > 0 else {
            throw ImportError.invalidFile(file: file.name, offset: 0,
                                          reason: "neither a JSON array of activity records nor the Gemini Apps HTML page (\(records == 0 ? "no activity record in it" : "no record of Gemini Apps"))")
        }
        repeats.seal()
        var count = 0
        let half = file.size / 2
        _ = try split(into: stream, reportsOversized: true) { record, at in
            guard case .entry(let e) = record else { return }
            let c = GeminiActivity.conversation(single: e, occurrence: repeats.occurrence(of: e))
            count += 1
            try stream.push({ c.conversation }, contentHash: c.hash, file: file, offset: at.offset, bytesDone: half + at.done / 2,
                            fallbackID: c.conversation.id)
        }
        result.grouping = GeminiActivity.grouping(conversations: 0, groupedPrompts: 0, singles: prompts)
        return (count, result.notes(file: file.name))
    }

    /// One pass over the page: each record read (`record` gets it with where it starts and the bytes read
    /// so far); returns how many records the page holds.
    private func split(into stream: ConversationStream, reportsOversized: Bool, progress: ((Int64) throws -> Void)? = nil,
                       _ record: (GeminiActivity.Record, _ at: (offset: Int, done: Int64)) throws -> Void) throws -> Int {
        var index = 0
        return try SplitFileReader.read(file, into: stream, splitter: ActivityCellSplitter(), item: "activity record",
                                        label: GeminiHTML.label, reportsOversized: reportsOversized, progress: progress) { data, offset, done in
            defer { index += 1 }
            guard let cell = String(data: data, encoding: .utf8) else {
                throw ImportError.invalidFile(file: file.name, offset: offset,
                                              reason: "activity record \(index + 1), which starts at byte \(offset), is not valid UTF-8")
            }
            try record(GeminiHTML.record(cell, index: index), (offset, done))
        }
    }
}
