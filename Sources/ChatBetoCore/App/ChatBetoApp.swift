import ChatBetoSupport
import Foundation

/// Builds the shell from the options and runs it: `-e` text, a `-f` script, piped stdin, or the
/// interactive loop on a terminal.
public enum ChatBetoApp {
    public static func run(options: ShellOptions, commands: String?, scriptFile: String?) -> Int32 {
        let shell = Shell(options: options)
        let repl = REPL(shell: shell)
        shell.sourceFile = { path in try repl.runFile(path) }
        if let commands {
            return repl.run(reader: StringLineReader(commands), sourceName: "-e").rawValue
        }
        if let scriptFile {
            do {
                try repl.runFile(scriptFile)
                return 0
            } catch let failed as ScriptFailed {
                return failed.code.rawValue
            } catch {
                _ = shell.console.writeError("error: \(error)\n")
                return REPL.ExitCode.usage.rawValue
            }
        }
        guard options.inputIsTerminal else {
            return repl.run(reader: BufferedLineReader(handle: FileHandle.standardInput), sourceName: "stdin").rawValue
        }
        return interactive(shell: shell, repl: repl)
    }

    private static func interactive(shell: Shell, repl: REPL) -> Int32 {
        try? FileManager.default.createDirectory(at: shell.options.home, withIntermediateDirectories: true)
        let reader = EditLineReader(programName: "chatbeto", historyPath: shell.options.home.appendingPathComponent("history").path)
        reader.historyFilter = { !SecretFilter.looksSecret($0) }
        let completer = Completer(shell: shell)
        reader.completer = { completer.candidates(lineBefore: $0, word: $1) }
        shell.askLine = { question in
            if case .line(let answer) = reader.readLine(prompt: question) { return answer }
            return nil
        }
        _ = shell.console.write("chatbeto \(ChatBeto.version) — your ChatGPT history in MySQL. Type 'help', or 'quit' to leave.\n")
        do {
            _ = try shell.db()
            if let p = shell.state.project { shell.note("Resuming project '\(p.name)'" + (shell.state.conversation.map { ", conversation '\($0.displayTitle)'" } ?? "") + ".") }
        } catch {
            _ = shell.console.writeError(shell.colors.red("error: ") + "\(error)\n")
        }
        return repl.run(reader: reader, sourceName: nil).rawValue
    }
}

/// Lines that may hold a secret are never written to the history file: a password or key by name, a
/// `--dsn`, a URL with a password in it (`scheme://user:password@host`), an OpenAI key.
enum SecretFilter {
    static func looksSecret(_ line: String) -> Bool {
        let lower = line.lowercased()
        let words = ["api_key", "api-key", "apikey", "password", "passwd", "pwd", "identified by", "--dsn", "dsn="]
        if words.contains(where: lower.contains) { return true }
        if line.range(of: #"[A-Za-z][A-Za-z0-9+.\-]*://[^/\s@:]*:[^/\s@]*@"#, options: .regularExpression) != nil { return true }
        return line.range(of: #"sk-[A-Za-z0-9_\-]{8,}"#, options: .regularExpression) != nil
    }
}
