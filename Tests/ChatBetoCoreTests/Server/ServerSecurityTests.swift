@testable import ChatBetoCore
@testable import ChatBetoServer
@testable import ChatBetoSupport
import Foundation
import Testing

/// The pieces of the private server's security model that need no server: owner-only files and
/// directories, the credentials file, the argv scrubber, the history filter.
@Suite struct ServerSecurityTests {
    private func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cb-sec-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func ownerOnlyFilesAreWritten0600AndWiderOnesAreRefused() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("s.secret")
        try OwnerOnly.write("hush", to: file)
        let mode = (try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o600)
        #expect(try OwnerOnly.read(file) == "hush")
        chmod(file.path, 0o644)
        #expect(throws: OwnerOnlyError.self) { try OwnerOnly.read(file) }
        #expect(try OwnerOnly.read(dir.appendingPathComponent("missing")) == nil)
    }

    @Test func ownerOnlyDirectoriesAreCheckedOrTightened() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sub = dir.appendingPathComponent("run")
        try OwnerOnly.directory(sub, tighten: false)
        try OwnerOnly.checkDirectory(sub.path, tighten: false)
        chmod(sub.path, 0o755)
        do {
            try OwnerOnly.checkDirectory(sub.path, tighten: false)
            Issue.record("a 0755 directory passed")
        } catch let e as OwnerOnlyError {
            #expect(e.description.contains("chmod 700 \(sub.path)"))
        }
        try OwnerOnly.directory(sub, tighten: true)
        try OwnerOnly.checkDirectory(sub.path, tighten: false)
        let unique = try OwnerOnly.makeUniqueDirectory(prefix: dir.path + "/chatbeto-")
        #expect(unique.hasPrefix(dir.path + "/chatbeto-") && unique.count == dir.path.count + 16)
        try OwnerOnly.checkDirectory(unique, tighten: false)
    }

    @Test func credentialsRoundTripAndDamagedFileIsAnError() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("root.cnf")
        var credentials = ServerCredentials.generate()
        credentials.provisioned = true
        try credentials.save(file)
        #expect(try ServerCredentials.load(file) == credentials)
        #expect(ServerCredentials.generate().password != credentials.password)
        try OwnerOnly.write("[client]\nuser=root\n", to: file)
        #expect(throws: ServerError.self) { try ServerCredentials.load(file) }
    }

    @Test func dsnPasswordRangeCoversOnlyThePassword() {
        func hidden(_ dsn: String) -> String {
            var bytes = Array(dsn.utf8)
            if let r = ArgvScrubber.passwordRange(in: bytes) { for i in r { bytes[i] = UInt8(ascii: "x") } }
            return String(decoding: bytes, as: UTF8.self)
        }
        #expect(hidden("mysql://bob:s3cret@db:3306/x") == "mysql://bob:xxxxxx@db:3306/x")
        #expect(hidden("mysql://bob:p%40ss@localhost/x?socket=/a@b") == "mysql://bob:xxxxxx@localhost/x?socket=/a@b")
        #expect(hidden("mysql://bob@db/x") == "mysql://bob@db/x")
        #expect(hidden("mysql://db/x?socket=/tmp/u:p@q") == "mysql://db/x?socket=/tmp/u:p@q")
        #expect(hidden("not a dsn") == "not a dsn")
    }

    @Test func historyFilterDropsPasswordsAndDSNs() {
        #expect(SecretFilter.looksSecret("import x.zip --dsn mysql://a@b/c"))
        #expect(SecretFilter.looksSecret("SELECT 'mysql://bob:hunter3@db/x'"))
        #expect(SecretFilter.looksSecret("SET PASSWORD = 'x'"))
        #expect(SecretFilter.looksSecret("pwd=hunter4"))
        #expect(SecretFilter.looksSecret("chat sk-abcdefghijklmnop"))
        #expect(!SecretFilter.looksSecret("SELECT 'kept' AS k"))
        #expect(!SecretFilter.looksSecret("show https://example.com/a@b"))
    }
}
