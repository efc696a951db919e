import Foundation

/// One export format `import` reads (ChatGPT, and through the same seam Claude, Gemini, Grok): it
/// recognises its exports by their content, lists their conversations files, and streams each file's
/// conversations as `ConversationRecord`s. The planner, tree merge, writer, lock and report see only
/// this protocol. Implementations live in Sources/<Provider>/ and are listed in `ExportFormats.all`.
protocol ExportFormat: Sendable {
    /// The name `import --source` takes (`chatgpt`).
    var name: String { get }
    /// What this format's exports are, for messages: "a ChatGPT data export (…)".
    var summary: String { get }
    /// Whether `probe` looks like one of this format's exports, by content; nil when it does not.
    func recognise(_ probe: ExportProbe) -> ExportRecognition?
    /// Opens the export `probe` looked at (also when forced with `--source` without being recognised).
    /// Throws `ImportError` when it holds nothing this format reads.
    func open(_ probe: ExportProbe) throws -> any OpenedExport
}

/// How sure a format is that a path is one of its exports.
struct ExportRecognition: Sendable, Equatable {
    /// 0 … 1; the most confident format reads the export.
    var confidence: Double
    /// What was recognised: "a ChatGPT export zip with 3 conversations shards".
    var description: String
}

/// An opened export: its conversations files and how to stream each one.
protocol OpenedExport: Sendable {
    /// The conversations files, in import order; progress counts their sizes.
    var files: [ExportFile] { get }
    /// What the import report should say about the export as a whole (a manifest's missing files,
    /// shards beside the one given), one line each.
    var notes: [String] { get }
    /// Projects the export lists apart from its conversations, written after them (name, instructions).
    var projects: [SourceProject] { get }
    /// This format's reader version (`chatgpt-2`), mixed into every stored content hash. Bump it when the
    /// reader learns to store more from the same bytes: the next import then reads stored conversations again.
    var readerVersion: String { get }
    /// Streams `file`'s conversations into `stream` and returns how many were read (imported,
    /// unchanged or skipped). Throws `ImportError` for a problem that makes the whole file unusable.
    func read(_ file: ExportFile, into stream: ConversationStream) throws -> Int
}

extension OpenedExport {
    /// Projects the export lists apart from its conversations (Claude's `projects.json`); none by default.
    var projects: [SourceProject] { [] }

    /// Sum of the conversations files' sizes.
    var totalBytes: Int64 { files.reduce(0) { $0 + $1.size } }
}
