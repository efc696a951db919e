import Foundation

/// The SQL of the importer: upserts, tree flags, reports. All SQL text is in SQL.swift and its extensions.
extension SQL {
    /// The importer's statements (Import/). Conversations are keyed by their ChatGPT id; messages by
    /// (conversation, node); imported rows never touch conversations whose origin is 'local'.
    public enum Import {
        public static let existingConversations = "SELECT id, content_hash, origin, provider FROM conversations"
        /// Hashes of the copies imported conversations already hold besides their own (`import_copies`).
        public static let knownCopies = """
            SELECT k.conversation_id, k.content_hash FROM import_copies k
            JOIN conversations c ON c.id = k.conversation_id AND c.origin = 'import'
            """
        /// Remembers a copy of a conversation an import left out or wrote over (an export holding it twice).
        public static func rememberCopy(conversationID: String, contentHash: String) -> Statement {
            Statement("""
                INSERT INTO import_copies (conversation_id, content_hash) VALUES (?, ?)
                ON DUPLICATE KEY UPDATE content_hash = content_hash
                """, [.text(conversationID), .text(contentHash)])
        }
        /// The columns of an imported conversation, as `insertConversation` and `updateConversation` write them.
        public struct ConversationRow: Sendable {
            public var id: String
            public var projectID: Int64?
            public var title: String?
            public var createTime: String?
            public var updateTime: String?
            public var gizmoID: String?
            public var gizmoType: String?
            public var defaultModelSlug: String?
            public var currentNode: String?
            public var isArchived: Bool
            public var messageCount: Int
            public var contentHash: String
            public var extra: String?
            /// `chatgpt`, `claude`, `gemini` or `grok`.
            public var provider: String

            /// A row from its columns.
            public init(id: String, projectID: Int64?, title: String?, createTime: String?, updateTime: String?,
                        gizmoID: String?, gizmoType: String?, defaultModelSlug: String?, currentNode: String?,
                        isArchived: Bool, messageCount: Int, contentHash: String, extra: String?, provider: String = "chatgpt") {
                self.provider = provider
                self.id = id; self.projectID = projectID; self.title = title; self.createTime = createTime
                self.updateTime = updateTime; self.gizmoID = gizmoID; self.gizmoType = gizmoType
                self.defaultModelSlug = defaultModelSlug; self.currentNode = currentNode; self.isArchived = isArchived
                self.messageCount = messageCount; self.contentHash = contentHash; self.extra = extra
            }

            /// The columns after the id, in the order both statements take them.
            var fields: [SQLValue] {
                [projectID.map { .int($0) } ?? .null, .optional(title), .optional(createTime), .optional(updateTime),
                 .optional(gizmoID), .optional(gizmoType), .optional(defaultModelSlug), .optional(currentNode),
                 .int(isArchived ? 1 : 0), .int(Int64(messageCount)), .text(contentHash), .optional(extra), .text(provider)]
            }
        }

