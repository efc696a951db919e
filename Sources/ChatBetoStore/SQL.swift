/// Every SQL statement chatbeto issues, in one place. Values are always bound (`?`), never interpolated.
/// Only syntax that MySQL 8.0+ and MariaDB 10.11+ both accept.
public enum SQL {
    /// Connection and transaction control. Identifiers and our own generated values only: these
    /// statements cannot take bound parameters.
    public enum Connection {
        static let utcTimeZone = "SET time_zone = '+00:00'"
        static let utf8mb4 = "SET NAMES utf8mb4 COLLATE utf8mb4_unicode_ci"
        static let start = "START TRANSACTION"
        static let commit = "COMMIT"
        public static let rollback = "ROLLBACK"
        public static let connectionID = "SELECT CONNECTION_ID()"
        static func createDatabase(_ name: String) -> String {
            "CREATE DATABASE IF NOT EXISTS `\(name)` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
        }
        public static func killQuery(_ id: Int64) -> String { "KILL QUERY \(id)" }
    }

    /// Setting up and recognising the private server (the password is a hex string chatbeto generates;
    /// it cannot be a bound parameter in ALTER USER).
    public enum PrivateServer {
        public static let dataDirectory = "SELECT @@datadir AS d"
        public static let identity = "SELECT secret FROM chatbeto_server.identity"
        public static func setRootPassword(_ password: String) -> String { "ALTER USER 'root'@'localhost' IDENTIFIED BY '\(password)'" }
        /// root@hostname, root@127.0.0.1, root@::1 and anonymous accounts from mariadb-install-db have no password.
        public static let dropOtherAccounts = "DELETE FROM mysql.global_priv WHERE (User = 'root' AND Host <> 'localhost') OR User = ''"
        public static let flushPrivileges = "FLUSH PRIVILEGES"
        public static let createDatabase = "CREATE DATABASE IF NOT EXISTS chatbeto_server"
        public static let createIdentity = "CREATE TABLE IF NOT EXISTS chatbeto_server.identity (secret CHAR(64) NOT NULL) ENGINE=InnoDB"
        public static let clearIdentity = "DELETE FROM chatbeto_server.identity"
        public static let insertIdentity = "INSERT INTO chatbeto_server.identity (secret) VALUES (?)"
    }

    /// The read-only account for user SQL (account names and passwords cannot be bound parameters;
    /// the password is a hex string chatbeto generates).
    public enum Reader {
        static func create(_ account: String, password: String) -> String { "CREATE USER IF NOT EXISTS \(account) IDENTIFIED BY '\(password)'" }
        static func setPassword(_ account: String, password: String) -> String { "ALTER USER \(account) IDENTIFIED BY '\(password)'" }
        /// Older versions granted the whole database (the private table included): taken back.
        static func revokeDatabase(_ account: String, database: String) -> String { "REVOKE SELECT, SHOW VIEW ON `\(database)`.* FROM \(account)" }
        /// One table at a time, so the reader never gets `chatbeto_private` (see NamedLock).
        static func grantSelect(_ account: String, database: String, table: String) -> String {
            "GRANT SELECT, SHOW VIEW ON `\(database)`.`\(table.replacingOccurrences(of: "`", with: "``"))` TO \(account)"
        }
        /// The tables and views the connected account sees in a database. Parameter: the database.
        static let visibleTables = "SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?"
        /// Parameters: the database, a table name.
        static let tableExists = "SELECT 1 AS found FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?"
    }

    /// Named server locks the reader cannot take (NamedLock): the name carries a secret kept in a
    /// table the reader has no grant on.
    public enum Locks {
        static let createPrivate = """
            CREATE TABLE IF NOT EXISTS chatbeto_private (
              name VARCHAR(64) NOT NULL,
              value VARCHAR(255) NOT NULL,
              PRIMARY KEY (name)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
              COMMENT='chatbeto secrets the read-only account must not read (never granted to it)'
            """
        static let secret = "SELECT value FROM chatbeto_private WHERE name = 'lock_secret'"
        static let insertSecret = "INSERT IGNORE INTO chatbeto_private (name, value) VALUES ('lock_secret', ?)"
        /// Parameters: the lock name, seconds to wait.
        public static let acquire = "SELECT GET_LOCK(?, ?) AS got"
        public static let release = "SELECT RELEASE_LOCK(?) AS released"
    }

