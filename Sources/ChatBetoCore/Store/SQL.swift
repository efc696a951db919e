/// Every SQL statement chatbeto issues, in one place. Values are always bound (`?`), never interpolated.
/// Only syntax that MySQL 8.0+ and MariaDB 10.11+ both accept.
public enum SQL {
    public enum Migrations {
        static let lock = "SELECT GET_LOCK('chatbeto_migrate', 10) AS got"
        static let unlock = "SELECT RELEASE_LOCK('chatbeto_migrate')"
        static let applied = "SELECT version FROM schema_migrations"
        static let record = "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, CURRENT_TIMESTAMP(6))"
        static let current = "SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations"
    }

    public enum Projects {
        static let list = """
            SELECT p.id, p.name, p.chatgpt_project_id, p.name_source,
                   COUNT(c.id) AS conversations, MAX(c.update_time) AS last_activity
            FROM projects p LEFT JOIN conversations c ON c.project_id = p.id
            GROUP BY p.id, p.name, p.chatgpt_project_id, p.name_source
            ORDER BY MAX(c.update_time) IS NULL, MAX(c.update_time) DESC, p.name
            """
        static let all = "SELECT id, name, chatgpt_project_id, name_source, instructions FROM projects ORDER BY name"
        static let byID = "SELECT id, name, chatgpt_project_id, name_source, instructions FROM projects WHERE id = ?"
        static let byGizmo = "SELECT id, name, chatgpt_project_id, name_source, instructions FROM projects WHERE chatgpt_project_id = ?"
        static let rename = "UPDATE projects SET name = ?, name_source = 'user', updated_at = CURRENT_TIMESTAMP(6) WHERE id = ?"
        static let setInstructions = "UPDATE projects SET instructions = ?, updated_at = CURRENT_TIMESTAMP(6) WHERE id = ?"
        static let insertLocal = "INSERT INTO projects (name, name_source) VALUES (?, 'user')"
        static let names = "SELECT name FROM projects ORDER BY name"
    }

    public enum Conversations {
        static let columns = """
            c.id, c.title, c.create_time, c.update_time, c.project_id, c.chatgpt_gizmo_id, c.current_node,
            c.message_count, c.origin, c.openai_thread_id
            """
        static let byID = "SELECT \(columns) FROM conversations c WHERE c.id = ?"
        static let byPrefix = "SELECT \(columns) FROM conversations c WHERE c.id LIKE CONCAT(?, '%') ORDER BY c.update_time DESC LIMIT 5"
        /// Parameters: project filter flag (1 = filter), project id, orphans-only flag, since, limit.
        static let list = """
            SELECT \(columns), p.name AS project
            FROM conversations c LEFT JOIN projects p ON p.id = c.project_id
            WHERE (? = 0 OR c.project_id = ?)
              AND (? = 0 OR c.project_id IS NULL)
              AND (? IS NULL OR c.update_time >= ?)
            ORDER BY c.update_time IS NULL, c.update_time DESC, c.id
            LIMIT ?
            """
        static let mostRecentInProject = "SELECT \(columns) FROM conversations c WHERE c.project_id = ? ORDER BY c.update_time DESC LIMIT 1"
        static let mostRecent = "SELECT \(columns) FROM conversations c ORDER BY c.update_time DESC LIMIT 1"
        static let completionCandidates = "SELECT id, title FROM conversations ORDER BY update_time DESC LIMIT 500"
    }

    public enum Messages {
        static let columns = """
            node_id, parent_node_id, child_index, visible_index, role, author_name, recipient, content_type, text,
            create_time, is_hidden, on_visible_path, is_incomplete, model_slug, status
            """
        static let visibleThread = """
            SELECT \(columns) FROM messages WHERE conversation_id = ? AND on_visible_path = 1 ORDER BY visible_index
            """
        static let allNodes = "SELECT \(columns) FROM messages WHERE conversation_id = ?"
        static let assets = "SELECT node_id, position, asset_pointer, kind, export_path FROM assets WHERE conversation_id = ? ORDER BY node_id, position"
    }

