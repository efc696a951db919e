@testable import ChatBetoImport
@testable import ChatBetoRender
@testable import ChatBetoStore
import ChatBetoTestSupport
import Foundation
import Testing

/// Bad files and sources: clear errors naming the file and offset, and nothing half-written.
@Suite(.serialized) struct ImportFailureTests {
    @Test func badFilesStopWithFileAndOffsetAndWriteNothingFromThem() throws {
        let dir = try ImportFixtures.generate(conversations: 20, seed: 8, shardSize: 10)
        let db = try TestServer.freshDatabase()
        let c = db.connection
        // Shard 001 is truncated: shard 000 commits, nothing of 001 does.
        let shard = dir.appendingPathComponent("conversations-001.json")
        let data = try Data(contentsOf: shard)
        try data.prefix(data.count * 2 / 3).write(to: shard)
        do {
            _ = try Importer(connection: c).run(source: dir)
            Issue.record("a truncated shard must fail")
        } catch let error as ImportError {
            guard case .invalidFile(let file, let offset, _) = error.underlying else { Issue.record("\(error)"); return }
            #expect(file == "conversations-001.json")
            #expect(offset == data.count * 2 / 3)
            #expect("\(error)".contains("conversations-001.json, byte \(offset)"))
        }
        #expect(try ImportFixtures.count(c, "SELECT COUNT(*) FROM conversations") == 10)
        let expected000 = try ImportFixtures.expectedCounts([dir.appendingPathComponent("conversations-000.json")])
        #expect(try ImportFixtures.count(c, "SELECT COUNT(*) FROM messages") == expected000.messages)

        // Invalid JSON inside a conversation stops the file too, and rolls back what was written of it.
        let before = try ImportFixtures.snapshot(c)
        let broken = ImportFixtures.temporaryDirectory().appendingPathComponent("conversations.json")
        let good = try String(contentsOf: dir.appendingPathComponent("conversations-000.json"), encoding: .utf8)
        try (String(good.dropLast()) + #", {"id": "x", "mapping": {"a": tru}}]"#).write(to: broken, atomically: true, encoding: .utf8)
        #expect(throws: ImportError.self) { try Importer(connection: c).run(source: broken) }
        #expect(try ImportFixtures.snapshot(c) == before)

        for bad in [#"{"hello": 1}"#, #"[1, 2]"#, "not json", ""] {
            let f = ImportFixtures.temporaryDirectory().appendingPathComponent("conversations.json")
            try bad.write(to: f, atomically: true, encoding: .utf8)
            #expect(throws: ImportError.self, "\(bad)") { try Importer(connection: c).run(source: f) }
        }
        #expect(try ImportFixtures.snapshot(c) == before)
    }

    @Test func unusableSourcesGiveClearErrors() throws {
        let db = try TestServer.freshDatabase()
        let empty = ImportFixtures.temporaryDirectory()
        #expect(throws: ImportError.self) { try Importer(connection: db.connection).run(source: empty) }
        #expect(throws: ImportError.self) { try Importer(connection: db.connection).run(source: empty.appendingPathComponent("missing.zip")) }
        // A zip without conversations.
        let dir = ImportFixtures.temporaryDirectory()
        try "{}".write(to: dir.appendingPathComponent("user.json"), atomically: true, encoding: .utf8)
        let zip = empty.appendingPathComponent("export.zip")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import zipfile,sys; z=zipfile.ZipFile(sys.argv[1],'w'); z.write(sys.argv[2],'user.json'); z.close()",
                       zip.path, dir.appendingPathComponent("user.json").path]
        try p.run(); p.waitUntilExit()
        do {
            _ = try Importer(connection: db.connection).run(source: zip)
            Issue.record("a zip without conversations must fail")
        } catch let error as ImportError {
            guard case .noConversations = error else { Issue.record("\(error)"); return }
            #expect("\(error)".contains("export.zip"))
        }
    }

    @Test func perConversationProblemsAreSkippedWithTheirIds() throws {
        let f = ImportFixtures.temporaryDirectory().appendingPathComponent("conversations.json")
        let text = """
        [{"id": "ok", "mapping": {"r": {"id": "r", "parent": null, "children": ["u"], "message": null},
                                  "u": {"id": "u", "parent": "r", "children": [], "message": {"id": "u", "author": {"role": "user"}, "content": {"content_type": "text", "parts": ["hi"]}}}}},
         {"id": "loop", "mapping": {"a": {"parent": "b", "children": []}, "b": {"parent": "a", "children": []}}},
         {"id": "orphan", "mapping": {"a": {"parent": "zzz", "children": []}}},
         {"id": "notobject", "mapping": {"a": 42}},
         {"id": "badmessage", "mapping": {"a": {"parent": null, "children": [], "message": "text"}}},
         {"id": "nomapping"}]
        """
        try text.write(to: f, atomically: true, encoding: .utf8)
        let db = try TestServer.freshDatabase()
        let report = try Importer(connection: db.connection).run(source: f)
        // A cycle and a missing parent are salvaged (every node kept, the link reported); the rest is skipped.
        #expect(report.conversationsNew == 3)
        #expect(report.skipped.map(\.conversationID) == ["notobject", "badmessage", "nomapping"])
        #expect(report.skipped.allSatisfy { $0.file == "conversations.json" && $0.offset > 0 })
        #expect(report.description.contains("skipped notobject in conversations.json"))
        #expect(Set(report.repairs.map(\.conversationID)) == ["loop", "orphan"])
        #expect(report.description.contains("repaired conversation orphan, node a in conversations.json: its parent 'zzz' is missing"))
        #expect(try ImportFixtures.count(db.connection, "SELECT COUNT(*) FROM conversations") == 3)
        #expect(try ImportFixtures.count(db.connection, "SELECT COUNT(*) FROM messages WHERE conversation_id IN ('loop', 'orphan')") == 3)
    }
}
