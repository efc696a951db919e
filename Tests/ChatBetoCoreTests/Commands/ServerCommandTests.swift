@testable import ChatBetoServer
@testable import ChatBetoStore
import ChatBetoTestSupport
import Foundation
import Testing
@testable import ChatBetoCore

/// `server status|start|stop|restart`: against the server a DSN names (the harness's database) it says
/// it does not manage it and refuses to act; against a home's private server (a real one, started and
/// stopped here) it reports, starts and stops it, and the next command starts it again.
@Suite struct ServerCommandTests {
    @Test func anExternalServerIsNamedAndNeverStartedStoppedOrRestarted() throws {
        let h = try CommandHarness(history: false)
        let target = h.database.connection.config.displayName
        let said = CommandHarness.text(try h.run("server"))
        #expect(said.contains(target) && said.contains("does not manage it"), "\(said)")
        #expect(CommandHarness.text(try h.run("server status")) == said)
        for action in ["start", "stop", "restart"] {
            do {
                try h.run("server \(action)")
                Issue.record("'server \(action)' succeeded against an external server")
            } catch let error as ServerCommandError {
                let text = String(describing: error)
                #expect(text.hasPrefix("server \(action): chatbeto does not manage the server at \(target)"), "\(text)")
            }
        }
        // Nothing was closed: the next statement runs on the same connection.
        #expect(h.services.disconnects == 0)
        #expect(CommandHarness.rows(try h.run("sql SELECT 1 AS one")) == [["1"]])
    }

    @Test func badArgumentsAreUsageErrors() throws {
        let h = try CommandHarness(history: false)
        for (line, problem) in [("server reboot", "unknown action 'reboot'"), ("server stop now", "too many arguments: 'stop now'"),
                                ("server --force", "unknown option '--force'")] {
            #expect(throws: ParseError.usage(command: "server", problem: problem, usage: ServerCommand.spec.usage)) { try h.run(line) }
        }
        #expect(try CommandParser.parse("SERVER").command as? ServerCommand == ServerCommand(action: .status))
    }

    @Test func thePrivateServerIsReportedStartedStoppedAndStartedAgainByTheNextCommand() throws {
        _ = TestServer.baseConfig  // its settings (a small buffer pool) for this server too
        let home = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("cb-srv-\(UUID().uuidString.prefix(6))")
        defer {
            _ = try? ManagedServer(home: home).stop()
            try? FileManager.default.removeItem(at: home)
        }
        var options = ShellOptions(environment: ["CHATBETO_HOME": home.path, "NO_COLOR": "1"])
        options.inputIsTerminal = false
        options.outputIsTerminal = false
        let sink = RecordingSink()
        let services = LiveServices(options: options, output: sink)
        let context = CommandContext(options: options, store: services, openAI: services, output: sink)
        func run(_ line: String) throws -> CommandResult? {
            let before = sink.results.count
            try context.execute(try CommandParser.parse(line))
            return sink.results.count > before ? sink.results.last : nil
        }
        func status() throws -> [String: String] {
            Dictionary(uniqueKeysWithValues: CommandHarness.rows(try run("server status")).map { ($0[0], $0[1]) })
        }
        let server = ManagedServer(home: home)

        var rows = try status()
        #expect(rows["state"] == "not initialised (it is created on first use)")
        #expect(rows["data"] == server.dataDirectory.path && rows["credentials"] == server.credentialsFile.path)
        #expect(CommandHarness.text(try run("server stop")) == "Private server was not running.")
        #expect(CommandHarness.text(try run("server start")) == "Private server started (\(server.socketPath)).")
        #expect(CommandHarness.text(try run("server start")) == "Private server already running.")
        rows = try status()
        let pid = try #require(server.state().runningPID)
        #expect(rows["state"] == "running (pid \(pid))")
        #expect(rows["socket"] == server.socketPath)
        #expect(CommandHarness.rows(try run("sql SELECT 7 AS n")) == [["7"]])

        #expect(CommandHarness.text(try run("server restart")) == "Private server restarted (\(server.socketPath)).")
        #expect(try #require(server.state().runningPID) != pid)
        #expect(CommandHarness.text(try run("server stop")) == "Private server stopped.")
        #expect(try status()["state"] == "stopped")
        // The connection was dropped with the server; the next command starts it and reconnects.
        #expect(CommandHarness.rows(try run("sql SELECT 8 AS n")) == [["8"]])
        #expect(try status()["state"]?.hasPrefix("running") == true)
        #expect(CommandHarness.text(try run("server restart")).hasPrefix("Private server restarted"))
        #expect(CommandHarness.text(try run("server stop")) == "Private server stopped.")
        #expect(CommandHarness.text(try run("server restart")) == "Private server was not running; started it (\(server.socketPath)).")
    }
}

private extension ManagedServer.State {
    var runningPID: Int32? { if case .running(let pid?) = self { return pid } else { return nil } }
}
