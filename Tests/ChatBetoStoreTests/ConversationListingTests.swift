@testable import ChatBetoStore
import ChatBetoTestSupport
import Foundation
import Testing

/// The `conversations` listing: its order, and that a page of it reads the update-time index instead of
/// sorting every conversation (a page of 50 out of 50,000 took 160 ms sorted, 0.5 ms from the index).
@Suite struct ConversationListingTests {
    /// `n` conversations updated a minute apart, the last `undated` of them without an update time.
    private func conversations(_ n: Int, undated: Int = 0, in db: Database) throws {
        for chunk in stride(from: 0, to: n, by: 1000) {
            var values: [String] = [], params: [SQLValue] = []
            for i in chunk..<min(chunk + 1000, n) {
                values.append("(?, ?, ?, ?)")
                let minute = i / 2
                let time = i >= n - undated ? SQLValue.null
                    : .text(String(format: "2024-01-%02d %02d:%02d:00", 1 + minute / 1440, minute / 60 % 24, minute % 60))
                params += [.text(String(format: "conv-%05d", i)), .text("title \(i)"), time, time]
            }
            try db.connection.query("INSERT INTO conversations (id, title, create_time, update_time) VALUES " + values.joined(separator: ", "), params)
        }
    }

    @Test func newestFirstThenTiesByIDThenUndatedLast() throws {
        let db = try TestServer.freshDatabase()
        try conversations(7, undated: 2, in: db)
        let ids = try Catalog(connection: db.connection).listConversations(projectID: nil, orphansOnly: false, since: nil, limit: 10)
            .rows.map { $0[0].textValue ?? "" }
        // Two conversations share each minute (i / 2); the two without a time come last.
        #expect(ids == ["conv-00004", "conv-00003", "conv-00002", "conv-00001", "conv-00000", "conv-00006", "conv-00005"])
        let page = try Catalog(connection: db.connection).listConversations(projectID: nil, orphansOnly: false, since: nil, limit: 3)
        #expect(page.rows.map { $0[0].textValue ?? "" } == Array(ids.prefix(3)))
    }

    @Test func aPageReadsTheUpdateTimeIndexWithoutSortingEveryConversation() throws {
        let db = try TestServer.freshDatabase()
        try conversations(20_000, in: db)
        try db.connection.query("ANALYZE TABLE conversations")
        let plan = try db.connection.query("EXPLAIN " + SQL.Conversations.list, [
            .int(0), .null, .int(0), .null, .null, .null, .null, .int(50),
        ]).records.first { $0.string("table") == "c" }
        #expect(plan?.string("key") == "ix_conversations_update", "\(String(describing: plan))")
        #expect(plan?.string("Extra")?.contains("filesort") != true, "\(String(describing: plan))")
    }
}
