@testable import ChatBetoImport
@testable import ChatBetoRender
@testable import ChatBetoStore
import ChatBetoTestSupport
import Foundation
import Testing

/// The import report and the progress line.
@Suite(.serialized) struct ImportReportTests {
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
