@testable import ChatBetoImport
@testable import ChatBetoRender
@testable import ChatBetoStore
import ChatBetoTestSupport
import Foundation
import Testing

@Suite(.serialized) struct ImporterTests {
    /// The visible thread computed here, independently: walk parents from current_node (or the
    /// latest leaf) to the root.
    private func expectedVisiblePath(_ c: [String: Any]) -> [String] {
        let mapping = c["mapping"] as! [String: [String: Any]]
        var target = c["current_node"] as? String
        if target == nil || mapping[target!] == nil {
            var best: (String, Double)?
            var stack = mapping.filter { ($0.value["parent"] as? String) == nil }.map(\.key)
            var order: [String] = []
            while let n = stack.popLast() {
                order.append(n)
                stack += ((mapping[n]?["children"] as? [String]) ?? []).reversed()
            }
            for n in order where ((mapping[n]?["children"] as? [String]) ?? []).isEmpty {
                let t = ((mapping[n]?["message"] as? [String: Any])?["create_time"] as? Double) ?? -1e300
                if best == nil || t >= best!.1 { best = (n, t) }
            }
            target = best?.0
        }
        var path: [String] = []
        var seen = Set<String>()
        while let t = target, seen.insert(t).inserted { path.insert(t, at: 0); target = mapping[t]?["parent"] as? String }
        return path
    }

    @Test func everySampleImportsWithItsVisibleThread() throws {
        let db = try TestServer.freshDatabase()
        let c = db.connection
        for name in ImportFixtures.sampleNames {
            let url = ImportFixtures.sample(name)
            let report = try Importer(connection: c).run(source: url)
            for conv in try ImportFixtures.conversations(in: url) {
                let id = conv["id"] as! String
                if report.skipped.contains(where: { $0.conversationID == id }) { continue }
                // Repaired trees (a cycle cut, a missing parent) are checked below.
                if report.repairs.contains(where: { $0.conversationID == id }) { continue }
                let rows = try c.query("SELECT node_id FROM messages WHERE conversation_id = ? AND on_visible_path = 1 ORDER BY visible_index", [.text(id)])
                #expect(rows.rows.map { $0[0].textValue! } == expectedVisiblePath(conv), "\(name) \(id)")
                let mapping = conv["mapping"] as! [String: Any]
                #expect(try ImportFixtures.count(c, "SELECT COUNT(*) FROM messages WHERE conversation_id = ?", [.text(id)]) == mapping.count)
                // Visible ∩ not hidden never shows system or tool traffic.
                let shown = try c.query("SELECT role, recipient FROM messages WHERE conversation_id = ? AND on_visible_path = 1 AND is_hidden = 0", [.text(id)]).rows
                #expect(shown.allSatisfy { $0[0].textValue != "system" })
                #expect(shown.allSatisfy { $0[0].textValue != "assistant" || ($0[1].textValue ?? "all") == "all" })
            }
        }
        // 2015pulsar's malformed cases are salvaged whole, the broken links reported by node.
        let pulsar = try Importer(connection: c).run(source: ImportFixtures.sample(ImportFixtures.sampleNames[0]), options: ImportOptions(dryRun: true))
        #expect(pulsar.skipped.isEmpty)
        #expect(pulsar.conversationsUnchanged == 8)
        for conv in try ImportFixtures.conversations(in: ImportFixtures.sample(ImportFixtures.sampleNames[0])) {
            let id = conv["id"] as! String
            guard id == "cycle" || id == "missingParent" else { continue }
            let mapping = conv["mapping"] as! [String: Any]
            #expect(try ImportFixtures.count(c, "SELECT COUNT(*) FROM messages WHERE conversation_id = ?", [.text(id)]) == mapping.count)
        }
        // india-map: 48 nodes, 38 on the visible path.
        let india = "SELECT COUNT(*), SUM(on_visible_path) FROM messages WHERE conversation_id = (SELECT id FROM conversations WHERE title LIKE '%India%' LIMIT 1)"
        let row = try c.query(india).rows[0]
        #expect(row[0].int64Value == 48)
        #expect(row[1].int64Value == 38)
        // The DALL·E image is shown as an image line; code-interpreter traffic is hidden but its text kept.
        #expect(try ImportFixtures.count(c, "SELECT COUNT(*) FROM messages WHERE role = 'tool' AND is_hidden = 0 AND text LIKE '[image%'") >= 1)
        #expect(try ImportFixtures.count(c, "SELECT COUNT(*) FROM messages WHERE content_type = 'execution_output' AND is_hidden = 1 AND text <> ''") >= 1)
        #expect(try ImportFixtures.count(c, "SELECT COUNT(*) FROM assets WHERE asset_pointer LIKE 'file-service://%'") >= 1)
        // noo-bass: a snorlax gizmo becomes a project; the raw JSON is kept.
        #expect(try ImportFixtures.count(c, "SELECT COUNT(*) FROM projects WHERE chatgpt_project_id = 'gizmo-project-1'") == 1)
        #expect(try ImportFixtures.count(c, "SELECT COUNT(*) FROM messages WHERE role IS NOT NULL AND raw IS NULL") == 0)
    }

