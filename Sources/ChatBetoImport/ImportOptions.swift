import Foundation

/// How `Importer.run` behaves.
public struct ImportOptions: Sendable, Equatable {
    /// Parse everything and report what would change, writing nothing.
    public var dryRun: Bool
    /// A project list saved from the ChatGPT web app (the `gizmos/snorlax/sidebar` JSON), naming projects.
    public var projectsFile: URL?

    /// Size limits; nil: the documented defaults, fitted to the server's max_allowed_packet.
    public var limits: ImportLimits?

    /// The export format to read (`ExportFormats.names`); nil: the one the content shows.
    public var source: String?

    /// How to import: dry run, sidebar projects file, limits, and the export format (nil: the one the content shows).
    public init(dryRun: Bool = false, projectsFile: URL? = nil, limits: ImportLimits? = nil, source: String? = nil) {
        self.dryRun = dryRun
        self.source = source
        self.projectsFile = projectsFile
        self.limits = limits
    }
}
