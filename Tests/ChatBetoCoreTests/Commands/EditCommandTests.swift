import ChatBetoTestSupport
import Foundation
import Testing
@testable import ChatBetoCore

/// `\e` / `edit` at the interactive prompt, with `$EDITOR` a small script in the test's directory that
/// keeps a copy of what it was given and rewrites the file: the statement that comes back runs when it
/// ends with `;` and otherwise stays in the buffer; the editor sees no secrets; scripts refuse `edit`.
@Suite struct EditCommandTests {
    /// A shell whose `$EDITOR` saves what it gets as `given.sql` (and its environment and the file's
    /// mode), then rewrites `AS edited` to `AS rewritten` and ends a line ending in `AS open` with `;`.
    private func shell(editorExits status: Int = 0) throws -> ShellHarness {
        let dir = try ShellHarness.newDirectory()
        let editor = dir.appendingPathComponent("editor.sh")
        try """
            #!/bin/sh
            dir=$(dirname "$0")
            cp "$1" "$dir/given.sql"
            env > "$dir/editor-env"
            stat -c %a "$1" > "$dir/editor-mode"
            echo "$1" > "$dir/editor-file"
            sed -i -e 's/AS edited/AS rewritten/' -e 's/AS open$/AS open;/' "$1"
            exit \(status)
            """.write(to: editor, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: editor.path)
        let environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "EDITOR": editor.path, "VISUAL": "",
                           "OPENAI_API_KEY": "sk-proj-editorleak0123456789", "CHATBETO_PASSWORD": "pw-editorleak"]
        return try ShellHarness(interactive: true, history: false, environment: environment, directory: dir)
    }

    @Test func anEditedStatementWithoutSemicolonStaysInTheBufferUntilSemicolonRunsIt() throws {
        let shell = try shell()
        #expect(shell.type("SELECT 6*7 AS edited \\e", ";") == .success)
        #expect(shell.read("given.sql") == "SELECT 6*7 AS edited\n")
        #expect(shell.stdout.contains("The edited statement is kept: end it with ; to run it, \\c to drop it."))
        #expect(shell.stdout.contains("| rewritten |") && shell.stdout.contains(" 42 |"), "\(shell.stdout)")
        #expect(shell.reader.history == ["SELECT 6*7 AS rewritten\n;"])
        #expect(shell.stderr == "")
    }

    @Test func editOnAnEmptyLineEditsTheLastStatement() throws {
        let shell = try shell()
        // Unchanged by the editor, the last statement runs again.
        #expect(shell.type("SELECT 1 AS a,", "  2 AS b;", "edit") == .success)
        #expect(shell.read("given.sql") == "SELECT 1 AS a,\n  2 AS b;\n")
        #expect(shell.stdout.components(separatedBy: "| a | b |").count == 3, "\(shell.stdout)")
        #expect(shell.reader.history == ["SELECT 1 AS a,\n  2 AS b;", "SELECT 1 AS a,\n  2 AS b;"])
    }

    @Test func aDroppedEditedStatementIsNotTheLastOne() throws {
        let shell = try shell()
        shell.type("SELECT 'done' AS first;", "SELECT 'x' AS edited \\e", "\\c", "edit")
        #expect(shell.read("given.sql") == "SELECT 'done' AS first;\n")
        #expect(!shell.stdout.contains("rewritten"))
        #expect(shell.stdout.components(separatedBy: "| done  |").count == 3, "\(shell.stdout)")
    }

    @Test func theEditorGetsAPrivateFileThatIsRemovedAndNoSecrets() throws {
        let shell = try shell()
        shell.type("SELECT 1 AS edited \\e", "\\c")
        #expect(shell.read("editor-mode") == "600\n")
        let file = try #require(shell.read("editor-file")?.trimmingCharacters(in: .newlines))
        #expect(!FileManager.default.fileExists(atPath: file))
        let env = try #require(shell.read("editor-env"))
        #expect(!env.contains("editorleak") && !env.contains("OPENAI_API_KEY") && !env.contains("CHATBETO_PASSWORD"))
        #expect(env.contains("PATH="))
    }

    @Test func editIsRefusedInScriptsAndTakesNoArguments() throws {
        let h = try CommandHarness(history: false)
        #expect { try h.run("edit") } throws: { String(describing: $0) == "'edit' works at the interactive prompt only" }
        #expect(throws: ParseError.usage(command: "edit", problem: "too many arguments: 'now'", usage: EditCommand.spec.usage)) { try h.run("edit now") }
        let script = try ShellHarness(interactive: false, database: h.database)
        #expect(script.type("edit", sourceName: "-e") == .commandFailed)
        #expect(script.stderr == "-e:1: error: 'edit' works at the interactive prompt only\n")
    }

    @Test func aMultiLineStatementIsEditedWholeAndRunsWhenTheEditEndsIt() throws {
        let shell = try shell()
        #expect(shell.type("SELECT 1 AS a,", "  2 AS open \\e") == .success)
        #expect(shell.read("given.sql") == "SELECT 1 AS a,\n  2 AS open\n")
        #expect(shell.stdout.contains("| a | open |"), "\(shell.stdout)")
        #expect(shell.reader.history == ["SELECT 1 AS a,\n  2 AS open;"])
    }

    @Test func aFailingEditorLeavesTheStatementAsTyped() throws {
        let shell = try shell(editorExits: 3)
        #expect(shell.type("SELECT 5 AS kept \\e", ";") == .success)
        #expect(shell.stderr.contains("error: edit: the editor '\(shell.directory.path)/editor.sh' exited with status 3; the statement was not changed"), "\(shell.stderr)")
        #expect(shell.stdout.contains("| kept |"), "the typed statement was lost: \(shell.stdout)")
    }

    // The editor's command and environment on their own.

    @Test func theEditorGetsNoSecrets() {
        let env = StatementEditor.childEnvironment(["PATH": "/bin", "EDITOR": "vi", "OPENAI_API_KEY": "sk-x", "CHATBETO_DSN": "mysql://a:b@h/d", "GITHUB_TOKEN": "t"])
        #expect(env == ["PATH": "/bin", "EDITOR": "vi"])
        #expect(StatementEditor(environment: ["VISUAL": "", "EDITOR": "nano"]).command == "nano")
        #expect(StatementEditor(environment: [:]).command == "vi")
    }
}