    @Test func generatedExportsImportWithExactCounts() throws {
        let escaped = try ImportFixtures.generate(conversations: 40, seed: 5, projects: 3, zip: true)
        let shards = try ImportFixtures.generate(conversations: 40, seed: 5, projects: 3, shardSize: 15)
        let utf8 = try ImportFixtures.generate(conversations: 40, seed: 5, projects: 3, utf8: true)
        let expected = try ImportFixtures.expectedCounts([escaped.appendingPathComponent("conversations.json")])
        #expect(expected.projects >= 2)
        for source in [escaped.appendingPathComponent("export.zip"), shards, escaped.appendingPathComponent("conversations.json"),
                       utf8.appendingPathComponent("conversations.json")] {
            let db = try TestServer.freshDatabase()
            let c = db.connection
            let report = try Importer(connection: c).run(source: source)
            #expect(report.conversationsNew == expected.conversations, "\(source.lastPathComponent)")
            #expect(report.messages == expected.messages)
            #expect(report.projects == expected.projects)
            #expect(try ImportFixtures.count(c, "SELECT COUNT(*) FROM conversations") == expected.conversations)
            #expect(try ImportFixtures.count(c, "SELECT COUNT(*) FROM messages") == expected.messages)
            #expect(try ImportFixtures.count(c, "SELECT COUNT(*) FROM projects WHERE chatgpt_project_id LIKE 'g-p-%'") == expected.projects)
            #expect(try ImportFixtures.count(c, "SELECT COUNT(*) FROM projects WHERE name = chatgpt_project_id") == 0)
            #expect(try ImportFixtures.count(c, "SELECT COUNT(*) FROM gizmos g WHERE g.id NOT LIKE 'g-p-%' AND EXISTS (SELECT 1 FROM projects p WHERE p.chatgpt_project_id = g.id)") == 0)
        }
        // The shards are read, in order, as files of their own.
        let db = try TestServer.freshDatabase()
        let report = try Importer(connection: db.connection).run(source: shards, options: ImportOptions(dryRun: true))
        #expect(report.files.map(\.name) == ["conversations-000.json", "conversations-001.json", "conversations-002.json"])
        #expect(report.files.map(\.conversations) == [15, 15, 10])
    }

    @Test func zipAssetsAreFoundInTheExport() throws {
        let dir = try ImportFixtures.generate(conversations: 60, seed: 2, zip: true)
        let db = try TestServer.freshDatabase()
        _ = try Importer(connection: db.connection).run(source: dir.appendingPathComponent("export.zip"))
        #expect(try ImportFixtures.count(db.connection, "SELECT COUNT(*) FROM assets WHERE export_path IS NOT NULL") >= 1)
    }

    @Test func emojiAndAccentsRoundTripByteExact() throws {
        for utf8 in [false, true] {
            let dir = try ImportFixtures.generate(conversations: 25, seed: 9, utf8: utf8)
            let file = dir.appendingPathComponent("conversations.json")
            let db = try TestServer.freshDatabase()
            _ = try Importer(connection: db.connection).run(source: file)
            var checked = 0
            for conv in try ImportFixtures.conversations(in: file) {
                for (nodeID, node) in conv["mapping"] as! [String: [String: Any]] {
                    guard let m = node["message"] as? [String: Any], let content = m["content"] as? [String: Any],
                          content["content_type"] as? String == "text", let parts = content["parts"] as? [String] else { continue }
                    let text = parts.joined()
                    guard text.unicodeScalars.contains(where: { $0.value > 0xFFFF }) || text.contains("ñ") else { continue }
                    let stored = try db.connection.query("SELECT text FROM messages WHERE conversation_id = ? AND node_id = ?",
                                                         [.text(conv["id"] as! String), .text(nodeID)]).rows.first?.first?.textValue
                    #expect(stored.map { Array($0.utf8) } == Array(text.utf8))
                    checked += 1
                }
            }
            #expect(checked > 5)
        }
    }

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

