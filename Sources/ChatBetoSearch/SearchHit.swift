import ChatBetoStore

/// One search result: a message (or, for a title match, a conversation with no node).
public struct SearchHit: Sendable, Equatable {
    public var conversationID: String
    /// The matching message; nil when only the conversation's title matched.
    public var nodeID: String?
    public var title: String?
    public var project: String?
    public var role: String?
    public var date: String?
    public var text: String
    /// The ranker's score: relevance, cosine similarity or fused rank score.
    public var score: Double

    /// A match: where it is and the snippet around it.
    public init(conversationID: String, nodeID: String?, title: String?, project: String?, role: String?,
                date: String?, text: String, score: Double) {
        self.conversationID = conversationID; self.nodeID = nodeID; self.title = title; self.project = project
        self.role = role; self.date = date; self.text = text; self.score = score
    }

    /// Identity for fusing rankings.
    public var key: String { conversationID + "\u{1F}" + (nodeID ?? "") }

    /// A hit from a search row (conversation_id, node_id, title, project, role, create_time, text).
    public init(_ r: Record, score: Double) {
        self.init(conversationID: r.string("conversation_id") ?? "", nodeID: r.string("node_id"), title: r.string("title"),
                  project: r.string("project"), role: r.string("role"), date: r.string("create_time"),
                  text: r.string("text") ?? r.string("title") ?? "", score: score)
    }
}

/// Where and what to search.
public struct SearchFilter: Sendable, Equatable {
    /// Only this project's conversations; nil for everywhere.
    public var projectID: Int64?
    /// Messages created on or after this (`2024-05-01`).
    public var since: String?
    /// Only messages of this role (`user`, `assistant`, …).
    public var role: String?
    public var limit: Int
    /// Only conversations from this provider (`chatgpt`, `claude`, `gemini`, `grok`).
    public var provider: String?

    /// What to search in: project, age, role, provider, how many.
    public init(projectID: Int64? = nil, since: String? = nil, role: String? = nil, limit: Int = 20, provider: String? = nil) {
        self.projectID = projectID; self.since = since; self.role = role; self.limit = limit; self.provider = provider
    }
}
