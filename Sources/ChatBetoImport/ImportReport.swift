import Foundation

/// What an import did (or, with `--dry-run`, would do). `description` is the human summary;
/// `json` the form recorded in the `imports` table.
public struct ImportReport: Codable, Sendable, CustomStringConvertible {
    /// A conversations file that was read.
    public struct File: Codable, Sendable, Equatable {
        public var name: String
        public var bytes: Int64
        public var conversations: Int
    }

    /// A conversation that was not imported, and why.
    public struct Skip: Codable, Sendable, Equatable {
        public var conversationID: String?
        public var file: String
        public var offset: Int
        public var reason: String
    }

    /// Something repaired or cut while importing a conversation that was kept (a broken parent link,
    /// an over-long message, an invalid escape, a long title). `nodeID` names the message, when one.
    public struct Repair: Codable, Sendable, Equatable {
        public var conversationID: String
        public var nodeID: String?
        public var file: String
        public var problem: String
    }

    public var source: String
    /// The export format that was read (`chatgpt`).
    public var format: String?
    /// What the format says about the export as a whole (a manifest's missing files, shards beside).
    public var notes: [String] = []
    public var dryRun: Bool
    /// Files read to their end and committed (everything in them is stored).
    public var files: [File] = []
    /// The file that failed, when the import stopped.
    public var failedFile: String?
    /// Conversations of `failedFile` committed in batches before it stopped (the rest was rolled back).
    public var failedFileCommitted: Int?
    /// Files never read because the import stopped before them.
    public var unreadFiles: [String] = []
    public var conversationsNew = 0
    public var conversationsUpdated = 0
    public var conversationsUnchanged = 0
    public var skipped: [Skip] = []
    public var repairs: [Repair] = []
    /// New or updated conversations without content: no message with text and no attachment (kept).
    public var conversationsWithoutContent = 0
    /// Imported conversations in the database that this export does not hold (kept, never deleted).
    public var conversationsNotInExport = 0
    /// Message rows written (or that would be written).
    public var messages = 0
    public var assets = 0
    /// Projects the export's conversations belong to, and how many of them are new to the database.
    public var projects = 0
    public var projectsNew = 0
    /// Projects named from the `--projects` file.
    public var projectsNamed = 0
    /// Custom GPTs the export's conversations use.
    public var gizmos = 0
    public var bytes: Int64 = 0
    public var elapsedSeconds: Double = 0
    /// Why the import stopped, when it did (files listed before it were committed).
    public var error: String?

    /// An empty report for an import of `source`.
    public init(source: String, dryRun: Bool) {
        self.source = source
        self.dryRun = dryRun
    }

    /// Conversations left out, each with its reason.
    public var conversationsSkipped: Int { skipped.count }
    /// Every conversation read: new, updated, unchanged and skipped.
    public var conversationsRead: Int { conversationsNew + conversationsUpdated + conversationsUnchanged + skipped.count }
    /// Export bytes read per second, in MB.
    public var megabytesPerSecond: Double { elapsedSeconds > 0 ? Double(bytes) / 1_000_000 / elapsedSeconds : 0 }
    /// Conversations read per second.
    public var conversationsPerSecond: Double { elapsedSeconds > 0 ? Double(conversationsRead) / elapsedSeconds : 0 }

    /// What stays of a file that failed after `conversations` of it were committed.
    static func kept(_ conversations: Int) -> String {
        conversations == 0 ? "nothing from it was written"
            : "its first \(conversations) conversation\(conversations == 1 ? "" : "s") stay committed; the batch after them was rolled back"
    }

    /// The report `import` prints.
    public var description: String {
        var lines: [String] = []
        let verb = dryRun ? "would import" : "imported"
        lines.append("\(dryRun ? "dry run: " : "")\(files.count) file\(files.count == 1 ? "" : "s") \(dryRun ? "read" : "committed") (\(ImportReport.megabytes(bytes)))" +
                     (files.count <= 5 ? ": " + files.map(\.name).joined(separator: ", ") : ""))
        lines += notes.map { "note: \($0)" }
        if let failedFile { lines.append("failed: \(failedFile) (\(ImportReport.kept(failedFileCommitted ?? 0)))") }
        if !unreadFiles.isEmpty {
            lines.append("not read: " + (unreadFiles.count <= 5 ? unreadFiles.joined(separator: ", ") : "\(unreadFiles.count) files"))
        }
        lines.append("conversations: \(conversationsNew) new, \(conversationsUpdated) updated, \(conversationsUnchanged) unchanged, \(skipped.count) skipped" +
                     (conversationsWithoutContent > 0 ? ", \(conversationsWithoutContent) of them without content (kept)" : "") +
                     (conversationsNotInExport > 0 ? ", \(conversationsNotInExport) not in this export (kept)" : ""))
        lines.append("\(verb) \(messages) message\(messages == 1 ? "" : "s"), \(assets) asset reference\(assets == 1 ? "" : "s")")
        lines.append("projects: \(projects) (\(projectsNew) new\(projectsNamed > 0 ? ", \(projectsNamed) named from the projects file" : "")), custom GPTs: \(gizmos)")
        lines.append(String(format: "%.2f s, %.1f MB/s, %.0f conversations/s", elapsedSeconds, megabytesPerSecond, conversationsPerSecond))
        for s in skipped.prefix(20) {
            // Offset 0 is no location (a conversation inside a top-level object): the id names it.
            lines.append("  skipped \(s.conversationID ?? "(no id)") in \(s.file)\(s.offset > 0 ? " at byte \(s.offset)" : ""): \(s.reason)")
        }
        if skipped.count > 20 { lines.append("  … and \(skipped.count - 20) more skipped") }
        for r in repairs.prefix(20) {
            lines.append("  repaired conversation \(r.conversationID)\(r.nodeID.map { ", node \($0)" } ?? "") in \(r.file): \(r.problem)")
        }
        if repairs.count > 20 { lines.append("  … and \(repairs.count - 20) more repairs") }
        return lines.joined(separator: "\n")
    }

    /// The report as one JSON object (at most 100 skips listed).
    public var json: String {
        var capped = self
        capped.skipped = Array(skipped.prefix(100))
        capped.repairs = Array(repairs.prefix(100))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(capped) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    static func megabytes(_ bytes: Int64) -> String { String(format: "%.1f MB", Double(bytes) / 1_000_000) }
}
