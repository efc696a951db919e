@testable import ChatBetoCore
@testable import ChatBetoStore
import Testing

@Suite struct DSNTests {
    @Test func parsesFullDSN() throws {
        let c = try ConnectionConfig.parse(dsn: "mysql://bob:s%40cret@db.example:3307/hist")
        #expect(c.user == "bob" && c.password == "s@cret" && c.host == "db.example" && c.port == 3307 && c.database == "hist")
    }
    @Test func parsesSocketDSN() throws {
        let c = try ConnectionConfig.parse(dsn: "mysql://root@localhost/chatbeto?socket=/tmp/x.sock")
        #expect(c.socket == "/tmp/x.sock" && c.password == nil)
    }
    @Test func rejectsOtherSchemesWithoutLeakingPassword() {
        #expect(throws: ConfigError.self) { try ConnectionConfig.parse(dsn: "postgres://u:pw@h/db") }
        #expect(ConnectionConfig.redacted("mysql://u:topsecret@h/db") == "mysql://u:***@h/db")
    }
}
