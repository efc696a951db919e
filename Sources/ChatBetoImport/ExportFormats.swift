import Foundation

/// The export formats `import` reads, in one list: add a format here and in its own folder
/// (Sources/<Provider>/); nothing else in the importer changes.
public enum ExportFormats {
    static let all: [any ExportFormat] = [
        ChatGPTExportFormat(),
        ClaudeExportFormat(),
        GeminiExportFormat(),
        GrokExportFormat(),
    ]

    /// The names `import --source` accepts.
    public static var names: [String] { all.map(\.name) }

    /// Opens `url` with the format `forced` names, or else the one most sure it is one of its exports.
    static func open(_ url: URL, forced: String? = nil) throws -> (format: any ExportFormat, export: any OpenedExport) {
        let probe = try ExportProbe(url)
        if let forced {
            guard let format = all.first(where: { $0.name == forced }) else {
                throw ImportError.unknownFormat(name: forced, known: names)
            }
            return (format, try format.open(probe))
        }
        let ranked = all.compactMap { f in f.recognise(probe).map { (format: f, recognition: $0) } }
            .max { $0.recognition.confidence < $1.recognition.confidence }
        guard let best = ranked else {
            throw ImportError.noConversations(
                path: url.path,
                reason: "it looks like \(probe.looksLike); chatbeto reads " + all.map(\.summary).joined(separator: "; "))
        }
        return (best.format, try best.format.open(probe))
    }
}
