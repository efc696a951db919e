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

    /// The activity log is grouped into conversations across the whole file, so both variants are
    /// streamed twice, never held whole: the JSON (`GeminiActivityFile`) and the HTML page, there only
    /// when JSON was not chosen (`GeminiHTMLFile`).
    func read(_ file: ExportFile, into stream: ConversationStream) throws -> Int {
        let json = file.head(count: 4096).first(where: { !(" \n\r\t".utf8.contains($0) || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF) }) == UInt8(ascii: "[")
        let read = json ? try GeminiActivityFile(file: file).read(into: stream) : try GeminiHTMLFile(file: file).read(into: stream)
        read.notes.forEach(board.add)
        return read.conversations
    }
}
