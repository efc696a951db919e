@testable import ChatBetoRender
@testable import ChatBetoSearch
import ChatBetoTestSupport
import Foundation
import Testing

@Suite struct StatsReportTests {
    @Test func totalsCountEverything() throws {
        let db = try TestServer.freshDatabase()
        try SearchFixture.load(db)
        let report = try StatsReport.load(from: db.connection, byProject: false)
        let totals = report.totals.records[0]
        #expect(totals.int("conversations") == 4)
        // Visible messages (the regenerated reply's other branch and hidden nodes are not), nodes apart.
        #expect(totals.int("messages") == 8)
        #expect(totals.int("nodes") == 10)
        #expect(totals.int("projects") == 2)
        #expect(totals.int("orphans") == 1)
        #expect(totals.int("models_used") == 3)
        #expect(totals.string("first_date")?.hasPrefix("2023-11-05") == true)
        #expect((totals.int("words") ?? 0) > 80)
        #expect(report.monthly.map(\.month) == ["2023-11", "2024-03", "2024-06"])
    }

    @Test func jsonHasSelfExplainingKeys() throws {
        let db = try TestServer.freshDatabase()
        try SearchFixture.load(db)
        let json = try StatsReport.load(from: db.connection, byProject: true).json
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["conversations"] as? Int == 4)
        #expect(object["messages"] as? Int == 8)
        #expect(object["nodes"] as? Int == 10)
        #expect((object["per_project"] as? [[String: Any]])?.compactMap { $0["messages"] as? Int }.reduce(0, +) == 8)
        #expect(object["projects"] as? Int == 2)
        #expect(object["orphans"] as? Int == 1)
        #expect((object["per_project"] as? [[String: Any]])?.count == 3)
        #expect((object["activity"] as? [[String: Any]])?.first?["month"] as? String == "2023-11")
        #expect((object["activity_by_project"] as? [String: Any])?["Viajes"] != nil)
    }

    @Test func textFitsEveryWidth() throws {
        let db = try TestServer.freshDatabase()
        try SearchFixture.load(db)
        for byProject in [false, true] {
            let report = try StatsReport.load(from: db.connection, byProject: byProject)
            for width in [30, 60, 100] {
                let text = report.text(width: width)
                #expect(text.contains("conversations  4"))
                let chart = text.components(separatedBy: "Conversations started per month").last ?? ""
                #expect(chart.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= width }, "width \(width)")
            }
        }
    }
}