    /// Chat turns and server-side conversations (issue 4).
    public enum Chat {
        static let conversationState = """
            SELECT id, project_id, current_node, openai_thread_id, seeded_node FROM conversations WHERE id = ?
            """
        static let nodeForUpdate = "SELECT visible_index FROM messages WHERE conversation_id = ? AND node_id = ? FOR UPDATE"
        static let childCount = "SELECT COUNT(*) AS n FROM messages WHERE conversation_id = ? AND parent_node_id <=> ?"
        /// Takes the nodes at and after a visible position off the visible path (a new branch replaces them).
        static let leaveVisiblePath = """
            UPDATE messages SET on_visible_path = 0, visible_index = NULL
            WHERE conversation_id = ? AND on_visible_path = 1 AND visible_index >= ?
            """
        static let insertMessage = """
            INSERT INTO messages (conversation_id, node_id, parent_node_id, child_index, visible_index, role, status,
                                  model_slug, content_type, text, create_time, update_time, is_hidden, on_visible_path,
                                  is_incomplete, response_id, input_tokens, output_tokens, end_turn)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'text', ?, ?, ?, 0, 1, ?, ?, ?, ?, ?)
            """
        static let moveCurrentNode = """
            UPDATE conversations SET current_node = ?, update_time = ?, message_count = message_count + ? WHERE id = ?
            """
        static let setServerThread = "UPDATE conversations SET openai_thread_id = ?, seeded_node = ? WHERE id = ?"
        static let insertLocalConversation = """
            INSERT INTO conversations (id, project_id, title, create_time, update_time, origin, default_model_slug, message_count)
            VALUES (?, ?, ?, ?, ?, 'local', ?, 0)
            """
        /// Parameters: project filter flag, project id, limit. Conversations whose server copy is missing or behind.
        static let unsynced = """
            SELECT \(Conversations.columns) FROM conversations c
            WHERE (? = 0 OR c.project_id = ?)
              AND EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id)
              AND (c.openai_thread_id IS NULL OR c.seeded_node IS NULL OR c.seeded_node <> c.current_node)
            ORDER BY c.update_time IS NULL, c.update_time DESC, c.id
            LIMIT ?
            """
    }

    public enum Sessions {
        static let latest = "SELECT id, project_id, conversation_id, settings FROM sessions ORDER BY updated_at DESC, id DESC LIMIT 1"
        static let insert = "INSERT INTO sessions (started_at, updated_at, project_id, conversation_id, settings) VALUES (CURRENT_TIMESTAMP(6), CURRENT_TIMESTAMP(6), ?, ?, ?)"
        static let update = "UPDATE sessions SET updated_at = CURRENT_TIMESTAMP(6), project_id = ?, conversation_id = ?, settings = ? WHERE id = ?"
    }

    public enum Stats {
        static let totals = """
            SELECT (SELECT COUNT(*) FROM conversations) AS conversations,
                   (SELECT COUNT(*) FROM messages) AS messages,
                   (SELECT COUNT(*) FROM projects) AS projects,
                   (SELECT COUNT(*) FROM conversations WHERE project_id IS NULL) AS orphans,
                   (SELECT MIN(create_time) FROM conversations) AS first_date,
                   (SELECT MAX(update_time) FROM conversations) AS last_date
            """
    }

