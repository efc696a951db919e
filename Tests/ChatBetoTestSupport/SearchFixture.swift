import ChatBetoStore
import Foundation

/// A small history written with SQL (the importer lives on another branch): two projects and an orphan,
/// Spanish and English text with accents, a code snippet, and a conversation with a regenerated reply.
public enum SearchFixture {
    public struct Message {
        var node: String
        var parent: String?
        var role: String
        var text: String
        var time: String
        var visible = true
        var hidden = false
        var childIndex = 0
        var model: String? = nil

        public init(node: String, parent: String?, role: String, text: String, time: String, visible: Bool = true,
                    hidden: Bool = false, childIndex: Int = 0, model: String? = nil) {
            self.node = node; self.parent = parent; self.role = role; self.text = text; self.time = time
            self.visible = visible; self.hidden = hidden; self.childIndex = childIndex; self.model = model
        }
    }

    public static func project(_ db: Database, _ name: String) throws -> Int64 {
        let rs = try db.connection.query("INSERT INTO projects (name, name_source) VALUES (?, 'user')", [.text(name)])
        return Int64(rs.lastInsertID)
    }

    public static func conversation(_ db: Database, id: String, title: String, project: Int64?, created: String,
                             messages: [Message]) throws {
        let leaf = messages.filter(\.visible).last?.node
        try db.connection.query("""
            INSERT INTO conversations (id, project_id, title, create_time, update_time, current_node, message_count)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [.text(id), project.map { .int($0) } ?? .null, .text(title), .temporal(created),
                  .temporal(messages.last?.time ?? created), .optional(leaf), .int(Int64(messages.count))])
        var visibleIndex = 0
        for m in messages {
            try db.connection.query("""
                INSERT INTO messages (conversation_id, node_id, parent_node_id, child_index, visible_index, role, content_type,
                                      text, create_time, is_hidden, on_visible_path, model_slug)
                VALUES (?, ?, ?, ?, ?, ?, 'text', ?, ?, ?, ?, ?)
                """, [.text(id), .text(m.node), .optional(m.parent), .int(Int64(m.childIndex)),
                      m.visible ? .int(Int64(visibleIndex)) : .null, .text(m.role), .text(m.text), .temporal(m.time),
                      .int(m.hidden ? 1 : 0), .int(m.visible ? 1 : 0), .optional(m.model)])
            if m.visible { visibleIndex += 1 }
        }
    }

    /// Loads the standard fixture; returns the project ids by name.
    @discardableResult
    public static func load(_ db: Database) throws -> [String: Int64] {
        let viajes = try project(db, "Viajes")
        let code = try project(db, "Código")
        try conversation(db, id: "c-lisboa", title: "Viaje a Lisboa", project: viajes, created: "2024-03-02 09:00:00", messages: [
            Message(node: "l1", parent: nil, role: "user", text: "¿Dónde tomar un buen café en Lisboa?", time: "2024-03-02 09:00:00"),
            Message(node: "l2", parent: "l1", role: "assistant",
                    text: "Para un café excelente en Lisboa, prueba A Brasileira en el Chiado. La pastelería de Belém también.",
                    time: "2024-03-02 09:00:05", model: "gpt-4o"),
        ])
        try conversation(db, id: "c-madrid", title: "Fin de semana en Madrid", project: viajes, created: "2024-06-10 18:00:00", messages: [
            Message(node: "m1", parent: nil, role: "user", text: "Quiero visitar el museo del Prado y comer cocido.", time: "2024-06-10 18:00:00"),
            Message(node: "m2", parent: "m1", role: "assistant", text: "El Prado abre a las diez; el cocido madrileño se come mejor en invierno.",
                    time: "2024-06-10 18:00:07", model: "gpt-4o"),
        ])
        try conversation(db, id: "c-python", title: "Sorting in Python", project: code, created: "2024-06-20 08:00:00", messages: [
            Message(node: "p1", parent: nil, role: "user", text: "How do I sort a list of dicts by key? I tried sorted(items) and it failed.",
                    time: "2024-06-20 08:00:00"),
            Message(node: "p2", parent: "p1", role: "assistant", text: "Use a key function:\n\n```python\nrows = sorted(items, key=lambda r: r[\"price\"])\n```",
                    time: "2024-06-20 08:00:04", visible: false, childIndex: 0, model: "gpt-4o"),
            Message(node: "p3", parent: "p1", role: "assistant",
                    text: "Pass `key=operator.itemgetter(\"price\")` to sorted(); for a stable descending order add reverse=True.",
                    time: "2024-06-20 08:01:00", childIndex: 1, model: "gpt-4o-mini"),
            Message(node: "p4", parent: "p3", role: "system", text: "hidden sorted instructions", time: "2024-06-20 08:01:01",
                    hidden: true),
        ])
        try conversation(db, id: "c-cafe", title: "Café con leche", project: nil, created: "2023-11-05 07:30:00", messages: [
            Message(node: "k1", parent: nil, role: "user", text: "What is the difference between a latte and a cortado?",
                    time: "2023-11-05 07:30:00"),
            Message(node: "k2", parent: "k1", role: "assistant", text: "A cortado has less milk than a latte.", time: "2023-11-05 07:30:03",
                    model: "gpt-4"),
        ])
        return ["Viajes": viajes, "Código": code]
    }

    /// A DSN for a fresh database holding the standard fixture (for tests that drive the binary).
    public static func dsn() throws -> String {
        try Binary.freshDSN { try load($0) }
    }
}
