@testable import ChatBetoImport
@testable import ChatBetoStore
import ChatBetoTestSupport
import Foundation
import Testing

/// Conversations without content (no message with text, no attachment) are kept and counted apart in
/// the report (FORMAT-claude.md: the redacted sample's 2 without messages and 82 with only empty ones).
@Suite(.serialized) struct ImportWithoutContentTests {
    @Test func claudeConversationsWithoutContentAreKeptAndCountedApart() throws {
        let db = try TestServer.freshDatabase()
        let sample = SampleRecords.root.appendingPathComponent("claude/yetanotherchris__openwebui-importer__claude_example.json")
        let report = try Importer(connection: db.connection).run(source: sample)
        #expect(report.conversationsNew == 85)
        #expect(report.conversationsWithoutContent == 84)
        #expect(report.description.contains("conversations: 85 new, 0 updated, 0 unchanged, 0 skipped, 84 of them without content (kept)"))
        #expect(try ImportFixtures.count(db.connection, "SELECT COUNT(*) FROM conversations") == 85)
    }
}
