import Foundation

/// The SQL of `export`. All SQL text is in SQL.swift and its extensions.
extension SQL {
    /// Reads for `export`.
    public enum Export {
        /// Every node of a conversation with the original message JSON when it was imported.
        public static func nodes(conversationID: String) -> Statement {
            Statement("""
                SELECT node_id, parent_node_id, child_index, visible_index, role, author_name, recipient, content_type, text,
                       create_time, update_time, status, end_turn, weight, is_hidden, on_visible_path, is_incomplete, model_slug, raw
                FROM messages WHERE conversation_id = ? ORDER BY parent_node_id IS NOT NULL, parent_node_id, child_index, node_id
                """, [.text(conversationID)])
        }
        /// A conversation's stored export fields, for re-exporting it.
        public static func conversationExtra(conversationID: String) -> Statement { Statement("SELECT extra, chatgpt_gizmo_id, default_model_slug, is_archived FROM conversations WHERE id = ?", [.text(conversationID)]) }
        /// The files a conversation's messages point at (where each was in the export, not its bytes), in message order.
        public static func assets(conversationID: String) -> Statement {
            Statement("SELECT node_id, kind, export_path, file_name, mime_type FROM assets WHERE conversation_id = ? ORDER BY node_id, position",
                      [.text(conversationID)])
        }
        /// The ids of a project's conversations.
        public static func projectConversations(projectID: Int64) -> Statement { Statement("SELECT id FROM conversations WHERE project_id = ? ORDER BY create_time, id", [.int(projectID)]) }
    }
}
