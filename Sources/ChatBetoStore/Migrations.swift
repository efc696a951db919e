/// The ordered schema migrations. `schema_chatbeto.sql` at the top of the repository is generated from
/// this list (`chatbeto schema`), and a test checks that the two agree.
///
/// Rules: append only; never edit a migration that has shipped; only SQL that both MySQL 8.0+ and
/// MariaDB 10.11+ accept.
public enum Migrations {
    /// One schema step: its version and the statements that make it.
    public struct Migration: Sendable {
        public let version: Int
        public let name: String
        public let statements: [String]
    }

    public static let all: [Migration] = [
        Migration(version: 1, name: "base schema", statements: [
            """
            CREATE TABLE projects (
              id BIGINT NOT NULL AUTO_INCREMENT,
              chatgpt_project_id VARCHAR(64) NULL COMMENT 'ChatGPT project gizmo id (g-p-...); NULL for local projects',
              name VARCHAR(255) NOT NULL,
              name_source VARCHAR(16) NOT NULL DEFAULT 'provisional' COMMENT 'provisional | sidebar | user',
              emoji VARCHAR(32) NULL,
              instructions MEDIUMTEXT NULL COMMENT 'sent as instructions on every turn of its conversations',
              openai_assistant_id VARCHAR(64) NULL COMMENT 'legacy Assistants API id, kept readable',
              created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
              updated_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
              PRIMARY KEY (id),
              UNIQUE KEY uq_projects_chatgpt (chatgpt_project_id),
              KEY ix_projects_name (name)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
            """,
            """
            CREATE TABLE gizmos (
              id VARCHAR(64) NOT NULL COMMENT 'custom GPT or project gizmo id',
              gizmo_type VARCHAR(16) NULL COMMENT 'gpt | snorlax',
              name VARCHAR(255) NULL,
              first_seen DATETIME(6) NULL,
              last_seen DATETIME(6) NULL,
              PRIMARY KEY (id)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
            """,
            """
            CREATE TABLE conversations (
              id VARCHAR(64) NOT NULL COMMENT 'ChatGPT conversation id for imported ones, a UUID for local ones',
              project_id BIGINT NULL,
              title VARCHAR(1024) NULL,
              create_time DATETIME(6) NULL,
              update_time DATETIME(6) NULL,
              chatgpt_gizmo_id VARCHAR(64) NULL,
              gizmo_type VARCHAR(16) NULL,
              default_model_slug VARCHAR(64) NULL,
              current_node VARCHAR(64) NULL COMMENT 'leaf of the visible thread',
              is_archived TINYINT NOT NULL DEFAULT 0,
              origin VARCHAR(16) NOT NULL DEFAULT 'import' COMMENT 'import | local',
              message_count INT NOT NULL DEFAULT 0,
              content_hash CHAR(32) NULL COMMENT 'hash of the imported JSON, to skip unchanged conversations',
              openai_thread_id VARCHAR(64) NULL COMMENT 'server-side OpenAI conversation (conv_...)',
              seeded_node VARCHAR(64) NULL COMMENT 'last node already present in the server-side conversation',
              extra LONGTEXT NULL COMMENT 'the other top-level export keys, as JSON',
              imported_at DATETIME(6) NULL,
              PRIMARY KEY (id),
              KEY ix_conversations_project (project_id, update_time),
              KEY ix_conversations_update (update_time),
              KEY ix_conversations_gizmo (chatgpt_gizmo_id),
              CONSTRAINT fk_conversations_project FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE SET NULL
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
            """,
            """
            CREATE TABLE messages (
              conversation_id VARCHAR(64) NOT NULL,
              node_id VARCHAR(64) NOT NULL,
              parent_node_id VARCHAR(64) NULL,
              child_index INT NOT NULL DEFAULT 0 COMMENT 'position among the parent''s children',
              visible_index INT NULL COMMENT 'position in the visible thread, NULL when off it',
              role VARCHAR(16) NULL,
              author_name VARCHAR(128) NULL,
              recipient VARCHAR(128) NULL,
              channel VARCHAR(32) NULL,
              status VARCHAR(48) NULL,
              end_turn TINYINT NULL,
              weight DOUBLE NULL,
              model_slug VARCHAR(64) NULL,
              content_type VARCHAR(64) NULL,
              text MEDIUMTEXT NULL COMMENT 'displayable text',
              create_time DATETIME(6) NULL,
              update_time DATETIME(6) NULL,
              is_hidden TINYINT NOT NULL DEFAULT 0,
              on_visible_path TINYINT NOT NULL DEFAULT 0,
              is_incomplete TINYINT NOT NULL DEFAULT 0 COMMENT 'a reply cut short (Ctrl-C, dropped connection)',
              response_id VARCHAR(64) NULL,
              input_tokens INT NULL,
              output_tokens INT NULL,
              raw LONGTEXT NULL COMMENT 'the original message JSON',
              PRIMARY KEY (conversation_id, node_id),
              KEY ix_messages_parent (conversation_id, parent_node_id),
              KEY ix_messages_visible (conversation_id, visible_index),
              KEY ix_messages_time (create_time),
              CONSTRAINT fk_messages_conversation FOREIGN KEY (conversation_id) REFERENCES conversations (id) ON DELETE CASCADE
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
            """,
            """
            CREATE TABLE assets (
              conversation_id VARCHAR(64) NOT NULL,
              node_id VARCHAR(64) NOT NULL,
              position INT NOT NULL,
              asset_pointer VARCHAR(255) NOT NULL,
              kind VARCHAR(32) NULL COMMENT 'image | audio | attachment',
              export_path VARCHAR(1024) NULL COMMENT 'the file inside the export, when found',
              mime_type VARCHAR(128) NULL,
              size_bytes BIGINT NULL,
              PRIMARY KEY (conversation_id, node_id, position),
              CONSTRAINT fk_assets_conversation FOREIGN KEY (conversation_id) REFERENCES conversations (id) ON DELETE CASCADE
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
            """,
            """
            CREATE TABLE sessions (
              id BIGINT NOT NULL AUTO_INCREMENT,
              started_at DATETIME(6) NOT NULL,
              updated_at DATETIME(6) NOT NULL,
              project_id BIGINT NULL,
              conversation_id VARCHAR(64) NULL,
              settings TEXT NULL COMMENT 'the shell settings as JSON (never secrets)',
              PRIMARY KEY (id),
              KEY ix_sessions_updated (updated_at)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
            """,
            """
            CREATE TABLE imports (
              id BIGINT NOT NULL AUTO_INCREMENT,
              source VARCHAR(1024) NOT NULL,
              started_at DATETIME(6) NOT NULL,
              finished_at DATETIME(6) NULL,
              report TEXT NULL COMMENT 'the import report as JSON',
              PRIMARY KEY (id)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
            """,
        ]),
        // Version 2 is reserved for the importer and 3 for chat; they land from other branches.
        Migration(version: 4, name: "search: full-text indexes and message embeddings", statements: [
            // The columns' utf8mb4_unicode_ci collation makes the index accent- and case-insensitive.
            "ALTER TABLE messages ADD FULLTEXT INDEX ft_messages_text (text)",
            "ALTER TABLE conversations ADD FULLTEXT INDEX ft_conversations_title (title)",
            // `stats` sums words and lists models over every message: indexes keep that an index scan
            // (a second, not a scan of all the text). Words are runs between spaces or line breaks, an estimate.
            """
            ALTER TABLE messages
              ADD COLUMN word_count INT AS (CASE WHEN text IS NULL OR TRIM(text) = '' THEN 0
                ELSE CHAR_LENGTH(TRIM(REPLACE(text, '\n', ' '))) - CHAR_LENGTH(REPLACE(REPLACE(TRIM(REPLACE(text, '\n', ' ')), ' ', ''), '\n', '')) + 1 END) STORED
                COMMENT 'words in text (runs between spaces), for stats',
              ADD KEY ix_messages_words (word_count),
              ADD KEY ix_messages_model (model_slug)
            """,
            """
            CREATE TABLE message_embeddings (
              id BIGINT NOT NULL AUTO_INCREMENT COMMENT 'load order: the in-memory index reads only rows above the last id it saw',
              conversation_id VARCHAR(64) NOT NULL,
              node_id VARCHAR(64) NOT NULL,
              chunk INT NOT NULL DEFAULT 0 COMMENT 'position of the chunk in a long message',
              model VARCHAR(64) NOT NULL,
              dimensions INT NOT NULL,
              vector BLOB NOT NULL COMMENT 'dimensions x little-endian Float32',
              created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
              PRIMARY KEY (id),
              UNIQUE KEY uq_embeddings_chunk (conversation_id, node_id, model, dimensions, chunk),
              KEY ix_embeddings_model (model, dimensions, id),
              CONSTRAINT fk_embeddings_conversation FOREIGN KEY (conversation_id) REFERENCES conversations (id) ON DELETE CASCADE
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
            """,
        ]),
        Migration(version: 5, name: "import: word counts written by chatbeto, import locks that work on a cluster", statements: [
            // The server computed word_count with nested REPLACE over every text: about a quarter of a bulk
            // import's server time. chatbeto now writes the same value (MessageWordCount); existing rows keep theirs.
            """
            ALTER TABLE messages MODIFY COLUMN word_count INT NULL DEFAULT NULL
              COMMENT 'words in text (runs between spaces), written by chatbeto (MessageWordCount), for stats'
            """,
            // GET_LOCK is local to one server: on a Galera cluster two nodes would both grant it. A row is
            // replicated and certified like any other write.
            """
            CREATE TABLE chatbeto_locks (
              name VARCHAR(64) NOT NULL,
              owner VARCHAR(64) NOT NULL COMMENT 'random token of the holding process',
              node VARCHAR(128) NOT NULL COMMENT 'hostname:port of the server the holder is connected to',
              connection_id BIGINT NOT NULL COMMENT 'the holder''s connection on that server',
              acquired_at DATETIME(6) NOT NULL,
              expires_at DATETIME(6) NOT NULL COMMENT 'renewed while the holder works; a lapsed lease is free',
              PRIMARY KEY (name)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
            """,
        ]),
        Migration(version: 6, name: "providers: the service each conversation and project comes from", statements: [
            // Rows that exist before this migration all came from ChatGPT exports or chatbeto's own chats over the OpenAI API.
            """
            ALTER TABLE conversations
              ADD COLUMN provider VARCHAR(16) NOT NULL DEFAULT 'chatgpt' COMMENT 'chatgpt | claude | gemini | grok' AFTER id,
              ADD KEY ix_conversations_provider (provider, update_time)
            """,
            """
            ALTER TABLE projects
              ADD COLUMN provider VARCHAR(16) NOT NULL DEFAULT 'chatgpt' COMMENT 'chatgpt | claude | gemini | grok' AFTER id
            """,
        ]),
        Migration(version: 7, name: "import: documents of a conversation (canvas, deep research) and attachment names", statements: [
            """
            CREATE TABLE documents (
              conversation_id VARCHAR(64) NOT NULL,
              document_id VARCHAR(64) NOT NULL COMMENT 'the canvas textdoc_id, or the deep-research task id',
              kind VARCHAR(32) NOT NULL COMMENT 'canvas | deep_research',
              title VARCHAR(1024) NULL,
              document_type VARCHAR(64) NULL COMMENT 'the canvas type: document, code/python, …',
              node_id VARCHAR(64) NULL COMMENT 'the visible message show prints it after',
              version INT NULL COMMENT 'confirmed changes applied (1: as created)',
              content MEDIUMTEXT NULL COMMENT 'the final text; NULL when the export does not hold it (a deep-research kickoff without its report)',
              PRIMARY KEY (conversation_id, document_id),
              CONSTRAINT fk_documents_conversation FOREIGN KEY (conversation_id) REFERENCES conversations (id) ON DELETE CASCADE
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
            """,
            "ALTER TABLE assets ADD COLUMN file_name VARCHAR(512) NULL COMMENT 'the original file name, when the export gives it'",
        ]),
        Migration(version: 8, name: "import: copies of a conversation an export held more than once", statements: [
            // An export can hold a conversation twice (Claude keeps the later copy; ChatGPT shards can
            // repeat one). The copies an import left out or wrote over are remembered by their bytes'
            // hash, so importing the same export again finds every copy unchanged instead of merging
            // the older one back in.
            """
            CREATE TABLE import_copies (
              conversation_id VARCHAR(64) NOT NULL,
              content_hash CHAR(32) NOT NULL COMMENT 'hash of a copy the conversation already holds, other than conversations.content_hash',
              PRIMARY KEY (conversation_id, content_hash),
              CONSTRAINT fk_import_copies_conversation FOREIGN KEY (conversation_id) REFERENCES conversations (id) ON DELETE CASCADE
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
            """,
        ]),
    ]

    /// The schema as one SQL script, in the order it is applied (what `schema_chatbeto.sql` holds).
    public static var script: String {
        var out = """
        -- chatbeto schema of record, generated by `chatbeto schema` from Sources/ChatBetoStore/Migrations.swift.
        -- chatbeto applies these migrations itself on connect and records them in schema_migrations.
        -- Runs on MySQL 8.0+ and MariaDB 10.11+.

        \(bookkeeping);

        -- Secrets the read-only account is never granted (the lock-name secret, see NamedLock.swift).
        \(SQL.Locks.createPrivate);

        """
        for m in all {
            out += "\n-- migration \(m.version): \(m.name)\n"
            for s in m.statements { out += s + ";\n\n" }
            out += "INSERT INTO schema_migrations (version, name, applied_at) VALUES (\(m.version), '\(m.name)', CURRENT_TIMESTAMP(6));\n"
        }
        return out
    }

    static let bookkeeping = """
    CREATE TABLE IF NOT EXISTS schema_migrations (
      version INT NOT NULL,
      name VARCHAR(255) NOT NULL,
      applied_at DATETIME(6) NOT NULL,
      PRIMARY KEY (version)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
    """
}