        /// A new imported conversation.
        public static func insertConversation(_ row: ConversationRow) -> Statement {
            Statement("""
                INSERT INTO conversations (id, project_id, title, create_time, update_time, chatgpt_gizmo_id, gizmo_type,
                  default_model_slug, current_node, is_archived, origin, message_count, content_hash, extra, provider, imported_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'import', ?, ?, ?, ?, CURRENT_TIMESTAMP(6))
                """, [.text(row.id)] + row.fields)
        }
        /// A re-imported conversation. Keeps a project the user chose when the export has none.
        public static func updateConversation(_ row: ConversationRow) -> Statement {
            Statement("""
                UPDATE conversations SET project_id = COALESCE(?, project_id), title = ?, create_time = ?, update_time = ?,
                  chatgpt_gizmo_id = ?, gizmo_type = ?, default_model_slug = ?, current_node = ?, is_archived = ?,
                  message_count = ?, content_hash = ?, extra = ?, provider = ?, imported_at = CURRENT_TIMESTAMP(6)
                WHERE id = ? AND origin = 'import'
                """, row.fields + [.text(row.id)])
        }
        /// A re-imported conversation's stored tree, merged with the export's (nothing is ever deleted).
        public static func storedNodes(conversationID: String) -> Statement {
            Statement("""
                SELECT node_id, parent_node_id, child_index, create_time, visible_index, on_visible_path
                FROM messages WHERE conversation_id = ?
                """, [.text(conversationID)])
        }
        /// What an earlier import stored for a conversation.
        public static func storedConversation(id: String) -> Statement { Statement("SELECT current_node, update_time, message_count FROM conversations WHERE id = ?", [.text(id)]) }
        /// Removes a conversation this import run wrote (its messages, assets and documents go with it) so a
        /// later copy of it in the same export takes its place.
        public static func deleteConversation(id: String) -> Statement {
            Statement("DELETE FROM conversations WHERE id = ? AND origin = 'import'", [.text(id)])
        }
        /// Moves a stored node on or off the recomputed visible path. Parameters: index, flag, conversation, node.
        public static func setVisible(conversationID: String, nodeID: String, visibleIndex: Int?) -> Statement { Statement("UPDATE messages SET visible_index = ?, on_visible_path = ? WHERE conversation_id = ? AND node_id = ?", [visibleIndex.map { .int(Int64($0)) } ?? .null, .int(visibleIndex == nil ? 0 : 1), .text(conversationID), .text(nodeID)]) }
        /// Re-import: adds new nodes and updates imported ones in place; chatbeto's own columns
        /// (response id, token counts) stay. Same parameters as `insertMessage`.
        public static let upsertMessage = insertMessage + """

            ON DUPLICATE KEY UPDATE parent_node_id = VALUES(parent_node_id), child_index = VALUES(child_index),
              visible_index = VALUES(visible_index), role = VALUES(role), author_name = VALUES(author_name),
              recipient = VALUES(recipient), channel = VALUES(channel), status = VALUES(status), end_turn = VALUES(end_turn),
              weight = VALUES(weight), model_slug = VALUES(model_slug), content_type = VALUES(content_type), text = VALUES(text),
              create_time = VALUES(create_time), update_time = VALUES(update_time), is_hidden = VALUES(is_hidden),
              on_visible_path = VALUES(on_visible_path), is_incomplete = VALUES(is_incomplete), raw = VALUES(raw),
              word_count = VALUES(word_count)
            """
        /// Same parameters as `insertAsset`.
        public static let upsertAsset = insertAsset + """

            ON DUPLICATE KEY UPDATE asset_pointer = VALUES(asset_pointer), kind = VALUES(kind), export_path = VALUES(export_path),
              mime_type = VALUES(mime_type), size_bytes = VALUES(size_bytes), file_name = VALUES(file_name)
            """
        public static let insertMessage = """
            INSERT INTO messages (conversation_id, node_id, parent_node_id, child_index, visible_index, role, author_name,
              recipient, channel, status, end_turn, weight, model_slug, content_type, text, create_time, update_time,
              is_hidden, on_visible_path, is_incomplete, raw, word_count)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """
        public static let insertAsset = """
            INSERT INTO assets (conversation_id, node_id, position, asset_pointer, kind, export_path, mime_type, size_bytes, file_name)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """
        /// A document of a conversation (a canvas, a deep-research report's absence); a re-import updates it,
        /// an export without it (a slim one) leaves it.
        public static func upsertDocument(conversationID: String, documentID: String, kind: String, title: String?, type: String?,
                                          nodeID: String?, version: Int?, content: String?) -> Statement {
            Statement("""
                INSERT INTO documents (conversation_id, document_id, kind, title, document_type, node_id, version, content)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE kind = VALUES(kind), title = VALUES(title), document_type = VALUES(document_type),
                  node_id = VALUES(node_id), version = VALUES(version), content = VALUES(content)
                """, [.text(conversationID), .text(documentID), .text(kind), .optional(title), .optional(type), .optional(nodeID),
                      .optional(version), .optional(content)])
        }
        /// The project of a gizmo id.
        public static func projectByGizmo(gizmoID: String) -> Statement { Statement("SELECT id FROM projects WHERE chatgpt_project_id = ?", [.text(gizmoID)]) }
        public static let knownProjects = "SELECT chatgpt_project_id FROM projects WHERE chatgpt_project_id IS NOT NULL"
        public static let projectCount = "SELECT COUNT(*) AS n FROM projects WHERE chatgpt_project_id IS NOT NULL"
        /// Parameters: gizmo id, placeholder name (replaced by the provisional name at the end of the run).
        public static func insertProject(gizmoID: String, provisionalName: String, provider: String = "chatgpt") -> Statement { Statement("INSERT INTO projects (chatgpt_project_id, name, name_source, provider) VALUES (?, ?, 'provisional', ?)", [.text(gizmoID), .text(provisionalName), .text(provider)]) }
        /// A project another provider's export names (Claude: uuid, name, `prompt_template` as instructions).
        /// Parameters: provider, external id, name, instructions. A name the user gave and instructions they set stay.
        public static func upsertSourceProject(provider: String, externalID: String, name: String, instructions: String?) -> Statement {
            Statement("""
                INSERT INTO projects (provider, chatgpt_project_id, name, name_source, instructions) VALUES (?, ?, ?, 'sidebar', ?)
                ON DUPLICATE KEY UPDATE
                  updated_at = IF(name_source = 'user' OR (name <=> VALUES(name) AND name_source = 'sidebar'), updated_at, CURRENT_TIMESTAMP(6)),
                  name = IF(name_source = 'user', name, VALUES(name)),
                  instructions = COALESCE(instructions, VALUES(instructions)),
                  name_source = IF(name_source = 'user', 'user', 'sidebar')
                """, [.text(provider), .text(externalID), .text(name), .optional(instructions)])
        }
        /// Records a gizmo and when it was first and last seen.
        public static func upsertGizmo(id: String, type: String?, firstSeen: String?, lastSeen: String?) -> Statement {
            Statement("""
                INSERT INTO gizmos (id, gizmo_type, first_seen, last_seen) VALUES (?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE gizmo_type = COALESCE(VALUES(gizmo_type), gizmo_type),
                  first_seen = LEAST(COALESCE(first_seen, VALUES(first_seen)), COALESCE(VALUES(first_seen), first_seen)),
                  last_seen = GREATEST(COALESCE(last_seen, VALUES(last_seen)), COALESCE(VALUES(last_seen), last_seen))
                """, [.text(id), .optional(type), .optional(firstSeen), .optional(lastSeen)])
        }
        public static let provisionalProjects = "SELECT id, chatgpt_project_id FROM projects WHERE name_source = 'provisional' AND chatgpt_project_id IS NOT NULL"
        /// A project's conversation titles, which its provisional name comes from.
        public static func projectTitles(projectID: Int64) -> Statement { Statement("SELECT title FROM conversations WHERE project_id = ? AND title IS NOT NULL", [.int(projectID)]) }
        /// Parameters: name, project id, name (unchanged names are not rewritten, so re-imports change nothing).
        public static func setProvisionalName(name: String, projectID: Int64) -> Statement {
            Statement("""
                UPDATE projects SET name = ?, updated_at = CURRENT_TIMESTAMP(6)
                WHERE id = ? AND name_source = 'provisional' AND name <> ?
                """, [.text(name), .int(projectID), .text(name)])
        }
        /// Parameters: gizmo id, name, emoji, instructions. A name the user gave is kept.
        public static func upsertSidebarProject(gizmoID: String, name: String, emoji: String?, instructions: String?) -> Statement {
            Statement("""
                INSERT INTO projects (chatgpt_project_id, name, name_source, emoji, instructions) VALUES (?, ?, 'sidebar', ?, ?)
                ON DUPLICATE KEY UPDATE
                  updated_at = IF(name_source = 'user' OR (name <=> VALUES(name) AND name_source = 'sidebar'), updated_at, CURRENT_TIMESTAMP(6)),
                  name = IF(name_source = 'user', name, VALUES(name)),
                  emoji = IF(name_source = 'user', emoji, COALESCE(VALUES(emoji), emoji)),
                  instructions = COALESCE(instructions, VALUES(instructions)),
                  name_source = IF(name_source = 'user', 'user', 'sidebar')
                """, [.text(gizmoID), .text(name), .optional(emoji), .optional(instructions)])
        }
        /// Names a gizmo after the sidebar project.
        public static func nameGizmo(name: String, gizmoID: String) -> Statement { Statement("UPDATE gizmos SET name = ? WHERE id = ? AND NOT (name <=> ?)", [.text(name), .text(gizmoID), .text(name)]) }
        /// Opens the row of an import run.
        public static func start(source: String) -> Statement { Statement("INSERT INTO imports (source, started_at) VALUES (?, CURRENT_TIMESTAMP(6))", [.text(source)]) }
        public static let maxAllowedPacket = "SELECT @@max_allowed_packet AS packet"
        /// Takes the lock row `name` when it is free or its lease lapsed; otherwise changes nothing.
        /// (MySQL assigns left to right: `expires_at` goes last, so every test sees the old lease.)
        public static func takeLock(name: String, owner: String, node: String, leaseSeconds: Int) -> Statement {
            let taken = "expires_at < NOW(6)"
            return Statement("""
                INSERT INTO chatbeto_locks (name, owner, node, connection_id, acquired_at, expires_at)
                VALUES (?, ?, ?, CONNECTION_ID(), NOW(6), NOW(6) + INTERVAL ? SECOND)
                ON DUPLICATE KEY UPDATE owner = IF(\(taken), VALUES(owner), owner), node = IF(\(taken), VALUES(node), node),
                  connection_id = IF(\(taken), VALUES(connection_id), connection_id),
                  acquired_at = IF(\(taken), VALUES(acquired_at), acquired_at), expires_at = IF(\(taken), VALUES(expires_at), expires_at)
                """, [.text(name), .text(owner), .text(node), .int(Int64(leaseSeconds))])
        }
        /// The holder of a lock row and how long its lease still runs.
        public static func lockRow(name: String) -> Statement {
            Statement("""
                SELECT owner, node, connection_id, TIMESTAMPDIFF(SECOND, NOW(6), expires_at) AS lease_left,
                  TIMESTAMPDIFF(SECOND, acquired_at, NOW(6)) AS held
                FROM chatbeto_locks WHERE name = ?
                """, [.text(name)])
        }
        /// Extends the import lock held by this owner and names this session (and server) as its holder,
        /// which a reconnect changes; matches no row when the lock is no longer this owner's.
        public static func renewLock(name: String, owner: String, leaseSeconds: Int) -> Statement {
            Statement("""
                UPDATE chatbeto_locks SET connection_id = CONNECTION_ID(), node = CONCAT(@@hostname, ':', @@port),
                  expires_at = NOW(6) + INTERVAL ? SECOND
                WHERE name = ? AND owner = ?
                """, [.int(Int64(leaseSeconds)), .text(name), .text(owner)])
        }
        /// Releases a lock row, or clears a dead holder's (only the row of that `owner`).
        public static func dropLock(name: String, owner: String) -> Statement {
            Statement("DELETE FROM chatbeto_locks WHERE name = ? AND owner = ?", [.text(name), .text(owner)])
        }
        /// The server this connection is on, as a lock row names it.
        public static let serverNode = "SELECT CONCAT(@@hostname, ':', @@port) AS node"
        /// Galera only: the next read waits until this node has applied what the cluster committed before it.
        public static let causalReads = "SET SESSION wsrep_sync_wait = 1"
        /// Galera (or not): the size of a write set the server accepts; fails on servers without wsrep.
        public static let maxWriteSet = "SELECT @@wsrep_max_ws_size AS ws, @@wsrep_on AS wsrep"
        /// Who holds a connection (the import lock names the holder).
        public static func connectionInfo(connectionID: Int64) -> Statement {
            Statement("""
                SELECT USER AS user, HOST AS host, TIME AS seconds, COALESCE(INFO, COMMAND) AS doing
                FROM information_schema.PROCESSLIST WHERE ID = ?
                """, [.int(connectionID)])
        }
        /// Closes an import run's row with its report.
        public static func finish(report: String, importID: Int64) -> Statement { Statement("UPDATE imports SET finished_at = CURRENT_TIMESTAMP(6), report = ? WHERE id = ?", [.text(report), .int(importID)]) }
    }
}
