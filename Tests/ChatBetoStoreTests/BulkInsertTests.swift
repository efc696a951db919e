@testable import ChatBetoStore
import ChatBetoTestSupport
import Foundation
import Testing

@Suite struct BulkInsertTests {
    @Test func arrayBoundRowsArriveExactlyIncludingNullsAndUnicode() throws {
        let db = try TestServer.freshDatabase()
        let c = db.connection
        try c.execute("CREATE TABLE bulk (k INT NOT NULL PRIMARY KEY, t MEDIUMTEXT NULL, d DOUBLE NULL, i BIGINT NULL)")
        let bulk = try BulkInsert(connection: c, sql: "INSERT INTO bulk (k, t, d, i) VALUES (?, ?, ?, ?)",
                                  columns: [.integer, .text, .real, .integer], maxRows: 7)
        var expected: [[SQLValue]] = []
        for k in 0..<40 {
            let text: SQLValue = k % 5 == 0 ? .null : .text(String(repeating: "Ñandú 🥘 \(k) ", count: k) + (k == 3 ? "" : "\u{0}x"))
            let d: SQLValue = k % 3 == 0 ? .null : .double(Double(k) / 4)
            let i: SQLValue = k % 4 == 0 ? .null : .int(Int64(k) * -1_000_000_007)
            try bulk.append([.int(Int64(k)), text, d, i])
            expected.append([.int(Int64(k)), text, d, i])
        }
        // Rows beyond the last full batch wait for flush.
        #expect(try c.query("SELECT COUNT(*) FROM bulk").rows[0][0] == .int(35))
        try bulk.flush()
        let rows = try c.query("SELECT k, t, d, i FROM bulk ORDER BY k").rows
        #expect(rows == expected)
    }

    @Test func discardDropsBufferedRows() throws {
        let db = try TestServer.freshDatabase()
        let c = db.connection
        try c.execute("CREATE TABLE bulk2 (k INT NOT NULL PRIMARY KEY)")
        let bulk = try BulkInsert(connection: c, sql: "INSERT INTO bulk2 (k) VALUES (?)", columns: [.integer])
        try bulk.append([.int(1)])
        bulk.discard()
        try bulk.flush()
        #expect(try c.query("SELECT COUNT(*) FROM bulk2").rows[0][0] == .int(0))
    }

    @Test func errorsNameTheStatement() throws {
        let db = try TestServer.freshDatabase()
        let c = db.connection
        try c.execute("CREATE TABLE bulk3 (k INT NOT NULL PRIMARY KEY)")
        let bulk = try BulkInsert(connection: c, sql: "INSERT INTO bulk3 (k) VALUES (?)", columns: [.integer])
        try bulk.append([.int(1)])
        try bulk.append([.int(1)])
        #expect { try bulk.flush() } throws: { ($0 as? StoreError)?.code == 1062 && ($0 as? StoreError)?.sql?.contains("bulk3") == true }
    }
}
