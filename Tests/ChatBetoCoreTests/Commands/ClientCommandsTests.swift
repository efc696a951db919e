import Foundation
import Testing
@testable import ChatBetoCore

/// The mysql-style client commands' pure parts: the line endings the REPL acts on, the tee file's
/// filtering, the editor's environment, and `server restart` against a server chatbeto does not manage.
@Suite struct ClientCommandsTests {
    @Test func backslashCAndEAtTheEndOfALineAreBufferCommands() {
        #expect(StatementBuffer.clientCommand(in: "SELECT 1 \\c", continuing: false) == .clear(rest: "SELECT 1 "))
        #expect(StatementBuffer.clientCommand(in: "  , 2 \\e  ", continuing: true) == .edit(rest: ", 2 "))
        #expect(StatementBuffer.clientCommand(in: "clear", continuing: true) == .clear(rest: ""))
        #expect(StatementBuffer.clientCommand(in: "EDIT", continuing: false) == .edit(rest: ""))
        // Inside a quote, or an escaped backslash: text, not a command.
        #expect(StatementBuffer.clientCommand(in: "SELECT 'a\\c", continuing: false) == nil)
        #expect(StatementBuffer.clientCommand(in: "SELECT 'a\\\\c'", continuing: false) == nil)
        #expect(StatementBuffer.clientCommand(in: "SELECT 1;", continuing: false) == nil)
    }

    @Test func aStatementOverLinesIsOneEntryAndTheLastOneIsKept() {
        var buffer = StatementBuffer()
        buffer.append("SELECT 40")
        buffer.append("+ 2;")
        #expect(buffer.text == "SELECT 40\n+ 2;")
        buffer.finish()
        #expect(buffer.text == "" && buffer.last == "SELECT 40\n+ 2;")
        buffer.append("SELECT 'dropped'")
        buffer.clear()
        #expect(buffer.last == "SELECT 40\n+ 2;")
    }

    @Test func teeLeavesOutSecretLinesAndRedactsKeys() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tee-\(UUID().uuidString).log").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let tee = TeeFile()
        try tee.start(path)
        tee.input("chatbeto> SELECT 1;")
        tee.input("chatbeto> set password 'hunter2'")
        tee.output("key sk-abcdefghijklmnop and mysql://me:s3cret@db/x\n")
        #expect(tee.stop() != nil)
        tee.output("after\n")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == "chatbeto> SELECT 1;\nkey sk-… and mysql://me:…@db/x\n")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func theEditorGetsNoSecrets() {
        let env = StatementEditor.childEnvironment(["PATH": "/bin", "EDITOR": "vi", "OPENAI_API_KEY": "sk-x", "CHATBETO_DSN": "mysql://a:b@h/d", "GITHUB_TOKEN": "t"])
        #expect(env == ["PATH": "/bin", "EDITOR": "vi"])
        #expect(StatementEditor(environment: ["VISUAL": "", "EDITOR": "nano"]).command == "nano")
        #expect(StatementEditor(environment: [:]).command == "vi")
    }

    @Test func serverRestartWithAnExternalServerSaysChatbetoDoesNotManageIt() throws {
        let h = try CommandHarness(history: false)
        #expect(throws: ServerCommandError.self) { try h.run("server restart") }
        do { try h.run("server restart") } catch {
            #expect(String(describing: error).contains("does not manage the server"))
        }
    }
}
