import Foundation

/// How `Importer.run` behaves.
public struct ImportOptions: Sendable, Equatable {
    /// Parse everything and report what would change, writing nothing.
    public var dryRun: Bool
    /// A project list saved from the ChatGPT web app (the `gizmos/snorlax/sidebar` JSON), naming projects.
    public var projectsFile: URL?

    public init(dryRun: Bool = false, projectsFile: URL? = nil) {
        self.dryRun = dryRun
        self.projectsFile = projectsFile
    }
}
