import ChatBetoOpenAI
import ChatBetoRender
import Foundation

/// The one renderer for people and scripts: results on stdout (through the pager when long and a
/// person is reading), notes dimmed on a terminal, warnings, questions and progress on stderr, chat
/// replies streamed as they arrive.
public final class TerminalSink: OutputSink {
    public let options: ShellOptions
    public let console: Console
    public let colors: Colors
    /// How the REPL asks a question at the terminal; nil in scripts (confirmations answer no).
    public var askLine: ((String) -> String?)?
    /// Whether replies get terminal decorations (`model › `): a person chatting, not a script.
    public var decoratesReplies: () -> Bool = { false }
    /// Whether long output goes through the pager (`set pager`).
    public var pagerEnabled: () -> Bool = { false }
    /// The pager chosen with `pager CMD`, nil for `$PAGER`.
    public private(set) var pagerCommand: String?
    /// `tee FILE`: the copy of everything shown.
    public let tee = TeeFile()
    /// Whether decorated replies are drawn as Markdown (`set render`).
    public var rendersMarkdown: () -> Bool = { false }

    /// The sink for stdout and stderr under these options.
    public init(options: ShellOptions, console: Console = .standard) {
        self.options = options
        self.console = console
        colors = Colors.forTerminal(isTTY: options.outputIsTerminal, environment: options.environment)
        progressEnabled = Terminal.isTTY(Terminal.standardError)
    }

    private var isInteractive: Bool { options.inputIsTerminal }

    /// The terminal's width, nil when output is no terminal.
    public var columns: Int? { options.outputIsTerminal ? Terminal.columns() : nil }

    // MARK: results

    /// Writes a command's result in the chosen format (paged and teed as set).
    public func show(_ result: CommandResult, format chosen: OutputFormat, elapsed: TimeInterval) {
        switch result {
        case .none: return
        case .message(let text): note(text)
        case .sequence(let results): results.forEach { show($0, format: chosen, elapsed: elapsed) }
        case .report(let text, let json):
            emit(chosen == .json ? (json.hasSuffix("\n") ? json : json + "\n") : (text.hasSuffix("\n") ? text : text + "\n"))
        case .document(let text, let data):
            if let data, chosen != .table {
                emit { out in ResultRenderer.write(data, format: chosen, colors: colors, maxWidth: columns, to: out) }
            } else {
                emit(text.hasSuffix("\n") ? text : text + "\n")
            }
        case .rows(let rs, let summary):
            if !rs.hasResultSet {
                let n = rs.affectedRows
                note("Query OK, \(n) row\(n == 1 ? "" : "s") affected (\(String(format: "%.2f", elapsed)) sec)")
                return
            }
            if !(rs.rows.isEmpty && (chosen == .table || chosen == .vertical)) {
                emit { out in ResultRenderer.write(rs, format: chosen, colors: colors, maxWidth: columns, to: out) }
            }
            if chosen == .table || chosen == .vertical {
                let count = rs.rows.count
                let line = rs.rows.isEmpty ? "Empty set" : (summary ?? "\(count) row\(count == 1 ? "" : "s") in set")
                note("\(line) (\(String(format: "%.2f", elapsed)) sec)")
            }
        }
    }

    /// Writes output, through the pager when it is long and a person is reading.
    public func emit(_ text: String) {
        guard !text.isEmpty else { return }
        tee.output(text)
        if pages {
            (pagerCommand.map { Pager(command: $0) } ?? Pager.fromEnvironment(options.environment)).show(text, console: console)
        } else {
            _ = console.write(text)
        }
    }

    /// Writes output that `produce` hands over piece by piece: to stdout (and the tee file) about a
    /// megabyte at a time as it comes, so output far larger than the result it shows (a table padded to
    /// one wide cell) is never held whole; through the pager, which takes it whole, when that is on.
    public func emit(_ produce: ((String) -> Void) -> Void) {
        guard !pages else {
            var text = ""
            produce { text += $0 }
            return emit(text)
        }
        var pending = ""
        produce { piece in
            pending += piece
            if pending.utf8.count >= 1 << 20 { out(pending); pending = "" }
        }
        if !pending.isEmpty { out(pending) }
    }

    /// Whether `emit` goes through the pager: it is on, and a person reads a terminal.
    private var pages: Bool { pagerEnabled() && options.outputIsTerminal && options.inputIsTerminal }

    /// Writes text to stdout as it is (the loop's own newlines and banner).
    public func write(_ text: String) { out(text) }

    /// Standard output, and the tee file.
    private func out(_ text: String) {
        tee.output(text)
        _ = console.write(text)
    }

    /// Standard error, and the tee file.
    private func err(_ text: String) {
        tee.output(text)
        _ = console.writeError(text)
    }

    // MARK: pager and tee

    /// Sends long output through this pager command (nil: none).
    public func usePager(_ command: String?) { pagerCommand = command }
    /// Starts copying output to `path`.
    public func startTee(_ path: String) throws { try tee.start(path) }
    /// Stops copying; the file that was written.
    public func stopTee() -> String? { tee.stop() }
    /// A line typed at the prompt, for the tee file (never one that may hold a secret).
    public func teeInput(_ line: String) { tee.input(line) }

    // MARK: lines for people

    /// On a terminal a note is word-wrapped to its width, so no word is broken across lines.
    public func note(_ text: String) {
        guard isInteractive || options.verbose else { return }
        var shown = CellText.multiLine(text)
        if let columns { shown = WordWrap(width: columns, colors: .none).lines(shown).joined(separator: "\n") }
        out(colors.dim(shown) + "\n")
    }

    /// Writes "warning: …" to stderr.
    public func warn(_ text: String) { err("warning: " + CellText.multiLine(text) + "\n") }

