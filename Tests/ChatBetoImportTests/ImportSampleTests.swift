@testable import ChatBetoImport
@testable import ChatBetoRender
@testable import ChatBetoStore
import ChatBetoTestSupport
import Foundation
import Testing

/// Real samples, generated exports and the demo import with their exact threads and counts.
@Suite(.serialized) struct ImportSampleTests {
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

    @Test func demoExportShipsAndImports() throws {
        let demo = try #require(Importer.demoExport)
        let db = try TestServer.freshDatabase()
        let report = try Importer(connection: db.connection).run(source: demo)
        #expect(report.conversationsNew == 30)
        #expect(report.projects == 3)
    }
}
