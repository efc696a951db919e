import Foundation
import ChatBetoSupport
internal import CChatBetoSystem

/// Shows long output through a pager (`$PAGER`, by default `less -FRX`) when standard output is
/// a terminal and the text would not fit on it; otherwise, or when the pager cannot start,
/// prints it directly.
public struct Pager: Sendable, Equatable {
    /// The pager used when `$PAGER` is not set: quits at once if the text fits (`-F`), passes
    /// colours (`-R`) and leaves the text on screen when it quits (`-X`).
    public static let defaultCommand = "less -FRX"

    /// The shell command text is piped to, or nil when paging is off.
    public var command: String?

    /// A pager running `command` through `/bin/sh -c`, or none when `command` is nil.
    public init(command: String?) { self.command = command }

    /// Paging turned off: everything is printed directly.
    public static let off = Pager(command: nil)

    /// The pager named by `$PAGER`, `defaultCommand` when unset; an empty `$PAGER` turns paging off.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Pager {
        guard let configured = environment["PAGER"] else { return Pager(command: defaultCommand) }
        let trimmed = configured.trimmingCharacters(in: .whitespaces)
        return Pager(command: trimmed.isEmpty ? nil : trimmed)
    }

    /// What happened to text given to `page`.
    public enum Outcome: Sendable, Equatable {
        /// The pager ran (and may have been quit before reading everything).
        case paged
        /// The pager could not be run; the text was not shown.
        case couldNotStart(String)
    }

    /// Whether `text` should go through the pager: paging is on, output is a terminal, and the
    /// text needs more rows than the terminal has, counting long lines as wrapped.
    public func shouldPage(_ text: String, outputIsTTY: Bool, terminal: TerminalSize) -> Bool {
        guard command != nil, outputIsTTY else { return false }
        return Self.height(of: text, columns: terminal.columns, limit: terminal.rows) >= terminal.rows
    }

    /// Shows `text` on standard output, through the pager when `shouldPage` says so for the
    /// real terminal, falling back to printing when the pager cannot start.
    public func show(_ text: String, console: Console = .standard) {
        let fd = Terminal.standardOutput
        guard shouldPage(text, outputIsTTY: Terminal.isTTY(fd), terminal: Terminal.size(fd: fd)),
              case .paged = page(text) else {
            console.write(text)
            return
        }
    }

    /// Pipes `text` into the pager command unconditionally and waits for it to exit. A pager
    /// quit early (broken pipe) is normal; SIGINT and SIGQUIT are ignored here meanwhile, since
    /// the pager owns the terminal and handles them itself.
    public func page(_ text: String) -> Outcome {
        guard let command else { return .couldNotStart("paging is off") }
        let saved = chatbeto_ignore_interactive_signals()
        defer { chatbeto_restore_interactive_signals(saved) }

        var writeFD: Int32 = -1
        // The pager sees our environment without secrets (the key, the DSN: ChildEnvironment).
        var entries = ChildEnvironment.entries(ProcessInfo.processInfo.environment).map { strdup($0) }
        entries.append(nil)
        defer { entries.forEach { free($0) } }
        let pid = entries.withUnsafeBufferPointer { chatbeto_spawn_shell(command, &writeFD, $0.baseAddress) }
        guard pid > 0 else {
            return .couldNotStart("cannot run pager '\(command)': \(String(cString: strerror(errno)))")
        }
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let n = chatbeto_write_nosigpipe(writeFD, bytes.baseAddress! + offset, bytes.count - offset)
                if n <= 0 { break }  // EPIPE: the reader quit; anything else: give up the same way
                offset += n
            }
        }
        close(writeFD)
        let code = chatbeto_wait_exit_code(pid)
        // The shell's "not found" and "not executable" codes: nothing was shown.
        if code == 127 || code == 126 {
            return .couldNotStart("pager '\(command)' could not be run (exit status \(code))")
        }
        return .paged
    }

    /// The rows `text` takes on a terminal `columns` wide, counting at most up to `limit`.
    static func height(of text: String, columns: Int, limit: Int) -> Int {
        var body = Substring(text)
        // A trailing newline ends the last line rather than starting another.
        if body.hasSuffix("\n") { body = body.dropLast() }
        var rows = 0
        let width = max(1, columns)
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            let visible = line.contains("\u{1B}") ? Colors.strip(String(line)) : String(line)
            rows += max(1, (DisplayWidth.of(visible) + width - 1) / width)
            if rows >= limit { return rows }
        }
        return rows
    }
}
