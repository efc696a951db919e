import ChatBetoRender
import Foundation

/// The read-eval loop: reads lines, cuts them into commands and statements, runs them, reports errors.
/// Interactive: errors are printed and the loop goes on. Scripts: the first error stops the run
/// (unless `--force`) with a message naming the file and line. The loop's own state (chat mode,
/// running scripts, quitting) lives here; commands reach it through `LoopControl`.
public final class REPL: LoopControl {
    public let context: CommandContext
    public let output: TerminalSink

    /// Exit codes (documented in the README).
    public enum ExitCode: Int32, Sendable {
        case success = 0
        case commandFailed = 1
        case usage = 2
        case cannotConnect = 3
        case interrupted = 130
    }

    /// The loop over this context, writing to the terminal sink.
    public init(context: CommandContext, output: TerminalSink) {
        self.context = context
        self.output = output
        context.loop = self
        output.decoratesReplies = { [unowned self] in canChat }
        output.pagerEnabled = { [unowned context] in context.settings.pager }
        output.rendersMarkdown = { [unowned context] in context.settings.render }
    }

    /// Chat mode (`continue` on a terminal): lines go to the model, commands need a leading `/`.
    public private(set) var chatMode = false
    /// How many scripts (`-e`, `-f`, `source`, piped stdin) are running; chat mode needs none.
    private var scriptDepth = 0
    /// Set by `quit`; the loop ends after the current command.
    private var shouldQuit = false

    /// Whether commands may switch to chat mode (interactive and not inside `source`).
    public var canChat: Bool { context.isInteractive && scriptDepth == 0 }
    /// Makes the following lines chat messages (`new`, `continue` on a terminal).
    public func enterChatMode() { chatMode = true }
    /// Ends the loop after this command (`quit`).
    public func quit() { shouldQuit = true }
    /// `source`: inside a script, the script goes on in the same context (as in `mysql`); at the prompt,
    /// on a copy of the shell's context, so its `use`, `open` and `set` last until it ends and are not saved.
    public func runScript(_ path: String) throws {
        guard scriptDepth == 0 else { return try runFile(path) }
        if !context.sessionRestored { try? context.prepareSession() }
        let saved = (context.state, context.settings, context.formatOverride, context.modelChosenHere, context.savesSession)
        context.savesSession = false
        defer {
            (context.state, context.settings, context.formatOverride, context.modelChosenHere, context.savesSession) = saved
        }
        try runFile(path)
    }
    private var prompt: Prompt { Prompt(state: context.state, settings: context.settings) }

    /// How deep `source` may nest before the run stops (a script sourcing itself would recurse forever).
    public static let maxSourceDepth = 16
    /// The script files being run, outermost first.
    private var openScripts: [String] = []

    /// The source name of a command given as words on the command line: its errors are named
    /// `chatbeto: error: …` (no line), and a command it cannot parse is a usage error.
    public static let commandLineSource = "chatbeto"
    /// Commands of scripts that failed (with `--force` the script goes on), and the first one's exit code.
    public private(set) var failedCommands = 0
    public private(set) var firstFailure: ExitCode?

    /// Runs lines from `reader`; `sourceName` names the script in error messages (nil = interactive).
    public func run(reader: LineReader, sourceName: String?) -> ExitCode {
        var splitter = InputSplitter()
        var statement = StatementBuffer()
        var result = ExitCode.success
        let interactive = sourceName == nil && context.isInteractive
        if sourceName != nil || !context.isInteractive { scriptDepth += 1 }
        defer { if sourceName != nil || !context.isInteractive { scriptDepth -= 1 } }
        var chatBlock: [String]?
        while !shouldQuit {
            if interactive && chatMode {
                reader.selectHistory(.chat)
                if let code = chatLine(reader: reader, block: &chatBlock) { result = code }
                continue
            }
            if interactive { reader.selectHistory(.commands) }
            let prompt = interactive ? (splitter.isContinuing ? prompt.continuation : prompt.main) : ""
            reader.setPendingStatement(statement.text)
            var units: [InputSplitter.Unit] = []
            switch reader.readLine(prompt: prompt) {
            case .interrupted:
                splitter.reset()
                statement.clear()
                continue
            case .end:
                units = interactive ? [] : splitter.finish()
                if interactive { output.write("\n") }
                if let code = runUnits(units, sourceName: sourceName, interactive: interactive) { return code }
                return result
            case .line(let line):
                if interactive { output.teeInput(prompt + line) }
                units = typed(line, splitter: &splitter, statement: &statement, reader: reader, interactive: interactive)
            }
            if let code = runUnits(units, sourceName: sourceName, interactive: interactive) {
                if interactive { result = code } else { return code }
            }
        }
        return result
    }

