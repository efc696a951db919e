import ChatBetoSupport
import Foundation

/// What to run instead of the interactive shell.
public enum ScriptInput: Sendable {
    /// A command given as words on the command line (`chatbeto import x.zip`): errors are named
    /// `chatbeto:`, and one that cannot be parsed is a usage error.
    case commandLine(String)
    /// The `-e` texts, run in order; errors are named `-e:LINE` (`-e#2:LINE` for the second of several).
    case execute([String])
    /// A `-f` script file.
    case file(String)
}

/// Builds the context from the options and runs it: a command line, `-e` texts, a `-f` script, piped
/// stdin, or the interactive loop on a terminal. In every mode the saved session is restored before the
/// first command that uses it (`CommandContext.execute`); on a terminal, at start-up. Only the
/// interactive shell saves changes to it: scripts start from it and keep their changes to themselves.
public enum ChatBetoApp {
    /// Runs the shell (interactive, script or `-e`) and returns the exit code.
    public static func run(options: ShellOptions, input: ScriptInput?) -> Int32 {
        let output = TerminalSink(options: options)
        let context = CommandContext(options: options, output: output)
        let repl = REPL(context: context, output: output)
        guard input != nil || !options.inputIsTerminal else { return interactive(context: context, output: output, repl: repl) }
        context.savesSession = false
        let code = script(input, repl: repl, output: output)
        if code == REPL.ExitCode.success.rawValue, repl.failedCommands > 0 {
            // --force went on after failures: the run still fails, and says how often.
            let n = repl.failedCommands
            output.diagnostics("chatbeto: \(n) command\(n == 1 ? "" : "s") failed (--force went on after \(n == 1 ? "it" : "them"))")
            return (repl.firstFailure ?? .commandFailed).rawValue
        }
        return code
    }

    private static func script(_ input: ScriptInput?, repl: REPL, output: TerminalSink) -> Int32 {
        switch input {
        case .commandLine(let text):
            return repl.run(reader: StringLineReader(text), sourceName: REPL.commandLineSource).rawValue
        case .execute(let texts):
            for (i, text) in texts.enumerated() {
                let code = repl.run(reader: StringLineReader(text), sourceName: texts.count == 1 || i == 0 ? "-e" : "-e#\(i + 1)")
                if code != .success { return code.rawValue }
            }
            return 0
        case .file(let path):
            do {
                try repl.runFile(path)
                return 0
            } catch let failed as ScriptFailed {
                return failed.code.rawValue
            } catch {
                output.diagnostics("error: \(error)")
                return REPL.ExitCode.usage.rawValue
            }
        case nil:
            return repl.run(reader: BufferedLineReader(handle: FileHandle.standardInput), sourceName: "stdin").rawValue
        }
    }

    private static func interactive(context: CommandContext, output: TerminalSink, repl: REPL) -> Int32 {
        try? FileManager.default.createDirectory(at: context.options.home, withIntermediateDirectories: true)
        let reader = EditLineReader(programName: "chatbeto", historyPath: context.options.home.appendingPathComponent("history").path)
        reader.historyFilter = { !SecretFilter.looksSecret($0) }
        let completer = Completer(context: context)
        reader.completer = { completer.completions(lineBefore: $0, word: $1) }
        output.askLine = { question in
            if case .line(let answer) = reader.readLine(prompt: question) { return answer }
            return nil
        }
        output.write("chatbeto \(ChatBeto.version) — your ChatGPT history in MySQL. Type 'help', or 'quit' to leave.\n")
        do {
            try context.prepareSession()
            if let p = context.state.project { context.note("Resuming project '\(p.name)'" + (context.state.conversation.map { ", conversation '\($0.displayTitle)'" } ?? "") + ".") }
        } catch {
            output.error("\(error)", location: nil)
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
