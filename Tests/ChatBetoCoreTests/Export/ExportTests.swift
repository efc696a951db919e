@testable import ChatBetoCore
@testable import ChatBetoExport
@testable import ChatBetoStore
import ChatBetoTestSupport
import Foundation
import Testing

@Suite struct ExportTests {
    func load(_ db: Database, _ id: String) throws -> ExportedConversation {
        try ExportedConversation.load(try #require(try Catalog(connection: db.connection).conversation(id: id)), from: db.connection)
    }

    /// The importer has not landed on main yet, so the round trip is checked against a walk of the
    /// exported mapping: from current_node up the parents gives the stored visible thread.
    @Test func jsonExportIsChatGPTShapedAndWalksBackToTheVisibleThread() throws {
        let db = try TestServer.freshDatabase()
        try SearchFixture.load(db)
        let json = try JSONExport.render(try load(db, "c-python"), allBranches: false)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["id"] as? String == "c-python")
        #expect(object["title"] as? String == "Sorting in Python")
        #expect(object["create_time"] as? Double == 1_718_870_400)
        let mapping = try #require(object["mapping"] as? [String: [String: Any]])
        #expect(Set(mapping.keys) == ["p1", "p3", "p4"])
        var walk: [String] = []
        var node = object["current_node"] as? String
        while let id = node, let entry = mapping[id] {
            walk.insert(id, at: 0)
            node = entry["parent"] as? String
        }
        let stored = try Catalog(connection: db.connection).visibleThread(conversationID: "c-python").map(\.nodeID)
        #expect(walk == stored)
        let message = try #require(mapping["p3"]?["message"] as? [String: Any])
        #expect((message["author"] as? [String: Any])?["role"] as? String == "assistant")
        #expect(((message["content"] as? [String: Any])?["parts"] as? [String])?.first?.contains("itemgetter") == true)
        #expect((mapping["p1"]?["children"] as? [String]) == ["p3"])
    }

    @Test func allBranchesKeepsEveryChildInOrder() throws {
        let db = try TestServer.freshDatabase()
        try SearchFixture.load(db)
        let object = JSONExport.object(try load(db, "c-python"), allBranches: true)
        let mapping = try #require(object["mapping"] as? [String: [String: Any]])
        #expect(mapping["p1"]?["children"] as? [String] == ["p2", "p3"])
        #expect(object["current_node"] as? String == "p4")
    }

    @Test func markdownShowsTheVisibleThreadAndBranchesOnRequest() throws {
        let db = try TestServer.freshDatabase()
        try SearchFixture.load(db)
        let c = try load(db, "c-python")
        let md = MarkdownExport.render(c, allBranches: false)
        #expect(md.hasPrefix("# Sorting in Python\n"))
        #expect(md.contains("### User · 2024-06-20 08:00"))
        #expect(md.contains("itemgetter"))
        #expect(!md.contains("lambda"))
        #expect(!md.contains("hidden sorted instructions"))
        let all = MarkdownExport.render(c, allBranches: true)
        #expect(all.contains("lambda"))
        #expect(all.contains("#### Assistant (gpt-4o) · 2024-06-20 08:00 · other branch"))
    }

    @Test func htmlIsSelfContainedAndEscaped() throws {
        let db = try TestServer.freshDatabase()
        try SearchFixture.conversation(db, id: "c-x", title: "<script>alert(1)</script>", project: nil, created: "2024-01-01 00:00:00",
                                       messages: [.init(node: "a", parent: nil, role: "user", text: "1 < 2 & \"ok\"", time: "2024-01-01 00:00:00")])
        let html = HTMLExport.render(try load(db, "c-x"), allBranches: false)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<script>"))
        #expect(html.contains("1 &lt; 2 &amp; &quot;ok&quot;"))
        #expect(!html.contains("http"))
    }

    @Test func fileNamesAreSortableSlugs() {
        #expect(ExportCommand.slug("Café con leche: ¿sí?") == "cafe-con-leche-si")
        #expect(ExportCommand.slug("🥘") == "conversation")
    }
}
