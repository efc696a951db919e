import ChatBetoSupport
import Foundation

/// Builds the context from the options and runs it: `-e` text, a `-f` script, piped stdin, or the
/// interactive loop on a terminal. In every mode the saved session is restored before the first
/// command that uses it (`CommandContext.execute`); on a terminal, at start-up.
public enum ChatBetoApp {
    public static func run(options: ShellOptions, commands: String?, scriptFile: String?) -> Int32 {
        let output = TerminalSink(options: options)
        let context = CommandContext(options: options, output: output)
        let repl = REPL(context: context, output: output)
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
                output.diagnostics("error: \(error)")
                return REPL.ExitCode.usage.rawValue
            }
        }
        guard options.inputIsTerminal else {
            return repl.run(reader: BufferedLineReader(handle: FileHandle.standardInput), sourceName: "stdin").rawValue
        }
        return interactive(context: context, output: output, repl: repl)
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
