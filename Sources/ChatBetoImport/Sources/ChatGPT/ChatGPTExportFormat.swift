import Foundation

/// ChatGPT's data export (Settings → Data controls → Export): `conversations.json` or
/// `conversations-NNN.json` shards whose conversations are trees under `mapping`, in a zip, a folder
/// or as a single file. Recognised by the `mapping` key of its conversations, not by file names.
struct ChatGPTExportFormat: ExportFormat {
    let name = "chatgpt"
    let summary = "a ChatGPT data export (a zip or folder with conversations.json or conversations-NNN.json, " +
        "or one such file, whose conversations have a \"mapping\" of messages)"

    func recognise(_ probe: ExportProbe) -> ExportRecognition? {
        switch probe.kind {
        case .file:
            return recognise(head: probe.head(), what: "a ChatGPT conversations file")
        case .folder, .zip:
            let candidates = ChatGPTExport.conversationFiles(probe.entries.map(\.path).filter { $0.split(separator: "/").count <= 2 })
            guard let first = candidates.first else {
                guard probe.kind == .zip, probe.member == nil, let container = try? ChatGPTContainer.open(probe),
                      let inner = recognise(container.export) else { return nil }
                return ExportRecognition(confidence: inner.confidence,
                                         description: "a Privacy Portal container holding \(inner.description)")
            }
            let what = "a ChatGPT export \(probe.kind == .zip ? "zip" : "folder") with " +
                (candidates.count == 1 ? first : "\(candidates.count) conversations shards")
            return recognise(head: probe.head(first), what: what)
        }
    }

    func open(_ probe: ExportProbe) throws -> any OpenedExport {
        try ChatGPTExport(probe)
    }

    /// Conversations under `mapping` (an array of them, one, a `{"conversations": […]}` wrapper, or a map
    /// by id); an empty array is a ChatGPT export without conversations, as sure as a name can make it.
    private func recognise(head: Data, what: String) -> ExportRecognition? {
        if JSONShape.has("mapping", in: head, depths: 1...3) { return ExportRecognition(confidence: 0.9, description: what) }
        if JSONShape.describe(head) == "an empty JSON array" { return ExportRecognition(confidence: 0.1, description: what + " (empty)") }
        return nil
    }
}
