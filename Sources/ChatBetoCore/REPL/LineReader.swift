/// Where input lines come from: libedit on a terminal, buffered reading otherwise.
public protocol LineReader: AnyObject {
    /// The next line without its newline; `.interrupted` for Ctrl-C, `.end` at end of input (Ctrl-D).
    func readLine(prompt: String) -> LineInput
    /// Remembers a line in the history (no-op where there is none).
    func addHistory(_ line: String)
    /// Whether more input is already waiting (the rest of a paste), checked for up to `milliseconds`.
    func hasPendingInput(milliseconds: Int32) -> Bool
}

extension LineReader {
    public func hasPendingInput(milliseconds: Int32) -> Bool { false }
}

public enum LineInput: Equatable, Sendable {
    case line(String)
    case interrupted
    case end
}
