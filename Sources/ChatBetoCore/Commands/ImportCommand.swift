import ChatBetoImport
import ChatBetoSupport
import Foundation

/// `import <path>`: brings an export (ChatGPT: zip, folder, conversations.json or shards) into the database.
public struct ImportCommand: ShellCommand, Equatable {
    public static let spec = CommandSpec(
        name: "import", usage: "import <export.zip|folder|conversations.json> [--source NAME] [--projects FILE] [--dry-run] | import --demo",
        summary: "Import a ChatGPT data export (idempotent; unchanged conversations are skipped).",
        details: """
        import ~/Downloads/<id>-2026-01-02-….zip    the zip as downloaded, read in place
        import ~/export/                            an unpacked export (conversations.json or conversations-000.json …)
        import conversations.json --dry-run         parse everything, report what would change, write nothing
        import export.zip --projects sidebar.json   name projects from the list saved from the ChatGPT web app
                                                    (gizmos/snorlax/sidebar); names you gave are never overwritten
        import export.zip --source chatgpt          read it as this format (\(ExportFormats.names.joined(separator: ", ")));
                                                    without it the content tells which
        import --demo                               a small generated export to try every command
        Each file is written in one transaction: an interrupted import can simply be run again.
        A re-import merges: new and changed nodes are added, nothing is deleted, local turns stay.
        One import at a time per database: a second one waits for the first and says for whom.
        """, category: .data)

    public var path: String?
    public var demo = false
    public var dryRun = false
    public var projectsFile: String?
    /// The format `--source` forces; nil: the one the content shows.
    public var source: String?

    /// `import` with these arguments, as its words would parse.
    public init(path: String?, demo: Bool = false, dryRun: Bool = false, projectsFile: String? = nil, source: String? = nil) {
        self.path = path; self.demo = demo; self.dryRun = dryRun; self.projectsFile = projectsFile; self.source = source
    }
    /// Parses the words after `import` (see `spec`).
    public init(arguments: inout Arguments) throws {
        demo = arguments.flag("--demo")
        dryRun = arguments.flag("--dry-run")
        projectsFile = try arguments.option("--projects")
        source = try arguments.option("--source")
        if let source, !ExportFormats.names.contains(source) {
            throw arguments.usageError("unknown source '\(source)'; chatbeto reads: \(ExportFormats.names.joined(separator: ", "))")
        }
        try arguments.requireCount(demo ? 0...0 : 1...1)
        path = arguments.positional.first
    }

    /// Import a ChatGPT data export (idempotent; unchanged conversations are skipped).
    public func run(in context: CommandContext) throws -> CommandResult {
        let source: URL
        if demo {
            guard let url = Importer.demoExport else { throw ImportCommandError.demoMissing }
            source = url
        } else {
            source = UserPath.resolve(path ?? "")
        }
        let options = ImportOptions(dryRun: dryRun, projectsFile: projectsFile.map { UserPath.resolve($0) }, source: self.source)
        let importer = Importer(connection: try context.connection)
        let cancellation = CancellationFlag()
        let say = context.output.diagnostics
        let report: ImportReport
        do {
            report = try cancellation.raisedOnInterrupt {
                try importer.run(source: source, options: options, progress: ImportProgress.terminal(), cancellation: cancellation,
                                 notice: { say("note: " + $0) })
            }
        } catch let e as ImportError where e.isInterruption {
            throw InterruptedError(e.description)  // exit 130 in a script, the prompt again in the shell
        }
        context.state.lastListing = []
        // The report is the result: people read it, scripts can ask for it as JSON.
        return .report(report.description, json: report.json)
    }
}

enum ImportCommandError: Error, CustomStringConvertible {
    case demoMissing
    var description: String { "the demo export is missing from this build (Resources/demo-export.zip)" }
}
