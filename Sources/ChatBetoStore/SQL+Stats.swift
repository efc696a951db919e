import Foundation

/// The SQL of `stats` and `timeline`. All SQL text is in SQL.swift and its extensions.
extension SQL {
    /// Totals for `stats`.
    public enum Stats {
        /// The conditions that limit `stats` to one provider's conversations (`TRUE` for the whole store),
        /// on `conversations c` and on `messages m`, and the value one `?` binds.
        struct Scope {
            let conversations: String, messages: String, arguments: [SQLValue]
            init(_ provider: String?) {
                if let provider {
                    conversations = "c.provider = ?"
                    messages = "m.conversation_id IN (SELECT id FROM conversations WHERE provider = ?)"
                    arguments = [.text(provider)]
                } else {
                    (conversations, messages, arguments) = ("TRUE", "TRUE", [])
                }
            }
            /// The statement with the provider bound to each of its `?`s (all of them come from these conditions).
            func statement(_ sql: String) -> Statement {
                Statement(sql, arguments.isEmpty ? [] : Array(repeating: arguments[0], count: sql.filter { $0 == "?" }.count))
            }
        }

        /// A visible message: on the thread ChatGPT shows, not hidden.
        static let visible = "m.on_visible_path = 1 AND m.is_hidden = 0"

        /// Totals over the store, or over one provider's conversations. `messages` are the visible ones;
        /// `nodes` every stored node (branches, hidden system and tool messages); words come from the
        /// visible messages' indexed `word_count` (an estimate), computed here for rows written without
        /// one (by user SQL).
        public static func totals(provider: String? = nil) -> Statement {
            let s = Scope(provider)
            return s.statement("""
                SELECT (SELECT COUNT(*) FROM conversations c WHERE \(s.conversations)) AS conversations,
                       (SELECT COUNT(*) FROM messages m WHERE \(visible) AND \(s.messages)) AS messages,
                       (SELECT COUNT(*) FROM messages m WHERE \(s.messages)) AS nodes,
                       (SELECT COALESCE(SUM(m.word_count), 0) FROM messages m WHERE \(visible) AND \(s.messages))
                         + (SELECT COALESCE(SUM(\(MessageWordCount.sql)), 0) FROM messages m
                            WHERE m.word_count IS NULL AND \(visible) AND \(s.messages)) AS words,
                       (SELECT COUNT(*) FROM projects c WHERE \(s.conversations)) AS projects,
                       (SELECT COUNT(*) FROM conversations c WHERE c.project_id IS NULL AND \(s.conversations)) AS orphans,
                       (SELECT COUNT(DISTINCT m.model_slug) FROM messages m WHERE m.model_slug IS NOT NULL AND \(visible) AND \(s.messages)) AS models_used,
                       (SELECT MIN(c.create_time) FROM conversations c WHERE \(s.conversations)) AS first_date,
                       (SELECT MAX(c.update_time) FROM conversations c WHERE \(s.conversations)) AS last_date
                """)
        }

        /// Visible messages per model.
        public static func models(provider: String? = nil) -> Statement {
            let s = Scope(provider)
            return s.statement("""
                SELECT m.model_slug AS model, COUNT(*) AS messages FROM messages m
                WHERE m.model_slug IS NOT NULL AND \(visible) AND \(s.messages)
                GROUP BY m.model_slug ORDER BY messages DESC, m.model_slug
                """)
        }

        /// The visible messages and the stored nodes per conversation, joined as `v` on `c.id` by the
        /// per-group tables (counted, not read from `message_count`, which user SQL can leave behind).
        static let visiblePerConversation = """
            LEFT JOIN (SELECT m.conversation_id, SUM(\(visible)) AS visible, COUNT(*) AS nodes FROM messages m
                       GROUP BY m.conversation_id) v ON v.conversation_id = c.id
            """

        /// Per project: conversations, visible messages, stored nodes, first and last date.
        public static func perProject(provider: String? = nil) -> Statement {
            let s = Scope(provider)
            return s.statement("""
                SELECT COALESCE(p.name, '(no project)') AS project, COUNT(*) AS conversations,
                       COALESCE(SUM(v.visible), 0) AS messages, COALESCE(SUM(v.nodes), 0) AS nodes,
                       DATE_FORMAT(MIN(c.create_time), '%Y-%m-%d') AS first_date, DATE_FORMAT(MAX(c.update_time), '%Y-%m-%d') AS last_date
                FROM conversations c LEFT JOIN projects p ON p.id = c.project_id
                \(visiblePerConversation)
                WHERE \(s.conversations)
                GROUP BY p.id, p.name ORDER BY conversations DESC, project
                """)
        }

        /// Per provider: conversations, visible messages, stored nodes, first and last date.
        public static let perProvider = """
            SELECT c.provider, COUNT(*) AS conversations,
                   COALESCE(SUM(v.visible), 0) AS messages, COALESCE(SUM(v.nodes), 0) AS nodes,
                   DATE_FORMAT(MIN(c.create_time), '%Y-%m-%d') AS first_date, DATE_FORMAT(MAX(c.update_time), '%Y-%m-%d') AS last_date
            FROM conversations c
            \(visiblePerConversation)
            GROUP BY c.provider ORDER BY conversations DESC, c.provider
            """

        /// Conversations started per month (`YYYY-MM`).
        public static func monthly(provider: String? = nil) -> Statement {
            let s = Scope(provider)
            return s.statement("""
                SELECT DATE_FORMAT(c.create_time, '%Y-%m') AS month, COUNT(*) AS conversations
                FROM conversations c WHERE c.create_time IS NOT NULL AND \(s.conversations) GROUP BY month ORDER BY month
                """)
        }

        /// Conversations started per project and month.
        public static func monthlyByProject(provider: String? = nil) -> Statement {
            let s = Scope(provider)
            return s.statement("""
                SELECT COALESCE(p.name, '(no project)') AS project, DATE_FORMAT(c.create_time, '%Y-%m') AS month, COUNT(*) AS conversations
                FROM conversations c LEFT JOIN projects p ON p.id = c.project_id
                WHERE c.create_time IS NOT NULL AND \(s.conversations) GROUP BY p.id, p.name, month ORDER BY project, month
                """)
        }

        /// A project's conversations in time order, for `timeline`, with their visible messages (as the
        /// `conversations` listing counts them). Parameter: project id.
        public static func timeline(projectID: Int64) -> Statement {
            Statement("""
                SELECT DATE_FORMAT(c.create_time, '%Y-%m') AS month, c.id, c.title, c.create_time,
                       (SELECT COUNT(*) FROM messages m WHERE m.conversation_id = c.id AND \(visible)) AS messages
                FROM conversations c WHERE c.project_id = ? ORDER BY c.create_time IS NULL, c.create_time, c.id
                """, [.int(projectID)])
        }
    }
}
