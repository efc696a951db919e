import Foundation

/// The SQL of chat turns: the thread sent to the model and the turns written back. All SQL text is in SQL.swift and its extensions.
extension SQL {
    /// Chat turns and server-side conversations (issue 4).
    public enum Chat {
        public static let conversationState = """
            SELECT id, project_id, current_node, openai_thread_id, seeded_node FROM conversations WHERE id = ?
            """
        public static let nodeForUpdate = "SELECT visible_index FROM messages WHERE conversation_id = ? AND node_id = ? FOR UPDATE"
        public static let childCount = "SELECT COUNT(*) AS n FROM messages WHERE conversation_id = ? AND parent_node_id <=> ?"
        /// Takes the nodes at and after a visible position off the visible path (a new branch replaces them).
        public static let leaveVisiblePath = """
            UPDATE messages SET on_visible_path = 0, visible_index = NULL
            WHERE conversation_id = ? AND on_visible_path = 1 AND visible_index >= ?
            """
        public static let insertMessage = """
            INSERT INTO messages (conversation_id, node_id, parent_node_id, child_index, visible_index, role, status,
                                  model_slug, content_type, text, create_time, update_time, is_hidden, on_visible_path,
                                  is_incomplete, response_id, input_tokens, output_tokens, end_turn, word_count)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'text', ?, ?, ?, 0, 1, ?, ?, ?, ?, ?, ?)
            """
        public static let moveCurrentNode = """
            UPDATE conversations SET current_node = ?, update_time = ?, message_count = message_count + ? WHERE id = ?
            """
        public static let setServerThread = "UPDATE conversations SET openai_thread_id = ?, seeded_node = ? WHERE id = ?"
        public static let insertLocalConversation = """
            INSERT INTO conversations (id, project_id, title, create_time, update_time, origin, default_model_slug, message_count)
            VALUES (?, ?, ?, ?, ?, 'local', ?, 0)
            """
        /// Parameters: project filter flag, project id, limit. Conversations whose server copy is missing or behind.
        public static let unsynced = """
            SELECT \(Conversations.columns) FROM conversations c
            WHERE (? = 0 OR c.project_id = ?)
              AND EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id)
              AND (c.openai_thread_id IS NULL OR c.seeded_node IS NULL OR c.seeded_node <> c.current_node)
            ORDER BY c.update_time IS NULL, c.update_time DESC, c.id
            LIMIT ?
            """
    }
}
