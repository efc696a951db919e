import ChatBetoSupport

/// Why a search, index or export could not run, with what the user can do about it.
public enum SearchError: Error, CustomStringConvertible, Sendable, Equatable {
    case nothingToSearch(query: String)
    case noEmbeddings(model: String, dimensions: Int)
    /// Semantic search in a project none of whose messages has a vector yet.
    case projectNotIndexed(project: String, model: String)
    case exportTarget(path: String, problem: String)
    /// The memory-mapped copy of the vectors could not be read or written.
    case vectorFile(path: String, problem: String)
    /// Semantic ranking needs the question's embedding, and so an API key.
    case semanticNeedsKey

    /// The message the user sees.
    public var description: String {
        switch self {
        case .nothingToSearch(let query):
            return "search: '\(Echo.short(query))' has only stop words, one-letter words or words longer than the \(QueryTerms.maximumLength) characters the index holds; add a more specific word"
        case .noEmbeddings(let model, let dimensions):
            return "search: no message embeddings for \(model) at \(dimensions) dimensions yet; run 'index' (or 'index --all') first"
        case .projectNotIndexed(let project, let model):
            return "search: project '\(project)' has no embeddings for \(model) yet, so semantic search cannot look there: run `index \(project)` (or `index --all`)"
        case .exportTarget(let path, let problem):
            return "export: \(path): \(problem)"
        case .vectorFile(let path, let problem):
            return "search: vector file \(path): \(problem)"
        case .semanticNeedsKey:
            return "search: semantic ranking embeds the question and needs OPENAI_API_KEY; use full-text instead"
        }
    }
}
