/// Where input lines come from: libedit on a terminal, buffered reading otherwise.
public protocol LineReader: AnyObject {
    /// The next line without its newline; `.interrupted` for Ctrl-C, `.end` at end of input (Ctrl-D).
    func readLine(prompt: String) -> LineInput
    /// Remembers a line in the history (no-op where there is none).
    func addHistory(_ line: String)
    /// Whether more input is already waiting (the rest of a paste), checked for up to `milliseconds`.
    func hasPendingInput(milliseconds: Int32) -> Bool
    /// Which history `addHistory` and Up/Down use from now on: commands, or chat messages.
    func selectHistory(_ kind: HistoryKind)
    /// The lines of the statement typed so far (before the current line), for completion.
    func setPendingStatement(_ text: String)
}

extension LineReader {
    /// No input waits (readers that cannot tell).
    public func hasPendingInput(milliseconds: Int32) -> Bool { false }
    /// One history only (readers without one).
    public func selectHistory(_ kind: HistoryKind) {}
    /// No completion (readers without one).
    public func setPendingStatement(_ text: String) {}
}

/// The two histories of the shell: commands and SQL statements, and chat messages (each its own file).
public enum HistoryKind: Sendable {
    case commands
    case chat
}

/// What reading a line gave: the line, Ctrl-C, or the end of input.
public enum LineInput: Equatable, Sendable {
    case line(String)
    case interrupted
    case end
}
