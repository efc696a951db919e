import Foundation

/// The SQL of `stats --provider P` and `stats --by provider`. All SQL text is in SQL.swift and its extensions.
extension SQL.Stats {
    /// Conversations, messages and dates per provider.
    public static let perProvider = """
        SELECT provider, COUNT(*) AS conversations, COALESCE(SUM(message_count), 0) AS messages,
               DATE_FORMAT(MIN(create_time), '%Y-%m-%d') AS first_date, DATE_FORMAT(MAX(update_time), '%Y-%m-%d') AS last_date
        FROM conversations GROUP BY provider ORDER BY conversations DESC, provider
        """

    /// `totals` for one provider's conversations.
    public static func totals(provider: String) -> Statement {
        Statement("""
            SELECT (SELECT COUNT(*) FROM conversations WHERE provider = ?) AS conversations,
                   (SELECT COUNT(*) FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE c.provider = ?) AS messages,
                   (SELECT COALESCE(SUM(m.word_count), 0) FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE c.provider = ?) AS words,
                   (SELECT COUNT(*) FROM projects WHERE provider = ?) AS projects,
                   (SELECT COUNT(*) FROM conversations WHERE project_id IS NULL AND provider = ?) AS orphans,
                   (SELECT COUNT(DISTINCT m.model_slug) FROM messages m JOIN conversations c ON c.id = m.conversation_id
                    WHERE m.model_slug IS NOT NULL AND c.provider = ?) AS models_used,
                   (SELECT MIN(create_time) FROM conversations WHERE provider = ?) AS first_date,
                   (SELECT MAX(update_time) FROM conversations WHERE provider = ?) AS last_date
            """, Array(repeating: .text(provider), count: 8))
    }

    /// `models` for one provider's conversations.
    public static func models(provider: String) -> Statement {
        Statement("""
            SELECT m.model_slug AS model, COUNT(*) AS messages FROM messages m JOIN conversations c ON c.id = m.conversation_id
            WHERE m.model_slug IS NOT NULL AND c.provider = ? GROUP BY m.model_slug ORDER BY messages DESC, m.model_slug
            """, [.text(provider)])
    }

    /// `perProject` for one provider's conversations.
    public static func perProject(provider: String) -> Statement {
        Statement("""
            SELECT COALESCE(p.name, '(no project)') AS project, COUNT(*) AS conversations,
                   COALESCE(SUM(c.message_count), 0) AS messages,
                   DATE_FORMAT(MIN(c.create_time), '%Y-%m-%d') AS first_date, DATE_FORMAT(MAX(c.update_time), '%Y-%m-%d') AS last_date
            FROM conversations c LEFT JOIN projects p ON p.id = c.project_id
            WHERE c.provider = ?
            GROUP BY p.id, p.name ORDER BY conversations DESC, project
            """, [.text(provider)])
    }

    /// `monthly` for one provider's conversations.
    public static func monthly(provider: String) -> Statement {
        Statement("""
            SELECT DATE_FORMAT(create_time, '%Y-%m') AS month, COUNT(*) AS conversations
            FROM conversations WHERE create_time IS NOT NULL AND provider = ? GROUP BY month ORDER BY month
            """, [.text(provider)])
    }

    /// `monthlyByProject` for one provider's conversations.
    public static func monthlyByProject(provider: String) -> Statement {
        Statement("""
            SELECT COALESCE(p.name, '(no project)') AS project, DATE_FORMAT(c.create_time, '%Y-%m') AS month, COUNT(*) AS conversations
            FROM conversations c LEFT JOIN projects p ON p.id = c.project_id
            WHERE c.create_time IS NOT NULL AND c.provider = ? GROUP BY p.id, p.name, month ORDER BY project, month
            """, [.text(provider)])
    }
}
