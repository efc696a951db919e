/// The SQL of `recall`. All SQL text is in SQL.swift and its extensions.
extension SQL {
    /// recall's own statements (issue 12).
    public enum Recall {
        /// Removes a "Recall: …" conversation whose question never reached the model (local, no
        /// messages), so a failed send leaves nothing half-written.
        public static func deleteUnsent(conversationID id: String) -> Statement {
            Statement("""
                DELETE FROM conversations
                WHERE id = ? AND origin = 'local' AND message_count = 0
                  AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = ?)
                """, [.text(id), .text(id)])
        }
    }
}
