import Foundation

/// How `Importer.run` behaves.
public struct ImportOptions: Sendable, Equatable {
    /// Parse everything and report what would change, writing nothing.
    public var dryRun: Bool
    /// A project list saved from the ChatGPT web app (the `gizmos/snorlax/sidebar` JSON), naming projects.
    public var projectsFile: URL?

    /// Size limits; nil: the documented defaults, fitted to the server's max_allowed_packet.
    public var limits: ImportLimits?

    public init(dryRun: Bool = false, projectsFile: URL? = nil, limits: ImportLimits? = nil) {
        self.dryRun = dryRun
        self.projectsFile = projectsFile
        self.limits = limits
    }
}
