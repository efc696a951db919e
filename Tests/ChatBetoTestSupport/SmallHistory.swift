import ChatBetoStore
import Foundation

/// A tiny history loaded with SQL (the importer has its own tests): two projects, three conversations,
/// one with a regenerated reply (a branch) and a hidden system message.
public enum SmallHistory {
    public static func load(into c: MySQLConnection) throws {
        try c.query("INSERT INTO projects (id, chatgpt_project_id, name, name_source) VALUES (1, 'g-p-695c5d2ac4f481918ad844d64d343add', 'Wordpress', 'user'), (2, 'g-p-11111111111181911111111111111111', 'ChatGPT', 'provisional')")
        try c.query("""
            INSERT INTO conversations (id, project_id, title, create_time, update_time, chatgpt_gizmo_id, current_node, message_count)
            VALUES ('aaaa1111-0000-4000-8000-000000000001', 1, 'Plugin fix', '2024-05-01 10:00:00', '2024-05-02 09:00:00', 'g-p-695c5d2ac4f481918ad844d64d343add', 'n4', 4),
                   ('aaaa1111-0000-4000-8000-000000000002', 1, 'Cron jobs', '2024-03-01 10:00:00', '2024-03-01 11:00:00', 'g-p-695c5d2ac4f481918ad844d64d343add', 'm2', 2),
                   ('bbbb2222-0000-4000-8000-000000000003', 2, 'Café ñandú 🥘', '2023-01-01 08:00:00', '2023-01-01 08:30:00', 'g-p-11111111111181911111111111111111', 'x1', 1),
                   ('cccc3333-0000-4000-8000-000000000004', NULL, 'Orphan talk', '2022-12-01 08:00:00', '2022-12-01 08:30:00', NULL, 'o1', 1)
            """)
        let rows: [[SQLValue]] = [
            ["aaaa1111-0000-4000-8000-000000000001", "n0", .null, 0, .null, "system", "text", "", 1, 1],
            ["aaaa1111-0000-4000-8000-000000000001", "n1", "n0", 0, 0, "user", "text", "My plugin breaks on save", 0, 1],
            ["aaaa1111-0000-4000-8000-000000000001", "n2", "n1", 0, .null, "assistant", "text", "First answer (regenerated)", 0, 0],
            ["aaaa1111-0000-4000-8000-000000000001", "n3", "n1", 1, 1, "assistant", "text", "Check the save_post hook.", 0, 1],
            ["aaaa1111-0000-4000-8000-000000000001", "n4", "n3", 0, 2, "user", "text", "Thanks, fixed!", 0, 1],
            ["aaaa1111-0000-4000-8000-000000000002", "m1", .null, 0, 0, "user", "text", "How do WP cron jobs run?", 0, 1],
            ["aaaa1111-0000-4000-8000-000000000002", "m2", "m1", 0, 1, "assistant", "text", "On page loads, unless DISABLE_WP_CRON.", 0, 1],
            ["bbbb2222-0000-4000-8000-000000000003", "x1", .null, 0, 0, "user", "text", "¿Qué es un ñandú? 🥘", 0, 1],
            ["cccc3333-0000-4000-8000-000000000004", "o1", .null, 0, 0, "user", "text", "Hello orphan", 0, 1],
        ]
        for r in rows {
            try c.query("""
                INSERT INTO messages (conversation_id, node_id, parent_node_id, child_index, visible_index, role, content_type, text, is_hidden, on_visible_path, create_time)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '2024-05-01 10:00:00')
                """, r)
        }
    }

    /// A DSN for a fresh database holding this history.
    public static func dsn() throws -> String {
        try Binary.freshDSN { try load(into: $0.connection) }
    }
}
