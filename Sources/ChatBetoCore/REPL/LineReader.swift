/// Where input lines come from: libedit on a terminal, buffered reading otherwise.
public protocol LineReader: AnyObject {
    /// The next line without its newline; `.interrupted` for Ctrl-C, `.end` at end of input (Ctrl-D).
    func readLine(prompt: String) -> LineInput
    /// Remembers a line in the history (no-op where there is none).
    func addHistory(_ line: String)
}

public enum LineInput: Equatable, Sendable {
    case line(String)
    case interrupted
    case end
}
