@testable import ChatBetoExport
@testable import ChatBetoImport
@testable import ChatBetoOpenAI
@testable import ChatBetoRender
@testable import ChatBetoSearch
@testable import ChatBetoServer
@testable import ChatBetoStore
@testable import ChatBetoSupport
import ChatBetoTestSupport
import Foundation
import Testing
@testable import ChatBetoCore

@Suite struct ImportCommandTests {
    /// An export of one project (gizmo `g-p-…`) whose conversations have these titles.
    private func export(titles: [String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cb-import-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let gizmo = "g-p-7a3c0ffee4f481918ad844d64d343add"
        let conversations: [[String: Any]] = titles.enumerated().map { i, title in
            let message: [String: Any] = [
                "id": "n1", "author": ["role": "user", "metadata": [:]], "create_time": 1700000001.0 + Double(i),
                "content": ["content_type": "text", "parts": ["question \(i)"]], "status": "finished_successfully",
                "end_turn": true, "weight": 1.0, "metadata": [:], "recipient": "all",
            ]
            return [
                "id": "6a1e0c0d-0000-4000-8000-00000000000\(i)", "title": title,
                "create_time": 1700000000.0 + Double(i), "update_time": 1700000100.0 + Double(i), "current_node": "n1",
                "mapping": ["root": ["id": "root", "parent": NSNull(), "children": ["n1"]],
                            "n1": ["id": "n1", "parent": "root", "children": [], "message": message]],
                "gizmo_id": gizmo, "gizmo_type": "snorlax", "conversation_template_id": gizmo,
                "moderation_results": [], "is_archived": false, "safe_urls": [], "default_model_slug": "gpt-4o",
            ]
        }
        let file = dir.appendingPathComponent("conversations.json")
        try JSONSerialization.data(withJSONObject: conversations).write(to: file)
        return file
    }

    @Test func aProjectWithoutANameIsNamedAfterTheFrequentWordsOfItsTitles() throws {
        let h = try CommandHarness(history: false)
        let file = try export(titles: ["WordPress cron jobs", "How to fix the WordPress plugin", "Cron schedule in WordPress"])
        let result = try h.run("import \(file.path)")
        #expect(CommandHarness.text(result).contains("projects: 1 (1 new)"))
        let row = try #require(try h.database.connection.queryOne("SELECT name, name_source FROM projects"))
        #expect(row.string("name") == "WordPress Cron Fix")
        #expect(row.string("name_source") == "provisional")
        #expect(h.context.state.lastListing.isEmpty)
    }

    @Test func provisionalNamesDropStopWordsInBothLanguagesAndFallBackToTheGizmoId() {
        #expect(ProjectNamer.name(titles: ["Kubernetes deploy for the API", "Deploy de Kubernetes en producción", "Cómo hacer deploy"],
                                  gizmoID: "g-p-0123456789abcdef0123456789abcdef") == "Deploy Kubernetes API")
        #expect(ProjectNamer.name(titles: ["Recetas de cocina", "Cocina para una fiesta", "Recetas con arroz"],
                                  gizmoID: "g-p-x") == "Cocina Recetas Arroz")
        #expect(ProjectNamer.name(titles: ["How to", "What is the"], gizmoID: "g-p-0123456789abcdef0123456789abcdef") == "Project 012345")
        #expect(ProjectNamer.name(titles: [], gizmoID: "g-abcdefghijklmn") == "Project g-abcdefgh")
    }
}
