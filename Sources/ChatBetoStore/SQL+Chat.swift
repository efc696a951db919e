import Foundation

/// The SQL of chat turns: the thread sent to the model and the turns written back, as `Statement`s
/// carrying their values. All SQL text is in SQL.swift and its extensions.
extension SQL {
    /// Chat turns and server-side conversations (issue 4).
    public enum Chat {
        /// A conversation's project, current node and server copy.
        public static func conversationState(id: String) -> Statement {
            Statement("SELECT id, project_id, current_node, openai_thread_id, seeded_node FROM conversations WHERE id = ?", [.text(id)])
        }
        /// Locks the node a new turn continues from.
        public static func nodeForUpdate(conversationID: String, nodeID: String) -> Statement {
            Statement("SELECT visible_index FROM messages WHERE conversation_id = ? AND node_id = ? FOR UPDATE",
                      [.text(conversationID), .text(nodeID)])
        }
        /// How many children a node has (a new one starts a branch).
        public static func childCount(conversationID: String, parent: String?) -> Statement {
            Statement("SELECT COUNT(*) AS n FROM messages WHERE conversation_id = ? AND parent_node_id <=> ?",
                      [.text(conversationID), .optional(parent)])
        }
        /// Takes the nodes at and after a visible position off the visible path (a new branch replaces them).
        public static func leaveVisiblePath(conversationID: String, from position: Int) -> Statement {
            Statement("""
                UPDATE messages SET on_visible_path = 0, visible_index = NULL
                WHERE conversation_id = ? AND on_visible_path = 1 AND visible_index >= ?
                """, [.text(conversationID), .int(Int64(position))])
        }
        /// A new message on the visible path. Times are DATETIME(6) text in UTC; tokens nil when unknown.
        public static func insertMessage(conversationID: String, nodeID: String, parent: String?, childIndex: Int,
                                         visibleIndex: Int, role: String, status: String, model: String?, text: String,
                                         time: String, isIncomplete: Bool, responseID: String?,
                                         inputTokens: Int?, outputTokens: Int?, wordCount: Int) -> Statement {
            Statement("""
                INSERT INTO messages (conversation_id, node_id, parent_node_id, child_index, visible_index, role, status,
                                      model_slug, content_type, text, create_time, update_time, is_hidden, on_visible_path,
                                      is_incomplete, response_id, input_tokens, output_tokens, end_turn, word_count)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'text', ?, ?, ?, 0, 1, ?, ?, ?, ?, ?, ?)
                """, [.text(conversationID), .text(nodeID), .optional(parent), .int(Int64(childIndex)), .int(Int64(visibleIndex)),
                      .text(role), .text(status), .optional(model), .text(text), .text(time), .text(time),
                      .int(isIncomplete ? 1 : 0), .optional(responseID),
                      inputTokens.map { .int(Int64($0)) } ?? .null, outputTokens.map { .int(Int64($0)) } ?? .null,
                      role == "assistant" ? .int(isIncomplete ? 0 : 1) : .null, .int(Int64(wordCount))])
        }
        /// Moves a conversation's current node to the turn just added.
        public static func moveCurrentNode(conversationID: String, to node: String, time: String, added: Int) -> Statement {
            Statement("UPDATE conversations SET current_node = ?, update_time = ?, message_count = message_count + ? WHERE id = ?",
                      [.text(node), .text(time), .int(Int64(added)), .text(conversationID)])
        }
        /// Records the server conversation and the node it was seeded up to.
        public static func setServerThread(conversationID: String, threadID: String?, seededNode: String?) -> Statement {
            Statement("UPDATE conversations SET openai_thread_id = ?, seeded_node = ? WHERE id = ?",
                      [.optional(threadID), .optional(seededNode), .text(conversationID)])
        }
        /// A new conversation started in the shell (`new`, or the first `ask`).
        public static func insertLocalConversation(id: String, projectID: Int64?, title: String?, time: String, model: String) -> Statement {
            Statement("""
                INSERT INTO conversations (id, project_id, title, create_time, update_time, origin, default_model_slug, message_count)
                VALUES (?, ?, ?, ?, ?, 'local', ?, 0)
                """, [.text(id), projectID.map { .int($0) } ?? .null, .optional(title), .text(time), .text(time), .text(model)])
        }
        /// Conversations with messages whose server copy is missing or behind, most recent first.
        public static func unsynced(projectID: Int64?, limit: Int) -> Statement {
            Statement("""
                SELECT \(Conversations.columns) FROM conversations c
                WHERE (? = 0 OR c.project_id = ?)
                  AND EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id)
                  AND (c.openai_thread_id IS NULL OR c.seeded_node IS NULL OR c.seeded_node <> c.current_node)
                ORDER BY c.update_time DESC, c.id DESC
                LIMIT ?
                """, [.int(projectID == nil ? 0 : 1), projectID.map { .int($0) } ?? .null, .int(Int64(limit))])
        }
        /// Conversations that have a server copy: one by id, or a project's (nil = every conversation).
        public static func withServerCopy(conversationID: String?, projectID: Int64?) -> Statement {
            Statement("""
                SELECT id, openai_thread_id FROM conversations
                WHERE openai_thread_id IS NOT NULL AND (? IS NULL OR id = ?) AND (? = 0 OR project_id = ?)
                ORDER BY id
                """, [.optional(conversationID), .optional(conversationID), .int(projectID == nil ? 0 : 1), projectID.map { .int($0) } ?? .null])
        }
    }
}
