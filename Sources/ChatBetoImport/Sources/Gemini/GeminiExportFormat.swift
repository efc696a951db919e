import Foundation

/// Google Takeout's Gemini Apps activity (`Takeout/My Activity/Gemini Apps/MyActivity.json`, or the HTML
/// page when JSON was not chosen), in a zip, a folder or alone. Recognised by content: records whose
/// header or products name Gemini; a Takeout's other products (YouTube, Chrome …) are never read as chats.
struct GeminiExportFormat: ExportFormat {
    let name = "gemini"
    let summary = "a Google Takeout with Gemini Apps activity (My Activity/Gemini Apps/MyActivity.json or .html)"

    func recognise(_ probe: ExportProbe) -> ExportRecognition? {
        let export = GeminiExport(probe: probe)
        guard let first = export.files.first else { return nil }
        return ExportRecognition(confidence: 0.9, description: "Gemini Apps activity (\(first.name))")
    }

    func open(_ probe: ExportProbe) throws -> any OpenedExport {
        let export = GeminiExport(probe: probe)
        guard !export.files.isEmpty else {
            throw ImportError.noConversations(path: probe.url.path, reason: "it holds no Gemini Apps activity file (JSON records with header \"Gemini Apps\", or MyActivity.html)")
        }
        return export
    }
}

struct GeminiExport: OpenedExport {
    let files: [ExportFile]
    /// Bump when the reader stores more from the same bytes.
    let readerVersion = "gemini-1"
    private let board: NoteBoard
    var notes: [String] { board.all }

    /// Whether the first bytes are Gemini activity: JSON records naming Gemini, or the HTML page.
    static func isActivity(_ head: Data) -> Bool {
        let text = String(decoding: head.prefix(16 << 10), as: UTF8.self)
        if JSONShape.has("header", in: head, depths: 2...2) { return text.contains("\"Gemini") }
        return text.contains("outer-cell") && text.contains("Gemini Apps")
    }

    init(probe: ExportProbe) {
        var notes: [String] = []
        switch probe.kind {
        case .file:
            files = GeminiExport.isActivity(probe.head()) ? probe.entries.map(probe.file) : []
        case .folder, .zip:
            let candidates = probe.entries.filter { $0.path.hasSuffix(".json") || $0.path.hasSuffix(".html") }
                .filter { GeminiExport.isActivity(probe.head($0.path)) }
            // JSON and HTML of the same folder hold the same records: JSON wins, the HTML is the fallback.
            let folders = Set(candidates.filter { $0.path.hasSuffix(".json") }.map { ($0.path as NSString).deletingLastPathComponent })
            let chosen = candidates.filter { $0.path.hasSuffix(".json") || !folders.contains(($0.path as NSString).deletingLastPathComponent) }
            if chosen.count < candidates.count { notes.append("MyActivity.html skipped: the JSON beside it holds the same records") }
            files = chosen.map(probe.file)
        }
        board = NoteBoard(notes)
    }

    /// The activity log is grouped into conversations across the whole file, so it is read whole
    /// (real ones are about 10 KB per record: 20 MB for 2,000).
    func read(_ file: ExportFile, into stream: ConversationStream) throws -> Int {
        let data = try file.readAll(limit: stream.limits.conversationBytes)
        let result: GeminiActivity.Result
        if let array = try? JSONSerialization.jsonObject(with: data) as? [Any] {
            result = GeminiActivity.read(records: array)
        } else if let html = String(data: data, encoding: .utf8), GeminiHTML.recognises(html) {
            result = GeminiHTML.read(html: html)
        } else {
            throw ImportError.invalidFile(file: file.name, offset: 0, reason: "neither a JSON array of activity records nor the Gemini Apps HTML page")
        }
        board.add("\(file.name): \(result.grouping)")
        if result.ignoredRecords > 0 {
            let verbs = result.ignoredVerbs.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            board.add("\(file.name): \(result.ignoredRecords) activity record\(result.ignoredRecords == 1 ? "" : "s") that are not prompts left out (\(verbs))")
        }
        for p in result.problems { board.add("\(file.name): \(p)") }
        for (i, c) in result.conversations.enumerated() {
            try stream.push({ c.conversation }, contentHash: c.hash, file: file, offset: 0,
                            bytesDone: file.size * Int64(i + 1) / Int64(result.conversations.count), fallbackID: c.conversation.id)
        }
        return result.conversations.count
    }
}
