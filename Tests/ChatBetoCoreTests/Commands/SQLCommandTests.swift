import Foundation
import Testing
@testable import ChatBetoCore

@Suite struct SQLCommandTests {
    @Test func aSelectReturnsItsRows() throws {
        let h = try CommandHarness()
        let rows = CommandHarness.rows(try h.run("SELECT name FROM projects ORDER BY id"))
        #expect(rows == [["Wordpress"], ["ChatGPT"]])
    }

    @Test func writesAreRefusedUntilSqlWriteIsOn() throws {
        let h = try CommandHarness()
        #expect(throws: SQLCommandError.self) { try h.run("UPDATE projects SET name = 'x' WHERE id = 1") }
        #expect(try h.database.connection.queryOne("SELECT name FROM projects WHERE id = 1")?.string("name") == "Wordpress")
        try h.run("set sql-write on")
        let result = try h.run("UPDATE projects SET name = 'Renamed' WHERE id = 1")
        guard case .rows(let rs, _)? = result else { Issue.record("no result"); return }
        #expect(!rs.hasResultSet && rs.affectedRows == 1)
        #expect(try h.database.connection.queryOne("SELECT name FROM projects WHERE id = 1")?.string("name") == "Renamed")
    }

    @Test func anUnknownTableNamesIt() throws {
        let h = try CommandHarness()
        do {
            try h.run("SELECT * FROM no_such_table")
            Issue.record("no error")
        } catch {
            #expect(String(describing: error).contains("no_such_table"))
        }
    }
}