    /// Where lower layers' diagnostics go: stderr and the tee file.
    public var diagnostics: @Sendable (String) -> Void {
        let console = self.console
        let tee = self.tee
        return { line in
            tee.output(line + "\n")
            _ = console.writeError(line + "\n")
        }
    }

    /// An error the REPL reports: red `error: ` on a terminal, `file:line: error: ` in scripts.
    public func error(_ message: String, location: String?) {
        if let location {
            err("\(location): error: \(message)\n")
        } else {
            err(colors.red("error: ") + message + "\n")
        }
    }

    /// Asks on the terminal; `--yes` answers yes, and without a terminal the answer is no.
    public func confirm(_ question: String) -> Bool {
        if options.assumeYes { return true }
        guard let ask = askLine else {
            _ = console.writeError("\(question) [y/N] no (not a terminal; pass --yes to confirm in scripts)\n")
            return false
        }
        let answer = ask("\(question) [y/N] ")?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        return answer == "y" || answer == "yes"
    }

    // MARK: chat replies

    /// A reply streams as text as it arrives (so the first words show at once); when it is complete and a
    /// person is chatting with `set render on`, the streamed text is erased and the reply drawn again as
    /// Markdown for the terminal, word-wrapped to its width. It is left as streamed when it renders the
    /// same, when it was interrupted, or when it has scrolled past the top of the screen.
    public func reply(_ event: ReplyEvent) {
        switch event {
        case .started(let model):
            clearStatusLine()
            let prefix = decoratesReplies() ? colors.dim("\(model) › ") : ""
            replyText = decoratesReplies() && rendersMarkdown() ? "" : nil
            replyPrefix = prefix
            if !prefix.isEmpty { out(prefix) }
        case .delta(let text) where replyText != nil:
            replyText! += text
            out(CellText.multiLine(text))
            if !text.isEmpty { replyEndsLine = text.hasSuffix("\n") }
        case .ended where replyText != nil:
            redrawReplyAsMarkdown(replyText!)
            replyText = nil
            replyEndsLine = false
        case .delta(let text), .refusal(let text):
            replyText = nil
            out(CellText.multiLine(text))
            if !text.isEmpty { replyEndsLine = text.hasSuffix("\n") }
        case .ended:
            if !replyEndsLine { out("\n") }
            replyEndsLine = false
        case .aborted:
            replyText = nil
            clearStatusLine()
            if decoratesReplies() { out("\n") }
        case .finished(let model, let usage, let cost):
            var line = "\(model) · \(usage.inputTokens) in / \(usage.outputTokens) out tokens"
            if let cost { line += String(format: " · $%.4f", cost) }
            note(line)
        }
    }

    /// Whether the reply text shown so far ends with a newline (then `ended` adds none).
    private var replyEndsLine = false
    /// The reply streamed so far when it is to be redrawn as Markdown at its end, nil otherwise.
    private var replyText: String?
    private var replyPrefix = ""

    private func redrawReplyAsMarkdown(_ text: String) {
        let size = Terminal.size()
        var rendered = TerminalMarkdown(width: size.columns, colors: colors).render(text)
        while rendered.hasSuffix("\n") { rendered.removeLast() }
        var streamed = CellText.multiLine(text)
        while streamed.hasSuffix("\n") { streamed.removeLast() }
        let rows = TerminalRows.cursorRow(after: Colors.strip(replyPrefix) + CellText.multiLine(text), columns: size.columns)
        guard Colors.strip(rendered) != streamed, rows < size.rows - 1 else {
            if !replyEndsLine { _ = console.write("\n") }
            return
        }
        _ = console.write("\r" + (rows > 0 ? "\u{1B}[\(rows)A" : "") + "\u{1B}[J" + replyPrefix + "\n" + rendered + "\n")
    }

    // MARK: progress

    private let progressEnabled: Bool
    private var lastDraw = Date.distantPast
    private var drawn = false

    /// Draws a progress bar on stderr (terminal only).
    public func progress(_ event: ProgressEvent) {
        guard progressEnabled else { return }
        switch event {
        case .advance(let done, let total, let unit):
            guard done == total || Date().timeIntervalSince(lastDraw) > 0.1 else { return }
            lastDraw = Date()
            drawn = true
            let width = min(80, Terminal.columns(fd: Terminal.standardError))
            _ = console.writeError("\r\u{1B}[K" + ProgressBar.line(done: done, total: total, unit: unit, width: width))
        case .finish:
            if drawn { _ = console.writeError("\n") }
            drawn = false
            lastDraw = .distantPast
        case .clearStatus:
            clearStatusLine()
        }
    }

    /// Clears a retry countdown line left on the terminal.
    private func clearStatusLine() {
        if progressEnabled { _ = console.writeError("\r\u{1B}[K") }
    }

    /// Shows a retry's countdown, or one note per retry without a terminal.
    public var retryNotices: @Sendable (RetryNotice) -> Void {
        let console = self.console
        let countdown = progressEnabled
        return { notice in
            let seconds = Int(notice.remaining.rounded(.up))
            if countdown {
                _ = console.writeError("\r\u{1B}[Kretrying in \(seconds)s (\(notice.reason), retry \(notice.attempt))…")
            } else if notice.remaining == notice.delay {
                _ = console.writeError("note: \(notice.reason); retrying in \(String(format: "%.1f", notice.delay))s (retry \(notice.attempt))\n")
            }
        }
    }

    /// With `--verbose`, each request and response line on stderr; nil otherwise.
    public var wireTrace: (@Sendable (String) -> Void)? {
        guard options.verbose else { return nil }
        let console = self.console
        return { line in _ = console.writeError("openai: " + line + "\n") }
    }
}
