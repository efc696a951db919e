@testable import ChatBetoImport
@testable import ChatBetoStore
import ChatBetoSupport
import ChatBetoTestSupport
import Foundation
import Testing

/// After an upgrade, conversations an older chatbeto stored are read again: the stored content hash
/// mixes in the reader's version, so a hash of the bytes alone (the old form) no longer matches.
@Suite(.serialized) struct ImportReaderVersionTests {
    @Test func conversationsStoredByAnOlderReaderAreReadAgainOnce() throws {
        let generated = try ImportFixtures.generate(conversations: 6, seed: 21)
        let objects = try ImportFixtures.conversations(in: generated.appendingPathComponent("conversations.json"))
        // Written by hand so each conversation's bytes, and so its old-form hash, are known.
        let parts = try objects.map { try JSONSerialization.data(withJSONObject: $0) }
        var bytes = Data("[".utf8)
        for (i, part) in parts.enumerated() { if i > 0 { bytes.append(Data(",".utf8)) }; bytes.append(part) }
        bytes.append(Data("]".utf8))
        let file = ImportFixtures.temporaryDirectory().appendingPathComponent("conversations.json")
        try bytes.write(to: file)

        let db = try TestServer.freshDatabase()
        let c = db.connection
        let first = try Importer(connection: c).run(source: file)
        #expect(first.conversationsNew == objects.count)
        let messages = try ImportFixtures.count(c, "SELECT COUNT(*) FROM messages")
        // The store as an older chatbeto left it: hashes of the bytes alone, and one message it did not keep.
        for (object, part) in zip(objects, parts) {
            try c.query("UPDATE conversations SET content_hash = ? WHERE id = ?", [.text(ContentHash.hex(of: part)), .text(object["id"] as! String)])
        }
        let id = objects[0]["id"] as! String
        try c.query("DELETE FROM messages WHERE conversation_id = ? AND role = 'assistant' LIMIT 1", [.text(id)])

        let upgraded = try Importer(connection: c).run(source: file)
        #expect(upgraded.conversationsUpdated == objects.count && upgraded.conversationsUnchanged == 0)
        #expect(try ImportFixtures.count(c, "SELECT COUNT(*) FROM messages") == messages)

        let again = try Importer(connection: c).run(source: file)
        #expect(again.conversationsUnchanged == objects.count && again.conversationsUpdated == 0 && again.messages == 0)
    }
}
