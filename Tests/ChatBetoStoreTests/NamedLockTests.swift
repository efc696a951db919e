@testable import ChatBetoStore
import ChatBetoTestSupport
import Foundation
import Testing

/// Named locks the reader cannot take, and the reader's grants that keep their secret from it.
@Suite struct NamedLockTests {
    @Test func aNamedLockSerialisesSessionsAndItsNameCarriesTheDatabaseSecret() throws {
        let db = try TestServer.freshDatabase()
        let other = try MySQLConnection(config: db.connection.config)
        try other.useDatabase(create: false)
        let mine = NamedLock("import", on: db.connection), theirs = NamedLock("import", on: other)
        #expect(try mine.name() == theirs.name())
        #expect(try mine.name().hasPrefix("chatbeto_import_") && mine.name().count <= 64)
        #expect(try mine.name() != NamedLock("migrate", on: db.connection).name())
        #expect(try mine.acquire(waiting: 0))
        #expect(try !theirs.acquire(waiting: 0))
        mine.release()
        #expect(try theirs.holding(waiting: 0, busy: StoreError(code: 0, message: "busy")) { 42 } == 42)
    }

    @Test func theReaderSeesEveryTableButThePrivateOne() throws {
        let db = try TestServer.freshDatabase()
        let reader = try db.userConnection(write: false)
        #expect(reader !== db.connection)
        let visible = Set(try reader.execute("SHOW TABLES").rows.compactMap { $0.first?.textValue })
        #expect(visible.contains("messages") && visible.contains("schema_migrations"))
        #expect(!visible.contains(NamedLock.privateTable))
        #expect(throws: StoreError.self) { try reader.execute("SELECT value FROM chatbeto_private") }
    }

    @Test func theTableOfARefusalIsFoundInBothServersWording() {
        #expect(Database.tableName(inRefusal: "SELECT command denied to user 'r'@'localhost' for table `db`.`nowhere`") == "nowhere")
        #expect(Database.tableName(inRefusal: "SELECT command denied to user 'r'@'localhost' for table 'nowhere'") == "nowhere")
        #expect(Database.tableName(inRefusal: "Access denied") == nil)
    }
}