    /// The importer's statements (Import/). Conversations are keyed by their ChatGPT id; messages by
    /// (conversation, node); imported rows never touch conversations whose origin is 'local'.
    public enum Import {
        static let existingConversations = "SELECT id, content_hash, origin FROM conversations"
        static let insertConversation = """
            INSERT INTO conversations (id, project_id, title, create_time, update_time, chatgpt_gizmo_id, gizmo_type,
              default_model_slug, current_node, is_archived, origin, message_count, content_hash, extra, imported_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'import', ?, ?, ?, CURRENT_TIMESTAMP(6))
            """
        /// Parameters as `insertConversation` without the id, then the id. Keeps a project the user chose
        /// when the export has none.
        static let updateConversation = """
            UPDATE conversations SET project_id = COALESCE(?, project_id), title = ?, create_time = ?, update_time = ?,
              chatgpt_gizmo_id = ?, gizmo_type = ?, default_model_slug = ?, current_node = ?, is_archived = ?,
              message_count = ?, content_hash = ?, extra = ?, imported_at = CURRENT_TIMESTAMP(6)
            WHERE id = ? AND origin = 'import'
            """
        /// Imported messages only: replies added in chatbeto (with a response id) stay.
        static let deleteMessages = "DELETE FROM messages WHERE conversation_id = ? AND response_id IS NULL"
        static let deleteAssets = "DELETE FROM assets WHERE conversation_id = ?"
        static let insertMessage = """
            INSERT INTO messages (conversation_id, node_id, parent_node_id, child_index, visible_index, role, author_name,
              recipient, channel, status, end_turn, weight, model_slug, content_type, text, create_time, update_time,
              is_hidden, on_visible_path, is_incomplete, raw)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """
        static let insertAsset = """
            INSERT INTO assets (conversation_id, node_id, position, asset_pointer, kind, export_path, mime_type, size_bytes)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """
        static let projectByGizmo = "SELECT id FROM projects WHERE chatgpt_project_id = ?"
        static let knownProjects = "SELECT chatgpt_project_id FROM projects WHERE chatgpt_project_id IS NOT NULL"
        static let projectCount = "SELECT COUNT(*) AS n FROM projects WHERE chatgpt_project_id IS NOT NULL"
        /// Parameters: gizmo id, placeholder name (replaced by the provisional name at the end of the run).
        static let insertProject = "INSERT INTO projects (chatgpt_project_id, name, name_source) VALUES (?, ?, 'provisional')"
        static let upsertGizmo = """
            INSERT INTO gizmos (id, gizmo_type, first_seen, last_seen) VALUES (?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE gizmo_type = COALESCE(VALUES(gizmo_type), gizmo_type),
              first_seen = LEAST(COALESCE(first_seen, VALUES(first_seen)), COALESCE(VALUES(first_seen), first_seen)),
              last_seen = GREATEST(COALESCE(last_seen, VALUES(last_seen)), COALESCE(VALUES(last_seen), last_seen))
            """
        static let provisionalProjects = "SELECT id, chatgpt_project_id FROM projects WHERE name_source = 'provisional' AND chatgpt_project_id IS NOT NULL"
        static let projectTitles = "SELECT title FROM conversations WHERE project_id = ? AND title IS NOT NULL"
        /// Parameters: name, project id, name (unchanged names are not rewritten, so re-imports change nothing).
        static let setProvisionalName = """
            UPDATE projects SET name = ?, updated_at = CURRENT_TIMESTAMP(6)
            WHERE id = ? AND name_source = 'provisional' AND name <> ?
            """
        /// Parameters: gizmo id, name, emoji, instructions. A name the user gave is kept.
        static let upsertSidebarProject = """
            INSERT INTO projects (chatgpt_project_id, name, name_source, emoji, instructions) VALUES (?, ?, 'sidebar', ?, ?)
            ON DUPLICATE KEY UPDATE
              updated_at = IF(name_source = 'user' OR (name <=> VALUES(name) AND name_source = 'sidebar'), updated_at, CURRENT_TIMESTAMP(6)),
              name = IF(name_source = 'user', name, VALUES(name)),
              emoji = IF(name_source = 'user', emoji, COALESCE(VALUES(emoji), emoji)),
              instructions = COALESCE(instructions, VALUES(instructions)),
              name_source = IF(name_source = 'user', 'user', 'sidebar')
            """
        static let nameGizmo = "UPDATE gizmos SET name = ? WHERE id = ? AND NOT (name <=> ?)"
        static let start = "INSERT INTO imports (source, started_at) VALUES (?, CURRENT_TIMESTAMP(6))"
        static let finish = "UPDATE imports SET finished_at = CURRENT_TIMESTAMP(6), report = ? WHERE id = ?"
    }

    /// Sessions for user SQL: read-only unless the user turned writes on. Enforced by the server.
    public enum UserSQL {
        static let readOnly = "SET SESSION TRANSACTION READ ONLY"
        static let readWrite = "SET SESSION TRANSACTION READ WRITE"
    }
}
