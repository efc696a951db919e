import ChatBetoOpenAI
import Foundation

/// What `chatbeto mcp` serves: the archive's home (for the vector file), the default project scope,
/// the embedding model of the saved settings, and OpenAI (only to embed search questions).
public struct MCPConfiguration: Sendable {
    /// `$CHATBETO_HOME`: where the vector file lives.
    public var home: URL
    /// `--project NAME`: the scope when a tool call names none; nil = every project.
    public var project: String?
    public var embeddingModel: String
    public var embeddingDimensions: Int
    /// Semantic and hybrid search embed the question; without a key they fall back to full text.
    public var openAI: OpenAIConfig?

    /// What the MCP server serves: home, project, embeddings and API.
    public init(home: URL, project: String?, embeddingModel: String, embeddingDimensions: Int, openAI: OpenAIConfig?) {
        self.home = home; self.project = project; self.embeddingModel = embeddingModel
        self.embeddingDimensions = embeddingDimensions; self.openAI = openAI
    }
}
