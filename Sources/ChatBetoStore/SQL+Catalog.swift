import Foundation

/// The SQL of projects, conversations, messages and the session rows. All SQL text is in SQL.swift and its extensions.
extension SQL {
    /// Listing, reading and renaming projects.
    public enum Projects {
        /// Parameters: provider, provider (NULL for every provider).
        static let list = """
            SELECT p.id, p.name, p.chatgpt_project_id, p.name_source,
                   COUNT(c.id) AS conversations, MAX(c.update_time) AS last_activity, p.provider
            FROM projects p LEFT JOIN conversations c ON c.project_id = p.id
            WHERE (? IS NULL OR p.provider = ?)
            GROUP BY p.id, p.name, p.chatgpt_project_id, p.name_source, p.provider
            ORDER BY MAX(c.update_time) IS NULL, MAX(c.update_time) DESC, p.name
            """
        static let all = "SELECT id, name, chatgpt_project_id, name_source, instructions FROM projects ORDER BY name"
        static let byID = "SELECT id, name, chatgpt_project_id, name_source, instructions FROM projects WHERE id = ?"
        static let rename = "UPDATE projects SET name = ?, name_source = 'user', updated_at = CURRENT_TIMESTAMP(6) WHERE id = ?"
        static let setInstructions = "UPDATE projects SET instructions = ?, updated_at = CURRENT_TIMESTAMP(6) WHERE id = ?"
        static let names = "SELECT name FROM projects ORDER BY name"
    }

    /// Listing and reading conversations.
    public enum Conversations {
        static let columns = """
            c.id, c.title, c.create_time, c.update_time, c.project_id, c.chatgpt_gizmo_id, c.current_node,
            c.message_count, c.origin, c.openai_thread_id, c.provider
            """
        static let byID = "SELECT \(columns) FROM conversations c WHERE c.id = ?"
        static let byPrefix = "SELECT \(columns) FROM conversations c WHERE c.id LIKE CONCAT(?, '%') ORDER BY c.update_time DESC LIMIT 5"
        /// Parameters: project filter flag (1 = filter), project id, orphans-only flag, since, since, provider, provider, limit.
        /// `visible_messages` counts what `show` shows (and `stats` calls messages); `message_count` counts every node.
        static let list = """
            SELECT \(columns), p.name AS project,
                   (SELECT COUNT(*) FROM messages m WHERE m.conversation_id = c.id AND \(Stats.visible)) AS visible_messages
            FROM conversations c LEFT JOIN projects p ON p.id = c.project_id
            WHERE (? = 0 OR c.project_id = ?)
              AND (? = 0 OR c.project_id IS NULL)
              AND (? IS NULL OR c.update_time >= ?)
              AND (? IS NULL OR c.provider = ?)
            ORDER BY c.update_time DESC, c.id DESC
            LIMIT ?
            """
        /// How many rows `list` would give without its limit; the same parameters but the limit.
        static let count = """
            SELECT COUNT(*) FROM conversations c
            WHERE (? = 0 OR c.project_id = ?)
              AND (? = 0 OR c.project_id IS NULL)
              AND (? IS NULL OR c.update_time >= ?)
              AND (? IS NULL OR c.provider = ?)
            """
        static let mostRecentInProject = "SELECT \(columns) FROM conversations c WHERE c.project_id = ? ORDER BY c.update_time DESC LIMIT 1"
        static let mostRecent = "SELECT \(columns) FROM conversations c ORDER BY c.update_time DESC LIMIT 1"
        /// Parameters: project filter flag (1 = filter), project id.
        static let completionCandidates = """
            SELECT id, title FROM conversations WHERE (? = 0 OR project_id = ?) ORDER BY update_time DESC LIMIT 500
            """
    }

    /// Reading a conversation's messages.
    public enum Messages {
        static let columns = """
            node_id, parent_node_id, child_index, visible_index, role, author_name, recipient, content_type, text,
            create_time, is_hidden, on_visible_path, is_incomplete, model_slug, status, raw
            """
        static let visibleThread = """
            SELECT \(columns) FROM messages WHERE conversation_id = ? AND on_visible_path = 1 ORDER BY visible_index
            """
        static let allNodes = "SELECT \(columns) FROM messages WHERE conversation_id = ?"
        static let assets = "SELECT node_id, position, asset_pointer, kind, export_path, file_name FROM assets WHERE conversation_id = ? ORDER BY node_id, position"
        static let documents = """
            SELECT document_id, kind, title, document_type, node_id, version, content FROM documents
            WHERE conversation_id = ? ORDER BY document_id
            """
    }

    /// The saved shell session (current project and conversation).
    public enum Sessions {
        static let latest = "SELECT id, project_id, conversation_id, settings FROM sessions ORDER BY updated_at DESC, id DESC LIMIT 1"
        static let insert = "INSERT INTO sessions (started_at, updated_at, project_id, conversation_id, settings) VALUES (CURRENT_TIMESTAMP(6), CURRENT_TIMESTAMP(6), ?, ?, ?)"
        static let update = "UPDATE sessions SET updated_at = CURRENT_TIMESTAMP(6), project_id = ?, conversation_id = ?, settings = ? WHERE id = ?"
    }
}
