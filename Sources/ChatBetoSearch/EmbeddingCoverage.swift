import ChatBetoStore

/// How much of the archive the embeddings of one (model, dimensions) cover, per project, so semantic
/// search can say what a partial index leaves out instead of silently finding less.
public struct EmbeddingCoverage: Sendable, Equatable {
    /// One project's messages worth embedding and how many have a vector (`projectID` nil: no project).
    public struct Project: Sendable, Equatable {
        public var projectID: Int64?
        public var name: String?
        public var messages: Int
        public var embedded: Int
    }

    public var projects: [Project]

    /// Coverage over these projects.
    public init(projects: [Project]) { self.projects = projects }

    /// Reads the coverage from the database.
    public static func load(connection: MySQLConnection, model: String, dimensions: Int) throws -> EmbeddingCoverage {
        let rows = try connection.query(SQL.Embeddings.coverage(model: model, dimensions: dimensions)).records
        return EmbeddingCoverage(projects: rows.map { r in
            Project(projectID: r.int("project_id"), name: r.string("project"), messages: Int(r.int("messages") ?? 0),
                    embedded: Int(r.int("embedded") ?? 0))
        })
    }

    /// What a search in `projectID` (nil = everywhere) should be told, or nil when the index covers it all.
    public func note(projectID: Int64?, projectName: String?) -> Note? {
        if let projectID {
            let p = projects.first { $0.projectID == projectID } ?? Project(projectID: projectID, name: projectName, messages: 0, embedded: 0)
            let name = p.name ?? projectName ?? String(projectID)
            if p.embedded == 0 { return .unindexed(project: name) }
            if p.embedded < p.messages { return .partial("embeddings cover \(p.embedded) of \(p.messages) messages in '\(name)': run `index \(name)`") }
            return nil
        }
        let named = projects.filter { $0.projectID != nil && $0.messages > 0 }
        let full = named.filter { $0.embedded >= $0.messages }.count
        let messages = projects.reduce(0) { $0 + $1.messages }, embedded = projects.reduce(0) { $0 + $1.embedded }
        guard embedded > 0, embedded < messages else { return nil }
        let scope = named.isEmpty ? "" : "\(full) of \(named.count) project\(named.count == 1 ? "" : "s") ("
        return .partial("embeddings cover \(scope)\(embedded) of \(messages) messages\(named.isEmpty ? "" : ")"): run `index --all`")
    }

    /// What to tell the user about the coverage of a search's scope.
    public enum Note: Sendable, Equatable {
        /// Some of the scope has vectors: a note with the figures and the command that completes it.
        case partial(String)
        /// The scope's project has no vectors at all.
        case unindexed(project: String)
    }
}
