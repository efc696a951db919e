@testable import ChatBetoStore
import ChatBetoTestSupport
import Foundation
import Testing

/// A connection that ran prepared statements is freed when its last owner lets go, and its server
/// session ends (the statement cache must not keep it alive).
@Suite struct ConnectionReleaseTests {
    /// Server sessions with this connection id, counted through another connection.
    private func sessions(_ observer: MySQLConnection, id: Int64) throws -> Int {
        let rs = try observer.query("SELECT COUNT(*) FROM information_schema.processlist WHERE id = ?", [.int(id)])
        return Int(rs.rows[0][0].int64Value ?? -1)
    }

    @Test func droppedConnectionThatRanPreparedQueriesIsReleased() throws {
        let db = try TestServer.freshDatabase()
        weak var released: MySQLConnection?
        var sessionID: Int64 = 0
        do {
            let connection = try MySQLConnection(config: db.connection.config)
            try connection.useDatabase(create: false)
            sessionID = try connection.query("SELECT CONNECTION_ID()").rows[0][0].int64Value ?? 0
            try connection.query("SELECT COUNT(*) FROM conversations WHERE id = ?", [.text("x")])
            let insert = try BulkInsert(connection: connection, sql: "INSERT INTO projects (name, name_source) VALUES (?, 'user')",
                                        columns: [.text])
            try insert.append([.text("P")])
            try insert.flush()
            released = connection
            #expect(try sessions(db.connection, id: sessionID) == 1)
        }
        #expect(released == nil)
        // The server notices the closed socket at once for a unix socket or loopback; allow it to settle.
        var left = try sessions(db.connection, id: sessionID)
        for _ in 0..<50 where left != 0 { usleep(100_000); left = try sessions(db.connection, id: sessionID) }
        #expect(left == 0)
    }
}
