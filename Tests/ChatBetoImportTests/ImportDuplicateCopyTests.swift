@testable import ChatBetoImport
@testable import ChatBetoStore
import ChatBetoTestSupport
import Foundation
import Testing

/// FORMAT-claude.md: "If the same conversation uuid appears twice, keep the copy with the later
/// updated_at" — an older second copy is reported and not merged in.
@Suite(.serialized) struct ImportDuplicateCopyTests {
    static func message(_ id: String, _ sender: String, _ text: String, _ time: String) -> [String: Any] {
        ["uuid": id, "sender": sender, "text": text, "created_at": time, "updated_at": time,
         "content": [["type": "text", "text": text]], "attachments": [Any](), "files": [Any]()]
    }

    @Test func anOlderSecondCopyOfAClaudeConversationIsNotMergedIn() throws {
        let uuid = "c2000000-0000-4000-8000-000000000001"
        let later: [String: Any] = ["uuid": uuid, "name": "later", "created_at": "2026-01-01T10:00:00.000000Z",
                                    "updated_at": "2026-01-02T10:00:00.000000Z",
                                    "chat_messages": [Self.message("m1", "human", "hello", "2026-01-01T10:00:01.000000Z"),
                                                      Self.message("m2", "assistant", "the later reply", "2026-01-02T10:00:00.000000Z")]]
        let older: [String: Any] = ["uuid": uuid, "name": "older", "created_at": "2026-01-01T10:00:00.000000Z",
                                    "updated_at": "2026-01-01T10:00:05.000000Z",
                                    "chat_messages": [Self.message("m1", "human", "hello", "2026-01-01T10:00:01.000000Z"),
                                                      Self.message("old", "assistant", "the older reply", "2026-01-01T10:00:05.000000Z")]]
        let file = ImportFixtures.temporaryDirectory().appendingPathComponent("conversations.json")
        try JSONSerialization.data(withJSONObject: [later, older]).write(to: file)
        let db = try TestServer.freshDatabase()
        let report = try Importer(connection: db.connection).run(source: file)
        #expect(report.conversationsNew == 1 && report.conversationsUpdated == 0)
        #expect(report.skipped.map(\.reason) == ["an older copy of a conversation the export holds twice; the later one is kept"])
        #expect(try ImportFixtures.count(db.connection, "SELECT COUNT(*) FROM messages WHERE conversation_id = ?", [.text(uuid)]) == 2)
        #expect(try db.connection.query("SELECT title FROM conversations WHERE id = ?", [.text(uuid)]).rows.first == [.text("later")])
    }
}
