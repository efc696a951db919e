import ChatBetoSupport
import Foundation

/// `\e` / `edit`: the statement in `$VISUAL` or `$EDITOR` (else `vi`), on the terminal, as the `mysql`
/// client does. The editor gets a temporary file (0600, removed afterwards) and an environment
/// without chatbeto's secrets (no OpenAI key, no DSN).
struct StatementEditor {
    let environment: [String: String]

    /// The editor command: `$VISUAL`, then `$EDITOR`, then `vi`.
    var command: String {
        for name in ["VISUAL", "EDITOR"] {
            if let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty { return value }
        }
        return "vi"
    }

    /// Runs the editor on `text` and returns the file's text afterwards, without trailing blank lines.
    func edit(_ text: String) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("chatbeto-edit-\(UUID().uuidString).sql")
        guard FileManager.default.createFile(atPath: file.path, contents: Data((text + "\n").utf8),
                                             attributes: [.posixPermissions: 0o600]) else {
            throw StatementEditorError.cannotWrite(path: file.path)
        }
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command + " \"$1\"", "sh", file.path]
        process.environment = StatementEditor.childEnvironment(environment)
        do {
            try process.run()
        } catch {
            throw StatementEditorError.cannotRun(editor: command, reason: "\(error.localizedDescription)")
        }
        process.waitUntilExit()
        // A Ctrl-C typed in the editor was the editor's.
        InterruptSignal.clear()
        guard process.terminationStatus == 0 else {
            throw StatementEditorError.failed(editor: command, status: process.terminationStatus)
        }
        guard let data = FileManager.default.contents(atPath: file.path) else { throw StatementEditorError.cannotRead(path: file.path) }
        var edited = String(decoding: data, as: UTF8.self)
        while edited.hasSuffix("\n") || edited.hasSuffix("\r") { edited.removeLast() }
        return edited
    }

    /// Our environment without anything that may hold a secret.
    static func childEnvironment(_ environment: [String: String]) -> [String: String] {
        ChildEnvironment.withoutSecrets(environment)
    }
}

/// Why `\e` could not edit the statement.
enum StatementEditorError: Error, CustomStringConvertible {
    case cannotWrite(path: String)
    case cannotRead(path: String)
    case cannotRun(editor: String, reason: String)
    case failed(editor: String, status: Int32)

    var description: String {
        switch self {
        case .cannotWrite(let path): return "edit: cannot write the temporary file \(path)"
        case .cannotRead(let path): return "edit: cannot read back \(path)"
        case .cannotRun(let editor, let reason): return "edit: cannot run the editor '\(editor)': \(reason) (set $EDITOR)"
        case .failed(let editor, let status): return "edit: the editor '\(editor)' exited with status \(status); the statement was not changed"
        }
    }
}
