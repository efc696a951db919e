/// A project as the shell sees it.
public struct Project: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var chatgptProjectID: String?
    public var nameSource: String
    public var instructions: String?

    init(_ r: Record) {
        id = r.int("id") ?? 0
        name = r.string("name") ?? ""
        chatgptProjectID = r.string("chatgpt_project_id")
        nameSource = r.string("name_source") ?? "provisional"
        instructions = r.string("instructions")
    }
}

/// A conversation's header row.
public struct ConversationSummary: Sendable, Equatable {
    public var id: String
    public var title: String?
    public var createTime: String?
    public var updateTime: String?
    public var projectID: Int64?
    public var currentNode: String?
    public var messageCount: Int64
    public var origin: String
    public var openAIConversationID: String?
    /// `chatgpt`, `claude`, `gemini` or `grok`.
    public var provider: String

    /// A message from a catalog row.
    public init(_ r: Record) {
        id = r.string("id") ?? ""
        title = r.string("title")
        createTime = r.string("create_time")
        updateTime = r.string("update_time")
        projectID = r.int("project_id")
        currentNode = r.string("current_node")
        messageCount = r.int("message_count") ?? 0
        origin = r.string("origin") ?? "import"
        openAIConversationID = r.string("openai_thread_id")
        provider = r.string("provider") ?? "chatgpt"
    }

    /// The title, or a placeholder for untitled conversations.
    public var displayTitle: String { (title?.isEmpty == false ? title! : "(untitled)") }
}

/// One message row (a node of a conversation's tree), the one shape `show`, chat seeding and `export`
/// share; `updateTime`, `endTurn`, `weight` and `raw` (the message JSON as imported) are filled only by
/// statements that select them (`SQL.Export.nodes`, `SQL.Messages`).
public struct StoredMessage: Sendable, Equatable {
    public var nodeID: String
    public var parentNodeID: String?
    public var childIndex: Int
    public var visibleIndex: Int?
    public var role: String?
    public var authorName: String?
    public var recipient: String?
    public var contentType: String?
    public var text: String?
    public var createTime: String?
    public var isHidden: Bool
    public var onVisiblePath: Bool
    public var isIncomplete: Bool
    public var modelSlug: String?
    public var status: String?
    public var updateTime: String?
    public var endTurn: Bool?
    public var weight: Double?
    /// The message object as imported (JSON text), when kept.
    public var raw: String?

    /// The message in `r`; columns the statement did not select stay nil.
    public init(_ r: Record) {
        nodeID = r.string("node_id") ?? ""
        parentNodeID = r.string("parent_node_id")
        childIndex = Int(r.int("child_index") ?? 0)
        visibleIndex = r.int("visible_index").map(Int.init)
        role = r.string("role")
        authorName = r.string("author_name")
        recipient = r.string("recipient")
        contentType = r.string("content_type")
        text = r.string("text")
        createTime = r.string("create_time")
        isHidden = r.int("is_hidden") == 1
        onVisiblePath = r.int("on_visible_path") == 1
        isIncomplete = r.int("is_incomplete") == 1
        modelSlug = r.string("model_slug")
        status = r.string("status")
        updateTime = r.string("update_time")
        endTurn = r.int("end_turn").map { $0 != 0 }
        weight = r["weight"].doubleValue
        raw = r.string("raw")
    }
}