    @Test func projectsGetProvisionalNamesAndUserNamesSurvive() throws {
        let dir = try ImportFixtures.generate(conversations: 40, seed: 5, projects: 3)
        let file = dir.appendingPathComponent("conversations.json")
        let db = try TestServer.freshDatabase()
        let c = db.connection
        _ = try Importer(connection: c).run(source: file)
        let projects = try c.query("SELECT id, chatgpt_project_id, name, name_source FROM projects ORDER BY id").rows
        #expect(!projects.isEmpty)
        #expect(projects.allSatisfy { $0[3].textValue == "provisional" && $0[2].textValue != $0[1].textValue })
        let first = projects[0][0]
        try c.query(SQL.Projects.rename, [.text("Mi proyecto"), first])
        // A sidebar file names every project, except the one the user named.
        let sidebar = ImportFixtures.temporaryDirectory().appendingPathComponent("sidebar.json")
        let items: [[String: Any]] = projects.map { row in
            ["gizmo": ["gizmo": ["id": row[1].textValue! + "-some-slug", "display": ["name": "Sidebar \(row[0].int64Value!)", "emoji": "📁"],
                                 "instructions": "Be brief."]]]
        }
        try JSONSerialization.data(withJSONObject: ["items": items, "cursor": NSNull()]).write(to: sidebar)
        let report = try Importer(connection: c).run(source: file, options: ImportOptions(projectsFile: sidebar))
        #expect(report.conversationsUnchanged == 40)
        #expect(report.projectsNamed == projects.count)
        let after = try c.query("SELECT id, name, name_source, instructions FROM projects ORDER BY id").rows
        #expect(after[0][1] == .text("Mi proyecto") && after[0][2] == .text("user"))
        for row in after.dropFirst() {
            #expect(row[1] == .text("Sidebar \(row[0].int64Value!)") && row[2] == .text("sidebar") && row[3] == .text("Be brief."))
        }
        #expect(try ImportFixtures.count(c, "SELECT COUNT(*) FROM projects") == projects.count)
        // And a plain re-import keeps both kinds of names.
        let before = try ImportFixtures.snapshot(c)
        _ = try Importer(connection: c).run(source: file)
        #expect(try ImportFixtures.snapshot(c) == before)
    }

    @Test func provisionalNameUsesFrequentTitleWords() {
        let name = ProjectNamer.name(titles: ["Kubernetes deploy for the API", "Deploy de Kubernetes en producción", "Cómo hacer deploy"],
                                     gizmoID: "g-p-0123456789abcdef0123456789abcdef")
        #expect(name == "Deploy Kubernetes Api" || name.hasPrefix("Deploy Kubernetes"))
        #expect(ProjectNamer.name(titles: [], gizmoID: "g-p-0123456789abcdef0123456789abcdef") == "Project 012345")
    }

    @Test func demoExportShipsAndImports() throws {
        let demo = try #require(Importer.demoExport)
        let db = try TestServer.freshDatabase()
        let report = try Importer(connection: db.connection).run(source: demo)
        #expect(report.conversationsNew == 30)
        #expect(report.projects == 3)
    }

    @Test func reportHasAJSONForm() throws {
        var report = ImportReport(source: "/x/export.zip", dryRun: false)
        report.conversationsNew = 3
        report.skipped = [ImportReport.Skip(conversationID: "c1", file: "conversations.json", offset: 12, reason: "cycle")]
        let json = try JSONSerialization.jsonObject(with: Data(report.json.utf8)) as! [String: Any]
        #expect(json["conversationsNew"] as? Int == 3)
        #expect((json["skipped"] as? [[String: Any]])?.first?["conversationID"] as? String == "c1")
        #expect(report.description.contains("3 new, 0 updated, 0 unchanged, 1 skipped"))
    }

    @Test func progressLineShowsBytesConversationsRateAndTimeLeft() {
        let line = ImportProgress.line(bytes: 150_000_000, totalBytes: 300_000_000, conversations: 4000, elapsed: 10, width: 100)
        #expect(line.hasPrefix("[###############---------------]"))
        #expect(line.contains(" 50%"))
        #expect(line.contains("150/300 MB"))
        #expect(line.contains("4000 conv"))
        #expect(line.contains("15.0 MB/s"))
        #expect(line.contains("10s left"))
        #expect(DisplayWidth.of(ImportProgress.line(bytes: 1, totalBytes: 2, conversations: 1, elapsed: 1, width: 20)) <= 20)
    }
}
