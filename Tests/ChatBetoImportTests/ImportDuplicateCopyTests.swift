@testable import ChatBetoImport
@testable import ChatBetoStore
import ChatBetoTestSupport
import Foundation
import Testing

/// FORMAT-claude.md: "If the same conversation uuid appears twice, keep the copy with the later
/// updated_at" — whichever copy comes first in the file, the older one is reported and not merged in,
/// and a re-import of the same file, in either order, changes nothing and finds both copies unchanged.
@Suite(.serialized) struct ImportDuplicateCopyTests {
    static let uuid = "c2000000-0000-4000-8000-000000000001"
    static let reason = "an older copy of a conversation the export holds twice; the later one is kept"

    static func message(_ id: String, _ sender: String, _ text: String, _ time: String, parent: String? = nil) -> [String: Any] {
        var m: [String: Any] = ["uuid": id, "sender": sender, "text": text, "created_at": time, "updated_at": time,
                                "content": [["type": "text", "text": text]], "attachments": [Any](), "files": [Any]()]
        if let parent { m["parent_message_uuid"] = parent }
        return m
    }

    static var later: [String: Any] { ["uuid": uuid, "name": "later", "created_at": "2026-01-01T10:00:00.000000Z",
                                       "updated_at": "2026-01-02T10:00:00.000000Z",
                                       "chat_messages": [message("m1", "human", "hello", "2026-01-01T10:00:01.000000Z"),
                                                         message("m2", "assistant", "the later reply", "2026-01-02T10:00:00.000000Z")]] }
    // The older copy's reply was regenerated later: its node is a branch the later copy no longer has.
    static var older: [String: Any] { ["uuid": uuid, "name": "older", "created_at": "2026-01-01T10:00:00.000000Z",
                                       "updated_at": "2026-01-01T10:00:05.000000Z",
                                       "chat_messages": [message("m1", "human", "hello (as first typed)", "2026-01-01T10:00:01.000000Z"),
                                                         message("old", "assistant", "the older reply", "2026-01-03T10:00:05.000000Z")]] }

    /// Imports the two copies in this order, then again; checks that the later copy alone is stored.
    private func importBoth(_ copies: [[String: Any]]) throws {
        let file = ImportFixtures.temporaryDirectory().appendingPathComponent("conversations.json")
        try JSONSerialization.data(withJSONObject: copies).write(to: file)
        let db = try TestServer.freshDatabase()
        let report = try Importer(connection: db.connection).run(source: file)
        #expect(report.conversationsNew == 1 && report.conversationsUpdated == 0)
        #expect(report.skipped.map(\.reason) == [Self.reason])
        #expect(report.messages == 2)
        try expectLaterCopy(db.connection)
        // The left-out copy is remembered by its hash: the re-import reads neither copy as changed.
        let again = try Importer(connection: db.connection).run(source: file)
        #expect(again.conversationsNew == 0 && again.conversationsUpdated == 0 && again.conversationsUnchanged == 2)
        #expect(again.skipped.isEmpty)
        try expectLaterCopy(db.connection)
    }

    private func expectLaterCopy(_ connection: MySQLConnection) throws {
        let rows = try connection.query("SELECT node_id, text, on_visible_path FROM messages WHERE conversation_id = ? ORDER BY node_id",
                                        [.text(Self.uuid)]).rows
        #expect(rows.map { $0.map(\.textValue) } == [["m1", "hello", "1"], ["m2", "the later reply", "1"]])
        let row = try connection.query("SELECT title, message_count, current_node FROM conversations WHERE id = ?", [.text(Self.uuid)]).rows.first
        #expect(row?.map(\.textValue) == ["later", "2", "m2"])
    }

    @Test func anOlderSecondCopyOfAClaudeConversationIsNotMergedIn() throws {
        try importBoth([Self.later, Self.older])
    }

    @Test func anOlderFirstCopyIsReplacedByTheLaterOne() throws {
        try importBoth([Self.older, Self.later])
    }
}