    /// A line as typed: a buffer command in it (`\c`, and `\e` at the prompt) acts on the statement typed
    /// so far, and the text after it is read as more input, as in `mysql`; the rest goes to the splitter.
    private func typed(_ line: String, splitter: inout InputSplitter, statement: inout StatementBuffer,
                       reader: LineReader, interactive: Bool) -> [InputSplitter.Unit] {
        var units: [InputSplitter.Unit] = []
        let after: String
        switch StatementBuffer.clientCommand(in: line, pending: statement.text) {
        case .clear(let rest, let following)?:
            // `\c`: the statement typed so far is dropped (it is still remembered in the history).
            let dropped = statement.adding(rest).trimmingCharacters(in: .whitespacesAndNewlines)
            if interactive && !dropped.isEmpty { reader.addHistory(dropped) }
            splitter.reset()
            statement.clear()
            after = following
        case .edit(let rest, let following)? where interactive:
            let text = statement.adding(rest).trimmingCharacters(in: .whitespacesAndNewlines)
            do {
                let edited = try StatementEditor(environment: context.options.environment)
                    .edit(text.isEmpty ? statement.last : text)
                splitter.reset()
                statement.clear()
                for editedLine in edited.components(separatedBy: "\n") {
                    units += accept(editedLine, splitter: &splitter, statement: &statement, reader: reader, interactive: true)
                }
                if splitter.isContinuing { context.note("The edited statement is kept: end it with ; to run it, \\c to drop it.") }
            } catch {
                output.error(REPL.message(for: error), location: nil)
                // The statement stays as typed.
                if !rest.trimmingCharacters(in: .whitespaces).isEmpty {
                    units += accept(rest, splitter: &splitter, statement: &statement, reader: reader, interactive: true)
                }
            }
            after = following
        default:
            return accept(line, splitter: &splitter, statement: &statement, reader: reader, interactive: interactive)
        }
        guard !after.trimmingCharacters(in: .whitespaces).isEmpty else { return units }
        return units + typed(after, splitter: &splitter, statement: &statement, reader: reader, interactive: interactive)
    }

    /// Feeds a line to the splitter; a statement complete at the end of it becomes one history entry.
    private func accept(_ line: String, splitter: inout InputSplitter, statement: inout StatementBuffer,
                        reader: LineReader, interactive: Bool) -> [InputSplitter.Unit] {
        statement.append(line)
        let units = splitter.feed(line: line)
        if !splitter.isContinuing {
            if interactive { reader.addHistory(statement.text) }
            statement.finish()
        }
        return units
    }

