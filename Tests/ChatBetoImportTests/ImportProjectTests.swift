@testable import ChatBetoImport
@testable import ChatBetoRender
@testable import ChatBetoStore
import ChatBetoTestSupport
import Foundation
import Testing

/// Projects: provisional names from titles, names from the sidebar file, names the user gave.
@Suite(.serialized) struct ImportProjectTests {
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
}
