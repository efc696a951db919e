import Foundation

/// The SQL of full-text search and the embeddings index. All SQL text is in SQL.swift and its extensions.
extension SQL {
    /// Full-text search (InnoDB FULLTEXT, boolean mode). Parameters in order of the `?`s, see FullTextSearch.
    public enum Search {
        /// The filters every message search shares, in the order of their `?`s.
        static func filterValues(projectID: Int64?, since: String?, role: String?, provider: String?) -> [SQLValue] {
            [.int(projectID == nil ? 0 : 1), projectID.map { .int($0) } ?? .null, .optional(since), .optional(since),
             .optional(role), .optional(role), .optional(provider), .optional(provider)]
        }
        /// Boolean mode with no ORDER BY: the engine returns matches best first, so rows are read and
        /// joined only until the LIMIT is reached, not for every match. Each of `likes` adds a condition
        /// `m.text LIKE ?` (accent- and case-insensitive under the column's collation) that keeps only
        /// candidates holding the words left out of the index query, so reading stops as soon as enough
        /// of them pass.
        public static func messagesRanked(query: String, projectID: Int64?, since: String?, role: String?,
                                          likes: [String], limit: Int, provider: String? = nil) -> Statement {
            Statement("""
                SELECT STRAIGHT_JOIN m.conversation_id, m.node_id, m.role, m.create_time, m.text, c.title, p.name AS project,
                       MATCH(m.text) AGAINST (? IN BOOLEAN MODE) AS score
                FROM messages m
                JOIN conversations c ON c.id = m.conversation_id
                LEFT JOIN projects p ON p.id = c.project_id
                WHERE MATCH(m.text) AGAINST (? IN BOOLEAN MODE)
                  AND m.is_hidden = 0
                  AND (? = 0 OR c.project_id = ?)
                  AND (? IS NULL OR m.create_time >= ?)
                  AND (? IS NULL OR m.role = ?)
                  AND (? IS NULL OR c.provider = ?)
                """ + String(repeating: "\n  AND m.text LIKE ? ESCAPE '!'", count: likes.count) + "\nLIMIT ?",
                [.text(query), .text(query)] + filterValues(projectID: projectID, since: since, role: role, provider: provider)
                    + likes.map { .text($0) } + [.int(Int64(limit))])
        }
        /// The newest messages holding every word (the `likes` patterns), for a search of only very common words.
        public static func messagesNewest(projectID: Int64?, since: String?, role: String?, likes: [String], limit: Int,
                                          provider: String? = nil) -> Statement {
            Statement("""
                SELECT STRAIGHT_JOIN m.conversation_id, m.node_id, m.role, m.create_time, m.text, c.title, p.name AS project
                FROM messages m FORCE INDEX (ix_messages_time)
                JOIN conversations c ON c.id = m.conversation_id
                LEFT JOIN projects p ON p.id = c.project_id
                WHERE m.is_hidden = 0 AND m.text IS NOT NULL
                  AND (? = 0 OR c.project_id = ?)
                  AND (? IS NULL OR m.create_time >= ?)
                  AND (? IS NULL OR m.role = ?)
                  AND (? IS NULL OR c.provider = ?)
                """ + String(repeating: "\n  AND m.text LIKE ? ESCAPE '!'", count: likes.count) + "\nORDER BY m.create_time DESC\nLIMIT ?",
                filterValues(projectID: projectID, since: since, role: role, provider: provider) + likes.map { .text($0) } + [.int(Int64(limit))])
        }
        /// The optimizer's estimate of the number of messages (no scan).
        public static let messageEstimate = Statement("""
            SELECT TABLE_ROWS AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'messages'
            """)
        /// The `size` most recent messages, whose words estimate how common each query word is.
        public static func sample(size: Int) -> Statement {
            Statement("""
                SELECT text FROM messages FORCE INDEX (ix_messages_time)
                WHERE is_hidden = 0 AND text IS NOT NULL ORDER BY create_time DESC LIMIT ?
                """, [.int(Int64(size))])
        }
        /// One word: natural-language mode with no ORDER BY returns matches best first and stops at the
        /// LIMIT, instead of scoring every message that holds a common word. Same parameters as `messagesRanked` without the patterns.
        public static func messagesOneWord(query: String, projectID: Int64?, since: String?, role: String?, limit: Int,
                                           provider: String? = nil) -> Statement {
            Statement("""
                SELECT m.conversation_id, m.node_id, m.role, m.create_time, m.text, c.title, p.name AS project,
                       MATCH(m.text) AGAINST (? IN NATURAL LANGUAGE MODE) AS score
                FROM messages m
                JOIN conversations c ON c.id = m.conversation_id
                LEFT JOIN projects p ON p.id = c.project_id
                WHERE MATCH(m.text) AGAINST (? IN NATURAL LANGUAGE MODE)
                  AND m.is_hidden = 0
                  AND (? = 0 OR c.project_id = ?)
                  AND (? IS NULL OR m.create_time >= ?)
                  AND (? IS NULL OR m.role = ?)
                  AND (? IS NULL OR c.provider = ?)
                LIMIT ?
                """, [.text(query), .text(query), .int(projectID == nil ? 0 : 1), projectID.map { .int($0) } ?? .null, .optional(since), .optional(since), .optional(role), .optional(role), .optional(provider), .optional(provider), .int(Int64(limit))])
        }
        /// Conversations whose title matches, for search.
        public static func titles(query: String, projectID: Int64?, since: String?, limit: Int, provider: String? = nil) -> Statement {
            Statement("""
                SELECT c.id AS conversation_id, c.title, c.create_time, p.name AS project,
                       MATCH(c.title) AGAINST (? IN BOOLEAN MODE) AS score
                FROM conversations c LEFT JOIN projects p ON p.id = c.project_id
                WHERE MATCH(c.title) AGAINST (? IN BOOLEAN MODE)
                  AND (? = 0 OR c.project_id = ?)
                  AND (? IS NULL OR c.create_time >= ?)
                  AND (? IS NULL OR c.provider = ?)
                ORDER BY score DESC, c.create_time DESC
                LIMIT ?
                """, [.text(query), .text(query), .int(projectID == nil ? 0 : 1), projectID.map { .int($0) } ?? .null, .optional(since), .optional(since), .optional(provider), .optional(provider), .int(Int64(limit))])
        }
        /// The conversations of one provider (semantic search filters its in-memory index by them).
        public static func conversationIDs(provider: String) -> Statement {
            Statement("SELECT id FROM conversations WHERE provider = ?", [.text(provider)])
        }
        /// The conversations of one project now (semantic search scopes by them: the vectors' own project
        /// is the one at indexing time, and a conversation may have moved since).
        public static func conversationIDs(projectID: Int64) -> Statement {
            Statement("SELECT id FROM conversations WHERE project_id = ?", [.int(projectID)])
        }
        /// Details of given messages: `count` pairs of (conversation_id, node_id).
        public static func messagesByKey(count: Int) -> String {
            let pairs = Array(repeating: "(?, ?)", count: max(count, 1)).joined(separator: ", ")
            return """
                SELECT m.conversation_id, m.node_id, m.role, m.create_time, m.text, c.title, p.name AS project
                FROM messages m JOIN conversations c ON c.id = m.conversation_id
                LEFT JOIN projects p ON p.id = c.project_id
                WHERE (m.conversation_id, m.node_id) IN (\(pairs))
                """
        }
    }

