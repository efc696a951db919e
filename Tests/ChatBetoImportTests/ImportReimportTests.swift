@testable import ChatBetoImport
@testable import ChatBetoRender
@testable import ChatBetoStore
import ChatBetoTestSupport
import Foundation
import Testing

/// Re-imports: idempotent, merging grown conversations, keeping local ones, and the dry run.
@Suite(.serialized) struct ImportReimportTests {
    @Test func importIsIdempotent() throws {
        let dir = try ImportFixtures.generate(conversations: 30, seed: 3, zip: true)
        let db = try TestServer.freshDatabase()
        let first = try Importer(connection: db.connection).run(source: dir.appendingPathComponent("export.zip"))
        let before = try ImportFixtures.snapshot(db.connection)
        let second = try Importer(connection: db.connection).run(source: dir.appendingPathComponent("export.zip"))
        #expect(second.conversationsUnchanged == first.conversationsNew)
        #expect(second.conversationsNew == 0 && second.conversationsUpdated == 0 && second.messages == 0)
        #expect(try ImportFixtures.snapshot(db.connection) == before)
        #expect(try ImportFixtures.count(db.connection, "SELECT COUNT(*) FROM imports WHERE finished_at IS NOT NULL AND report LIKE '%conversationsUnchanged%'") == 2)
    }

    @Test func newerExportUpdatesGrownConversationsAndKeepsLocalOnes() throws {
        let dir = try ImportFixtures.generate(conversations: 12, seed: 4)
        let file = dir.appendingPathComponent("conversations.json")
        var conversations = try ImportFixtures.conversations(in: file)
        let db = try TestServer.freshDatabase()
        let c = db.connection
        // The first export lacks the newest conversation.
        let older = ImportFixtures.temporaryDirectory().appendingPathComponent("conversations.json")
        try JSONSerialization.data(withJSONObject: Array(conversations.dropFirst())).write(to: older)
        _ = try Importer(connection: c).run(source: older)
        try c.query("INSERT INTO conversations (id, title, origin) VALUES ('local-1', 'mine', 'local')")
        // In the newer export a conversation grew by one reply.
        var grown = conversations[3]
        var mapping = grown["mapping"] as! [String: Any]
        let leaf = grown["current_node"] as! String
        var leafNode = mapping[leaf] as! [String: Any]
        leafNode["children"] = ["new-node"]
        mapping[leaf] = leafNode
        mapping["new-node"] = ["id": "new-node", "parent": leaf, "children": [String](),
                               "message": ["id": "new-node", "author": ["role": "user"], "content": ["content_type": "text", "parts": ["¿otra pregunta? 🙂"]],
                                           "create_time": 1_800_000_000.5]]
        grown["mapping"] = mapping
        grown["current_node"] = "new-node"
        conversations[3] = grown
        let newer = ImportFixtures.temporaryDirectory().appendingPathComponent("conversations.json")
        try JSONSerialization.data(withJSONObject: conversations).write(to: newer)
        let report = try Importer(connection: c).run(source: newer)
        // Re-serialising changes the bytes of every conversation, so all old ones count as updated; what
        // matters is that nothing is duplicated and the grown tree is complete.
        #expect(report.conversationsNew == 1)
        #expect(report.conversationsNew + report.conversationsUpdated + report.conversationsUnchanged == 12)
        let expected = try ImportFixtures.expectedCounts([newer])
        #expect(try ImportFixtures.count(c, "SELECT COUNT(*) FROM conversations WHERE origin = 'import'") == 12)
        #expect(try ImportFixtures.count(c, "SELECT COUNT(*) FROM messages") == expected.messages)
        let id = grown["id"] as! String
        #expect(try c.query("SELECT current_node FROM conversations WHERE id = ?", [.text(id)]).rows[0][0].textValue == "new-node")
        #expect(try c.query("SELECT text, create_time FROM messages WHERE conversation_id = ? AND node_id = 'new-node' AND on_visible_path = 1", [.text(id)]).rows.first
                == [.text("¿otra pregunta? 🙂"), .temporal("2027-01-15 08:00:00.500000")])
        #expect(try c.query("SELECT title, origin FROM conversations WHERE id = 'local-1'").rows.first == [.text("mine"), .text("local")])
        // A third run of the same export changes nothing.
        let before = try ImportFixtures.snapshot(c)
        let again = try Importer(connection: c).run(source: newer)
        #expect(again.conversationsUnchanged == 12)
        #expect(try ImportFixtures.snapshot(c) == before)
    }

    @Test func localConversationWithAnImportedIdIsSkipped() throws {
        let dir = try ImportFixtures.generate(conversations: 5, seed: 6)
        let file = dir.appendingPathComponent("conversations.json")
        let id = try ImportFixtures.conversations(in: file)[0]["id"] as! String
        let db = try TestServer.freshDatabase()
        try db.connection.query("INSERT INTO conversations (id, title, origin) VALUES (?, 'mine', 'local')", [.text(id)])
        let report = try Importer(connection: db.connection).run(source: file)
        #expect(report.skipped.map(\.conversationID) == [id])
        #expect(report.conversationsNew == 4)
        #expect(try ImportFixtures.count(db.connection, "SELECT COUNT(*) FROM messages WHERE conversation_id = ?", [.text(id)]) == 0)
    }

    @Test func dryRunWritesNothingAndPredictsTheImport() throws {
        let dir = try ImportFixtures.generate(conversations: 20, seed: 7, zip: true)
        let zip = dir.appendingPathComponent("export.zip")
        let db = try TestServer.freshDatabase()
        let before = try ImportFixtures.snapshot(db.connection)
        let dry = try Importer(connection: db.connection).run(source: zip, options: ImportOptions(dryRun: true))
        #expect(try ImportFixtures.snapshot(db.connection) == before)
        #expect(try ImportFixtures.count(db.connection, "SELECT COUNT(*) FROM imports") == 0)
        let real = try Importer(connection: db.connection).run(source: zip)
        #expect(dry.dryRun && !real.dryRun)
        #expect(dry.conversationsNew == real.conversationsNew)
        #expect(dry.messages == real.messages)
        #expect(dry.projects == real.projects)
    }
}