    public enum Migrations {
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
        static let rename = "UPDATE projects SET name = ?, name_source = 'user', updated_at = CURRENT_TIMESTAMP(6) WHERE id = ?"
        static let setInstructions = "UPDATE projects SET instructions = ?, updated_at = CURRENT_TIMESTAMP(6) WHERE id = ?"
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
                                  is_incomplete, response_id, input_tokens, output_tokens, end_turn)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'text', ?, ?, ?, 0, 1, ?, ?, ?, ?, ?)
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

    public enum Sessions {
        static let latest = "SELECT id, project_id, conversation_id, settings FROM sessions ORDER BY updated_at DESC, id DESC LIMIT 1"
        static let insert = "INSERT INTO sessions (started_at, updated_at, project_id, conversation_id, settings) VALUES (CURRENT_TIMESTAMP(6), CURRENT_TIMESTAMP(6), ?, ?, ?)"
        static let update = "UPDATE sessions SET updated_at = CURRENT_TIMESTAMP(6), project_id = ?, conversation_id = ?, settings = ? WHERE id = ?"
    }

    public enum Stats {
        /// Totals over the whole store; words come from the indexed `messages.word_count` (an estimate).
        public static let totals = """
            SELECT (SELECT COUNT(*) FROM conversations) AS conversations,
                   (SELECT COUNT(*) FROM messages) AS messages,
                   (SELECT COALESCE(SUM(word_count), 0) FROM messages) AS words,
                   (SELECT COUNT(*) FROM projects) AS projects,
                   (SELECT COUNT(*) FROM conversations WHERE project_id IS NULL) AS orphans,
                   (SELECT COUNT(DISTINCT model_slug) FROM messages WHERE model_slug IS NOT NULL) AS models_used,
                   (SELECT MIN(create_time) FROM conversations) AS first_date,
                   (SELECT MAX(update_time) FROM conversations) AS last_date
            """
        public static let models = """
            SELECT model_slug AS model, COUNT(*) AS messages FROM messages
            WHERE model_slug IS NOT NULL GROUP BY model_slug ORDER BY messages DESC, model_slug
            """
        public static let perProject = """
            SELECT COALESCE(p.name, '(no project)') AS project, COUNT(*) AS conversations,
                   COALESCE(SUM(c.message_count), 0) AS messages,
                   DATE_FORMAT(MIN(c.create_time), '%Y-%m-%d') AS first_date, DATE_FORMAT(MAX(c.update_time), '%Y-%m-%d') AS last_date
            FROM conversations c LEFT JOIN projects p ON p.id = c.project_id
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
        public static let timeline = """
            SELECT DATE_FORMAT(create_time, '%Y-%m') AS month, id, title, create_time, message_count
            FROM conversations WHERE project_id = ? ORDER BY create_time IS NULL, create_time, id
            """
    }

    /// Full-text search (InnoDB FULLTEXT, boolean mode). Parameters in order of the `?`s, see FullTextSearch.
    public enum Search {
        /// Ranks on keys and score only, then reads the text of the top rows: sorting thousands of
        /// matches of a common word must not drag their text through the sort.
        public static let messages = """
            SELECT m.conversation_id, m.node_id, m.role, m.create_time, m.text, c.title, p.name AS project, top.score
            FROM (
              SELECT m.conversation_id, m.node_id, m.create_time, MATCH(m.text) AGAINST (? IN BOOLEAN MODE) AS score
              FROM messages m JOIN conversations c ON c.id = m.conversation_id
              WHERE MATCH(m.text) AGAINST (? IN BOOLEAN MODE)
                AND m.is_hidden = 0
                AND (? = 0 OR c.project_id = ?)
                AND (? IS NULL OR m.create_time >= ?)
                AND (? IS NULL OR m.role = ?)
              ORDER BY score DESC, m.create_time DESC
              LIMIT ?
            ) top
            JOIN messages m ON m.conversation_id = top.conversation_id AND m.node_id = top.node_id
            JOIN conversations c ON c.id = m.conversation_id
            LEFT JOIN projects p ON p.id = c.project_id
            ORDER BY top.score DESC, top.create_time DESC
            """
        /// One word: natural-language mode with no ORDER BY returns matches best first and stops at the
        /// LIMIT, instead of scoring every message that holds a common word. Same parameters as `messages`.
        public static let messagesOneWord = """
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
            LIMIT ?
            """
        public static let titles = """
            SELECT c.id AS conversation_id, c.title, c.create_time, p.name AS project,
                   MATCH(c.title) AGAINST (? IN BOOLEAN MODE) AS score
            FROM conversations c LEFT JOIN projects p ON p.id = c.project_id
            WHERE MATCH(c.title) AGAINST (? IN BOOLEAN MODE)
              AND (? = 0 OR c.project_id = ?)
              AND (? IS NULL OR c.create_time >= ?)
            ORDER BY score DESC, c.create_time DESC
            LIMIT ?
            """
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
        public static let pending = """
            SELECT m.conversation_id, m.node_id, m.text
            FROM messages m JOIN conversations c ON c.id = m.conversation_id
            WHERE (? = 0 OR c.project_id = ?)
              AND m.is_hidden = 0 AND m.role IN ('user', 'assistant')
              AND m.text IS NOT NULL AND m.text <> ''
              AND NOT EXISTS (SELECT 1 FROM message_embeddings e
                              WHERE e.conversation_id = m.conversation_id AND e.node_id = m.node_id
                                AND e.model = ? AND e.dimensions = ?)
            ORDER BY m.conversation_id, m.node_id
            """
        public static func insert(rows: Int) -> String {
            let tuples = Array(repeating: "(?, ?, ?, ?, ?, ?)", count: max(rows, 1)).joined(separator: ", ")
            return "INSERT IGNORE INTO message_embeddings (conversation_id, node_id, chunk, model, dimensions, vector) VALUES \(tuples)"
        }
        /// Vectors above an id, with what filters need. Parameters: model, dimensions, after id.
        /// STRAIGHT_JOIN keeps the embeddings index as the driving table, so rows come in id order
        /// without a temporary table of blobs.
        public static let load = """
            SELECT STRAIGHT_JOIN e.id, e.conversation_id, e.node_id, e.chunk, e.vector, c.project_id, m.role, m.create_time
            FROM message_embeddings e
            JOIN conversations c ON c.id = e.conversation_id
            JOIN messages m ON m.conversation_id = e.conversation_id AND m.node_id = e.node_id
            WHERE e.model = ? AND e.dimensions = ? AND e.id > ?
            ORDER BY e.id
            """
        public static let lastID = "SELECT COALESCE(MAX(id), 0) AS last_id FROM message_embeddings WHERE model = ? AND dimensions = ?"
    }

    /// Reads for `export`.
    public enum Export {
        /// Every node of a conversation with the original message JSON when it was imported.
        public static let nodes = """
            SELECT node_id, parent_node_id, child_index, visible_index, role, author_name, recipient, content_type, text,
                   create_time, update_time, status, end_turn, weight, is_hidden, on_visible_path, is_incomplete, model_slug, raw
            FROM messages WHERE conversation_id = ? ORDER BY parent_node_id IS NOT NULL, parent_node_id, child_index, node_id
            """
        public static let conversationExtra = "SELECT extra, chatgpt_gizmo_id, default_model_slug, is_archived FROM conversations WHERE id = ?"
        public static let projectConversations = "SELECT id FROM conversations WHERE project_id = ? ORDER BY create_time, id"
    }

    /// The importer's statements (Import/). Conversations are keyed by their ChatGPT id; messages by
    /// (conversation, node); imported rows never touch conversations whose origin is 'local'.
    public enum Import {
        public static let existingConversations = "SELECT id, content_hash, origin FROM conversations"
        public static let insertConversation = """
            INSERT INTO conversations (id, project_id, title, create_time, update_time, chatgpt_gizmo_id, gizmo_type,
              default_model_slug, current_node, is_archived, origin, message_count, content_hash, extra, imported_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'import', ?, ?, ?, CURRENT_TIMESTAMP(6))
            """
        /// Parameters as `insertConversation` without the id, then the id. Keeps a project the user chose
        /// when the export has none.
        public static let updateConversation = """
            UPDATE conversations SET project_id = COALESCE(?, project_id), title = ?, create_time = ?, update_time = ?,
              chatgpt_gizmo_id = ?, gizmo_type = ?, default_model_slug = ?, current_node = ?, is_archived = ?,
              message_count = ?, content_hash = ?, extra = ?, imported_at = CURRENT_TIMESTAMP(6)
            WHERE id = ? AND origin = 'import'
            """
        /// A re-imported conversation's stored tree, merged with the export's (nothing is ever deleted).
        public static let storedNodes = """
            SELECT node_id, parent_node_id, child_index, create_time, visible_index, on_visible_path
            FROM messages WHERE conversation_id = ?
            """
        public static let storedConversation = "SELECT current_node, update_time FROM conversations WHERE id = ?"
        /// Moves a stored node on or off the recomputed visible path. Parameters: index, flag, conversation, node.
        public static let setVisible = "UPDATE messages SET visible_index = ?, on_visible_path = ? WHERE conversation_id = ? AND node_id = ?"
        /// Re-import: adds new nodes and updates imported ones in place; chatbeto's own columns
        /// (response id, token counts) stay. Same parameters as `insertMessage`.
        public static let upsertMessage = insertMessage + """

            ON DUPLICATE KEY UPDATE parent_node_id = VALUES(parent_node_id), child_index = VALUES(child_index),
              visible_index = VALUES(visible_index), role = VALUES(role), author_name = VALUES(author_name),
              recipient = VALUES(recipient), channel = VALUES(channel), status = VALUES(status), end_turn = VALUES(end_turn),
              weight = VALUES(weight), model_slug = VALUES(model_slug), content_type = VALUES(content_type), text = VALUES(text),
              create_time = VALUES(create_time), update_time = VALUES(update_time), is_hidden = VALUES(is_hidden),
              on_visible_path = VALUES(on_visible_path), is_incomplete = VALUES(is_incomplete), raw = VALUES(raw)
            """
        /// Same parameters as `insertAsset`.
        public static let upsertAsset = insertAsset + """

            ON DUPLICATE KEY UPDATE asset_pointer = VALUES(asset_pointer), kind = VALUES(kind), export_path = VALUES(export_path),
              mime_type = VALUES(mime_type), size_bytes = VALUES(size_bytes)
            """
        public static let insertMessage = """
            INSERT INTO messages (conversation_id, node_id, parent_node_id, child_index, visible_index, role, author_name,
              recipient, channel, status, end_turn, weight, model_slug, content_type, text, create_time, update_time,
              is_hidden, on_visible_path, is_incomplete, raw)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """
        public static let insertAsset = """
            INSERT INTO assets (conversation_id, node_id, position, asset_pointer, kind, export_path, mime_type, size_bytes)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """
        public static let projectByGizmo = "SELECT id FROM projects WHERE chatgpt_project_id = ?"
        public static let knownProjects = "SELECT chatgpt_project_id FROM projects WHERE chatgpt_project_id IS NOT NULL"
        public static let projectCount = "SELECT COUNT(*) AS n FROM projects WHERE chatgpt_project_id IS NOT NULL"
        /// Parameters: gizmo id, placeholder name (replaced by the provisional name at the end of the run).
        public static let insertProject = "INSERT INTO projects (chatgpt_project_id, name, name_source) VALUES (?, ?, 'provisional')"
        public static let upsertGizmo = """
            INSERT INTO gizmos (id, gizmo_type, first_seen, last_seen) VALUES (?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE gizmo_type = COALESCE(VALUES(gizmo_type), gizmo_type),
              first_seen = LEAST(COALESCE(first_seen, VALUES(first_seen)), COALESCE(VALUES(first_seen), first_seen)),
              last_seen = GREATEST(COALESCE(last_seen, VALUES(last_seen)), COALESCE(VALUES(last_seen), last_seen))
            """
        public static let provisionalProjects = "SELECT id, chatgpt_project_id FROM projects WHERE name_source = 'provisional' AND chatgpt_project_id IS NOT NULL"
        public static let projectTitles = "SELECT title FROM conversations WHERE project_id = ? AND title IS NOT NULL"
        /// Parameters: name, project id, name (unchanged names are not rewritten, so re-imports change nothing).
        public static let setProvisionalName = """
            UPDATE projects SET name = ?, updated_at = CURRENT_TIMESTAMP(6)
            WHERE id = ? AND name_source = 'provisional' AND name <> ?
            """
        /// Parameters: gizmo id, name, emoji, instructions. A name the user gave is kept.
        public static let upsertSidebarProject = """
            INSERT INTO projects (chatgpt_project_id, name, name_source, emoji, instructions) VALUES (?, ?, 'sidebar', ?, ?)
            ON DUPLICATE KEY UPDATE
              updated_at = IF(name_source = 'user' OR (name <=> VALUES(name) AND name_source = 'sidebar'), updated_at, CURRENT_TIMESTAMP(6)),
              name = IF(name_source = 'user', name, VALUES(name)),
              emoji = IF(name_source = 'user', emoji, COALESCE(VALUES(emoji), emoji)),
              instructions = COALESCE(instructions, VALUES(instructions)),
              name_source = IF(name_source = 'user', 'user', 'sidebar')
            """
        public static let nameGizmo = "UPDATE gizmos SET name = ? WHERE id = ? AND NOT (name <=> ?)"
        public static let start = "INSERT INTO imports (source, started_at) VALUES (?, CURRENT_TIMESTAMP(6))"
        public static let maxAllowedPacket = "SELECT @@max_allowed_packet AS packet"
        /// The import lock (a named server lock: works on any server). Parameters: name, seconds to wait.
        /// Who holds the lock: its connection id, then that connection's account and time (when visible).
        public static let lockHolder = "SELECT IS_USED_LOCK(?) AS holder"
        public static let connectionInfo = """
            SELECT USER AS user, HOST AS host, TIME AS seconds, COALESCE(INFO, COMMAND) AS doing
            FROM information_schema.PROCESSLIST WHERE ID = ?
            """
        public static let finish = "UPDATE imports SET finished_at = CURRENT_TIMESTAMP(6), report = ? WHERE id = ?"
    }

    /// Sessions for user SQL: read-only unless the user turned writes on. Enforced by the server.
    public enum UserSQL {
        public static let readOnly = "SET SESSION TRANSACTION READ ONLY"
        public static let readWrite = "SET SESSION TRANSACTION READ WRITE"
        /// The reader's time limits, in seconds. Parameters: lock wait (metadata locks), lock wait
        /// (InnoDB rows), statement time (0 = none). MariaDB's statement limit covers every statement.
        static let limitsMariaDB = "SET SESSION lock_wait_timeout = ?, innodb_lock_wait_timeout = ?, max_statement_time = ?"
        /// MySQL 8 has `max_execution_time` (milliseconds, SELECT only) instead. Same parameters, the
        /// last in milliseconds.
        static let limitsMySQL = "SET SESSION lock_wait_timeout = ?, innodb_lock_wait_timeout = ?, max_execution_time = ?"
    }
}
