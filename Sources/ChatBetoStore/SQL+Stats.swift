import Foundation

/// The SQL of `stats` and `timeline`. All SQL text is in SQL.swift and its extensions.
extension SQL {
    /// Totals for `stats`.
    public enum Stats {
        /// Totals over the whole store. `messages` are the visible ones (on the thread ChatGPT shows, not
        /// hidden); `nodes` every stored node (branches, hidden system and tool messages); words come
        /// from the visible messages' indexed `word_count` (an estimate), computed here for rows written
        /// without one (by user SQL).
        public static let totals = """
            SELECT (SELECT COUNT(*) FROM conversations) AS conversations,
                   (SELECT COUNT(*) FROM messages WHERE on_visible_path = 1 AND is_hidden = 0) AS messages,
                   (SELECT COUNT(*) FROM messages) AS nodes,
                   (SELECT COALESCE(SUM(word_count), 0) FROM messages WHERE on_visible_path = 1 AND is_hidden = 0)
                     + (SELECT COALESCE(SUM(\(MessageWordCount.sql)), 0) FROM messages
                        WHERE word_count IS NULL AND on_visible_path = 1 AND is_hidden = 0) AS words,
                   (SELECT COUNT(*) FROM projects) AS projects,
                   (SELECT COUNT(*) FROM conversations WHERE project_id IS NULL) AS orphans,
                   (SELECT COUNT(DISTINCT model_slug) FROM messages WHERE model_slug IS NOT NULL) AS models_used,
                   (SELECT MIN(create_time) FROM conversations) AS first_date,
                   (SELECT MAX(update_time) FROM conversations) AS last_date
            """
        /// Visible messages per model.
        public static let models = """
            SELECT model_slug AS model, COUNT(*) AS messages FROM messages
            WHERE model_slug IS NOT NULL AND on_visible_path = 1 AND is_hidden = 0
            GROUP BY model_slug ORDER BY messages DESC, model_slug
            """
        /// Per project: conversations, visible messages, stored nodes, first and last date.
        public static let perProject = """
            SELECT COALESCE(p.name, '(no project)') AS project, COUNT(*) AS conversations,
                   COALESCE(SUM(v.visible), 0) AS messages, COALESCE(SUM(c.message_count), 0) AS nodes,
                   DATE_FORMAT(MIN(c.create_time), '%Y-%m-%d') AS first_date, DATE_FORMAT(MAX(c.update_time), '%Y-%m-%d') AS last_date
            FROM conversations c LEFT JOIN projects p ON p.id = c.project_id
            LEFT JOIN (SELECT conversation_id, COUNT(*) AS visible FROM messages
                       WHERE on_visible_path = 1 AND is_hidden = 0 GROUP BY conversation_id) v ON v.conversation_id = c.id
            GROUP BY p.id, p.name ORDER BY conversations DESC, project
            """
        /// Conversations started per month (`YYYY-MM`), overall.
        public static let monthly = """
            SELECT DATE_FORMAT(create_time, '%Y-%m') AS month, COUNT(*) AS conversations
            FROM conversations WHERE create_time IS NOT NULL GROUP BY month ORDER BY month
            """
        /// Conversations started per project and month.
        public static let monthlyByProject = """
            SELECT COALESCE(p.name, '(no project)') AS project, DATE_FORMAT(c.create_time, '%Y-%m') AS month, COUNT(*) AS conversations
            FROM conversations c LEFT JOIN projects p ON p.id = c.project_id
            WHERE c.create_time IS NOT NULL GROUP BY p.id, p.name, month ORDER BY project, month
            """
        /// A project's conversations in time order, for `timeline`. Parameter: project id.
        public static func timeline(projectID: Int64) -> Statement {
            Statement("""
                SELECT DATE_FORMAT(create_time, '%Y-%m') AS month, id, title, create_time, message_count
                FROM conversations WHERE project_id = ? ORDER BY create_time IS NULL, create_time, id
                """, [.int(projectID)])
        }
    }
}
