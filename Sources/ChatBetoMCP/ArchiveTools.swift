import MCP

/// The tools `chatbeto mcp` offers: each with a description a model can act on and a JSON Schema.
enum ArchiveTools {
    static let search = "search"
    static let readConversation = "read_conversation"
    static let listProjects = "list_projects"
    static let listConversations = "list_conversations"
    static let sql = "sql"
    static let stats = "stats"

    private static func schema(_ properties: [String: Value], required: [String] = []) -> Value {
        .object(["type": "object", "properties": .object(properties),
                 "required": .array(required.map { .string($0) }), "additionalProperties": false])
    }
    private static func string(_ description: String) -> Value { .object(["type": "string", "description": .string(description)]) }
    private static func integer(_ description: String, min: Int, max: Int) -> Value {
        .object(["type": "integer", "description": .string(description), "minimum": .int(min), "maximum": .int(max)])
    }
    private static let scope: [String: Value] = [
        "project": string("Project name or id to search in; default: the server's --project, else every project."),
        "all": .object(["type": "boolean", "description": "Every project, whatever the default scope."]),
    ]
    private static let since = string("Only messages (or conversations updated) on or after this date, e.g. 2024-05-01.")
    private static let readOnly = Tool.Annotations(readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false)

    static let all: [Tool] = [
        Tool(name: search, description: """
            Search the user's ChatGPT history. Returns numbered hits, one per line: conversation id, message id, \
            date, project, title, role and a snippet. Pass a hit's conversation id (and message id as 'around') \
            to read_conversation. mode: full-text (every word must appear; accents and case ignored), semantic \
            (by meaning; needs an embedding index), hybrid (both fused; falls back to full-text).
            """,
             inputSchema: schema(scope.merging([
                "query": string("Words or a question to search for."),
                "mode": .object(["type": "string", "enum": ["full-text", "semantic", "hybrid"],
                                 "description": "Ranking; default full-text."]),
                "since": since,
                "role": .object(["type": "string", "enum": ["user", "assistant", "tool", "system"],
                                 "description": "Only messages of this role."]),
                "limit": integer("At most this many hits (default 10).", min: 1, max: 100),
             ]) { a, _ in a }, required: ["query"]), annotations: readOnly),
        Tool(name: readConversation, description: """
            Read a conversation's visible thread (as ChatGPT shows it): a header, then each message as \
            '--- #N msg=<message id> <role> <date>' and its text. With 'around', only a window of messages \
            around that message. Long threads are cut at 'limit' messages from the start unless 'around' is given.
            """,
             inputSchema: schema([
                "conversation": string("Conversation id (or a unique prefix of at least 4 characters), as search and list_conversations return."),
                "around": string("A message id in that conversation: return only the messages around it."),
                "window": integer("With 'around': messages before and after it (default 3).", min: 0, max: 50),
                "limit": integer("At most this many messages (default 200).", min: 1, max: 2000),
             ], required: ["conversation"]), annotations: readOnly),
        Tool(name: listProjects, description: "List projects: id, name, number of conversations, last activity, tab-separated.",
             inputSchema: schema([:]), annotations: readOnly),
        Tool(name: listConversations, description: """
            List conversations, most recently updated first: id, title, project, update time, message count, \
            tab-separated. Ids are accepted by read_conversation.
            """,
             inputSchema: schema(scope.merging([
                "since": since,
                "limit": integer("At most this many (default 50).", min: 1, max: 1000),
             ]) { a, _ in a }), annotations: readOnly),
        Tool(name: sql, description: """
            Run one read-only SQL statement (SELECT, SHOW, DESCRIBE, EXPLAIN) on the archive's MySQL/MariaDB \
            database through a SELECT-only account; writes are refused by the server. Tables: projects, \
            conversations, messages (conversation_id, node_id, role, text, create_time, on_visible_path, …). \
            Result: tab-separated with a header row, at most 'max_rows' rows.
            """,
             inputSchema: schema([
                "query": string("The SQL statement."),
                "max_rows": integer("At most this many rows in the result (default 200).", min: 1, max: 10000),
             ], required: ["query"]), annotations: readOnly),
        Tool(name: stats, description: "Totals (conversations, messages, dates), per-project counts, models used and monthly activity.",
             inputSchema: schema([:]), annotations: readOnly),
    ]

    /// The argument names each tool accepts (anything else is an `invalid params` error).
    static func argumentNames(_ tool: String) -> Set<String>? {
        guard let t = all.first(where: { $0.name == tool }),
              case .object(let s) = t.inputSchema, case .object(let p)? = s["properties"] else { return nil }
        return Set(p.keys)
    }
}
