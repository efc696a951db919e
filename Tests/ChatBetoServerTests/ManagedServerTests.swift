@testable import ChatBetoServer
@testable import ChatBetoStore
import ChatBetoTestSupport
import Foundation
import Testing

/// The private server as a user meets it: created on first use, reused, survives stale files, stopped.
@Suite(.serialized) struct ManagedServerTests {
    @Test func firstUseInitialisesThenReusesAndStopsAndSurvivesStaleFiles() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("cb-srv-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: home) }
        let env = ["CHATBETO_SERVER_BUFFER_POOL": "64M"]
        let first = try Binary.run(["--format", "csv", "-e", "SELECT 1 AS ok"], environment: env, home: home)
        #expect(first.stdout == "ok\r\n1\r\n", "\(first.stderr)")
        let server = ManagedServer(home: home)
        guard case .running(let pid?) = server.state() else { Issue.record("server not running"); return }
        // Reused: same pid after another command.
        _ = try Binary.run(["-e", "SELECT 1"], environment: env, home: home)
        #expect(server.state() == .running(pid: pid))
        let status = try Binary.run(["--format", "tsv", "server", "status"], environment: env, home: home)
        #expect(status.stdout.contains("state\trunning (pid \(pid))"))

        let stop = try Binary.run(["server", "stop"], environment: env, home: home)
        #expect(stop.status == 0)
        #expect(server.state() == .stopped)

        // Stale pid file (a pid that is not a server) and a leftover socket file.
        try "999999\n".write(to: server.pidFile, atomically: true, encoding: .utf8)
        FileManager.default.createFile(atPath: server.socketPath, contents: Data())
        let again = try Binary.run(["--format", "csv", "-e", "SELECT 2 AS ok"], environment: env, home: home)
        #expect(again.stdout == "ok\r\n2\r\n", "\(again.stderr)")
        _ = try server.stop()
    }

    @Test func stoppedServerUnderAnExplicitDSNGivesAClearError() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("cb-srv-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: home) }
        let server = ManagedServer(home: home)
        let r = try Binary.run(["--dsn", "mysql://root@localhost/chatbeto?socket=\(server.socketPath)", "-e", "projects"], home: home)
        #expect(r.status == 3)
        #expect(r.stderr.contains("cannot connect to MySQL"))
    }

    /// `status` read the server version of a handle whose reconnect had failed: a NULL string and SIGILL.
    @Test func connectionAfterAFailedReconnectReportsNoVersionInsteadOfCrashing() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("cb-srv-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: home) }
        setenv("CHATBETO_SERVER_BUFFER_POOL", "64M", 1)
        let server = ManagedServer(home: home)
        try server.start()
        let connection = try MySQLConnection(config: try server.connectionConfig())
        #expect(!connection.serverVersion.isEmpty)
        try server.stop()
        #expect(throws: StoreError.self) { try connection.reconnect() }
        #expect(connection.serverVersion == "")
        #expect(throws: StoreError.self) { try connection.ensureConnected() }
    }
}