    /// One line in chat mode: a message for the model, a `"""` block, or a `/command`.
    private func chatLine(reader: LineReader, block: inout [String]?) -> ExitCode? {
        let prompt = block == nil ? prompt.chat : "   ...> "
        switch reader.readLine(prompt: prompt) {
        case .interrupted:
            block = nil
            return nil
        case .end:
            output.write("\n")
            chatMode = false
            block = nil
            context.note("Left chat mode.")
            return nil
        case .line(let line):
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if var lines = block {
                if trimmed.hasSuffix("\"\"\"") {
                    lines.append(String(trimmed.dropLast(3)))
                    block = nil
                    let text = lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
                    reader.addHistory(text)
                    return text.isEmpty ? nil : chatRun(AskCommand(text: text), line: line)
                }
                lines.append(line)
                block = lines
                return nil
            }
            if trimmed.hasPrefix("\"\"\"") {
                let rest = String(trimmed.dropFirst(3))
                if rest.hasSuffix("\"\"\""), rest.count >= 3 {
                    let text = String(rest.dropLast(3)).trimmingCharacters(in: .whitespaces)
                    return text.isEmpty ? nil : chatRun(AskCommand(text: text), line: line)
                }
                block = rest.isEmpty ? [] : [rest]
                return nil
            }
            if trimmed.isEmpty { return nil }
            output.teeInput(prompt + line)
            reader.addHistory(line)
            if ChatMode.isLeave(trimmed) {
                chatMode = false
                context.note("Left chat mode.")
                return nil
            }
            if let literal = ChatMode.message(fromSlashLine: trimmed) {
                return chatRun(AskCommand(text: literal), line: line)
            }
            if trimmed.hasPrefix("/") {
                let text = ChatMode.command(fromSlashLine: trimmed)
                return runUnits([InputSplitter.Unit(text: text, vertical: false, line: 1)], sourceName: nil, interactive: true)
            }
            // A paste of several lines is one message: take the lines already queued behind this one.
            var message = [line]
            while reader.hasPendingInput(milliseconds: 25), case .line(let more) = reader.readLine(prompt: "") {
                message.append(more)
            }
            return chatRun(AskCommand(text: message.joined(separator: "\n")), line: line)
        }
    }

    private func chatRun(_ command: AskCommand, line: String) -> ExitCode? {
        do {
            try context.execute(Invocation(command: command))
        } catch {
            output.error(REPL.message(for: error), location: nil)
            return REPL.exitCode(for: error)
        }
        return nil
    }

    /// Runs units; returns an exit code when the run must stop (script error), nil to go on.
    private func runUnits(_ units: [InputSplitter.Unit], sourceName: String?, interactive: Bool) -> ExitCode? {
        for unit in units {
            if shouldQuit { return nil }
            do {
                let invocation = try CommandParser.parse(unit.text, vertical: unit.vertical)
                try context.execute(invocation)
            } catch let failed as ScriptFailed {
                // A sourced script already reported its own file and line.
                if interactive || context.options.force { continue }
                return failed.code
            } catch {
                var code = REPL.exitCode(for: error)
                let message = REPL.message(for: error)
                if interactive {
                    output.error(message, location: nil)
                    continue
                }
                let onCommandLine = sourceName == REPL.commandLineSource
                if onCommandLine && error is ParseError { code = .usage }
                failedCommands += 1
                if firstFailure == nil { firstFailure = code }
                output.error(message, location: onCommandLine ? REPL.commandLineSource : (sourceName ?? "-") + ":\(unit.line)")
                if !context.options.force { return code }
            }
        }
        return nil
    }

    /// An error's text; names and titles in it may come from imported data, so it is escaped.
    static func message(for error: Error) -> String {
        CellText.multiLine(String(describing: error))
    }

    static func exitCode(for error: Error) -> ExitCode {
        switch error {
        case is ConnectError: return .cannotConnect
        case is InterruptedError: return .interrupted
        default: return .commandFailed
        }
    }

    /// Runs a script file (`-f`, `source`); nested sources report their own file and line.
    public func runFile(_ path: String) throws {
        guard openScripts.count < REPL.maxSourceDepth else {
            throw ScriptError.nestedTooDeeply(chain: openScripts + [path], limit: REPL.maxSourceDepth)
        }
        let url = UserPath.resolve(path)
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            let reason = FileManager.default.fileExists(atPath: url.path) ? "permission denied" : "no such file"
            throw ScriptError.cannotOpen(path: path, reason: reason)
        }
        defer { try? handle.close() }
        openScripts.append(path)
        defer { openScripts.removeLast() }
        let code = run(reader: BufferedLineReader(handle: handle), sourceName: path)
        if code != .success { throw ScriptFailed(code: code) }
    }
}

/// A sourced script stopped at an error (already reported with its file and line).
public struct ScriptFailed: Error, CustomStringConvertible {
    public let code: REPL.ExitCode
    /// The message the user sees.
    public var description: String { "script stopped" }
}
