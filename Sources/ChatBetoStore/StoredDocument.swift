/// A document of a conversation as stored by import (`documents`): a canvas with its final text, or a
/// deep-research task whose report the export did not hold (`content` nil).
public struct StoredDocument: Sendable, Equatable {
    public var id: String
    /// `canvas` or `deep_research`.
    public var kind: String
    public var title: String?
    /// The canvas type (`document`, `code/python`, …).
    public var type: String?
    /// The visible message it is shown after.
    public var nodeID: String?
    public var version: Int?
    public var content: String?

    init(_ r: Record) {
        id = r.string("document_id") ?? ""
        kind = r.string("kind") ?? ""
        title = r.string("title")
        type = r.string("document_type")
        nodeID = r.string("node_id")
        version = r.int("version").map(Int.init)
        content = r.string("content")
    }
}
