import ChatBetoSearch
import ChatBetoStore

/// The hybrid search recall ranks with: the session's vector index and the embedding model of the
/// settings; without a key (or for `--sources`, which sends nothing) full-text alone.
enum RecallSearch {
    static func make(_ context: CommandContext, connection: MySQLConnection, semantic: Bool) -> HybridSearch {
        let model = context.settings.embeddingModel, dimensions = context.settings.embeddingDimensions
        guard semantic, context.openAI.hasAPIKey else { return HybridSearch(connection: connection, index: nil, embed: nil) }
        let index = VectorIndex.reusing(context.vectorIndex, home: context.options.home, server: connection.config.displayName,
                                        model: model, dimensions: dimensions)
        context.vectorIndex = index
        return HybridSearch(connection: connection, index: index, embed: { question in
            try context.openAIClient().embeddings(model: model, inputs: [question], dimensions: dimensions).vectors[0]
        })
    }
}