    /// Message embeddings for semantic search.
    public enum Embeddings {
        /// Messages worth embedding that have no vector yet for (model, dimensions).
        /// Parameters: project filter flag, project id, model, dimensions.
        public static func pending(projectID: Int64?, model: String, dimensions: Int) -> Statement {
            Statement("""
                SELECT m.conversation_id, m.node_id, m.text
                FROM messages m JOIN conversations c ON c.id = m.conversation_id
                WHERE (? = 0 OR c.project_id = ?)
                  AND m.is_hidden = 0 AND m.role IN ('user', 'assistant')
                  AND m.text IS NOT NULL AND m.text <> ''
                  AND NOT EXISTS (SELECT 1 FROM message_embeddings e
                                  WHERE e.conversation_id = m.conversation_id AND e.node_id = m.node_id
                                    AND e.model = ? AND e.dimensions = ?)
                ORDER BY m.conversation_id, m.node_id
                """, [.int(projectID == nil ? 0 : 1), projectID.map { .int($0) } ?? .null, .text(model), .int(Int64(dimensions))])
        }
        /// Per project (NULL = conversations in none): messages worth embedding and how many have a vector
        /// for (model, dimensions). Semantic search says from it what a partial index covers.
        public static func coverage(model: String, dimensions: Int) -> Statement {
            Statement("""
                SELECT c.project_id, p.name AS project, COUNT(*) AS messages,
                       CAST(SUM(EXISTS (SELECT 1 FROM message_embeddings e
                                   WHERE e.conversation_id = m.conversation_id AND e.node_id = m.node_id
                                     AND e.model = ? AND e.dimensions = ?)) AS SIGNED) AS embedded
                FROM messages m JOIN conversations c ON c.id = m.conversation_id
                LEFT JOIN projects p ON p.id = c.project_id
                WHERE m.is_hidden = 0 AND m.role IN ('user', 'assistant') AND m.text IS NOT NULL AND m.text <> ''
                GROUP BY c.project_id, p.name
                """, [.text(model), .int(Int64(dimensions))])
        }
        /// Inserts `rows` embedding chunks at once.
        public static func insert(rows: Int) -> String {
            let tuples = Array(repeating: "(?, ?, ?, ?, ?, ?)", count: max(rows, 1)).joined(separator: ", ")
            return "INSERT IGNORE INTO message_embeddings (conversation_id, node_id, chunk, model, dimensions, vector) VALUES \(tuples)"
        }
        /// Vectors with what filters need, one page in id order: rows with an id in (after, upTo].
        /// STRAIGHT_JOIN keeps the embeddings index as the driving table, so rows come in id order
        /// without a temporary table of blobs.
        public static func loadPage(model: String, dimensions: Int, after: Int64, upTo: Int64, pageSize: Int) -> Statement {
            Statement("""
                SELECT STRAIGHT_JOIN e.id, e.conversation_id, e.node_id, e.chunk, e.vector, c.project_id, m.role, m.create_time
                FROM message_embeddings e
                JOIN conversations c ON c.id = e.conversation_id
                JOIN messages m ON m.conversation_id = e.conversation_id AND m.node_id = e.node_id
                WHERE e.model = ? AND e.dimensions = ? AND e.id > ? AND e.id <= ?
                ORDER BY e.id
                LIMIT ?
                """, [.text(model), .int(Int64(dimensions)), .int(after), .int(upTo), .int(Int64(pageSize))])
        }
        /// What a new process checks the vector file against, from the (model, dimensions, id) index
        /// alone: the row count and the highest id.
        public static func stats(model: String, dimensions: Int) -> Statement {
            Statement("SELECT COUNT(*) AS n, COALESCE(MAX(id), 0) AS last_id FROM message_embeddings WHERE model = ? AND dimensions = ?",
                      [.text(model), .int(Int64(dimensions))])
        }
        /// How many vectors of a model and size are stored.
        public static func count(model: String, dimensions: Int) -> Statement {
            Statement("SELECT COUNT(*) AS n FROM message_embeddings WHERE model = ? AND dimensions = ?", [.text(model), .int(Int64(dimensions))])
        }
        /// Rows up to the vector file's highest id.
        public static func countUpTo(model: String, dimensions: Int, id: Int64) -> Statement {
            Statement("SELECT COUNT(*) AS n FROM message_embeddings WHERE model = ? AND dimensions = ? AND id <= ?",
                      [.text(model), .int(Int64(dimensions)), .int(id)])
        }
        /// The highest vector id of a model and size.
        public static func lastID(model: String, dimensions: Int) -> Statement { Statement("SELECT COALESCE(MAX(id), 0) AS last_id FROM message_embeddings WHERE model = ? AND dimensions = ?", [.text(model), .int(Int64(dimensions))]) }
    }
}
