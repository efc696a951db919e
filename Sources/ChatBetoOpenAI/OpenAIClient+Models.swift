/// A model the key can use.
public struct ModelInfo: Sendable, Equatable {
    /// The model id to pass as `model`.
    public var id: String
    /// `openai`, `system` or an organization.
    public var ownedBy: String?
    /// Unix seconds.
    public var created: Int?
    /// `YYYY-MM-DD` when OpenAI has announced a shutdown.
    public var shutdownDate: String?
}

/// Models API (https://platform.openai.com/docs/api-reference/models).
extension OpenAIClient {
    /// `GET /models`, sorted by id.
    public func listModels() throws -> [ModelInfo] {
        let json = try requestJSON("GET", "/models")
        return (json["data"]?.array ?? []).compactMap { m in
            m["id"]?.string.map {
                ModelInfo(id: $0, ownedBy: m["owned_by"]?.string, created: m["created"]?.int, shutdownDate: m["shutdown_date"]?.string)
            }
        }.sorted { $0.id < $1.id }
    }
}
