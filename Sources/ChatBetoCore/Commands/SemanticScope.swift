import ChatBetoSearch
import ChatBetoStore

/// What semantic search covers: before searching, says when the embeddings cover only part of the
/// scope ("embeddings cover 1 of 17 projects: run `index --all`"), and refuses a project that has none
/// instead of answering "0 hits". Kept apart from SearchCommand's options.
enum SemanticScope {
    /// Notes a partial index on stderr. A project without any vector throws, or with `orWarn` (hybrid
    /// search, whose full-text half still works) warns and returns false.
    @discardableResult
    static func check(_ context: CommandContext, connection: MySQLConnection, projectID: Int64?, orWarn: Bool = false) throws -> Bool {
        let model = context.settings.embeddingModel
        let coverage = try EmbeddingCoverage.load(connection: connection, model: model, dimensions: context.settings.embeddingDimensions)
        let name = projectID == nil ? nil : context.state.project?.name
        switch coverage.note(projectID: projectID, projectName: name) {
        case nil:
            return true
        case .partial(let text):
            context.output.diagnostics("note: " + text)
            return true
        case .unindexed(let project):
            let error = SearchError.projectNotIndexed(project: project, model: model)
            guard orWarn else { throw error }
            context.warn(error.description + "; showing full-text hits only")
            return false
        }
    }
}
