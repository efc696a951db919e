import ChatBetoOpenAI
import ChatBetoRender
import Foundation

/// Where everything a command shows goes: its results, notes for people, warnings, questions, the
/// events of a streamed chat reply and progress. `TerminalSink` puts them on the terminal (or a
/// script's stdout/stderr); tests use a recording sink and assert on the values.
public protocol OutputSink: AnyObject {
    /// A command's result in the chosen format; `elapsed` is the command's run time (for `0.01 sec`).
    func show(_ result: CommandResult, format: OutputFormat, elapsed: TimeInterval)
    /// A status line for people (shown on a terminal or under `--verbose`, silent in scripts).
    func note(_ text: String)
    /// `warning: …` on standard error, in every mode.
    func warn(_ text: String)
    /// A line on standard error in every mode (a preview, `note: …`), usable from any thread.
    var diagnostics: @Sendable (String) -> Void { get }
    /// Asks a yes/no question; `--yes` answers yes, scripts without it answer no.
    func confirm(_ question: String) -> Bool
    /// One event of a streamed chat reply.
    func reply(_ event: ReplyEvent)
    /// One step of a long operation (sync, index).
    func progress(_ event: ProgressEvent)
    /// How an OpenAI client reports a retry wait (a countdown on a terminal), from any thread.
    var retryNotices: @Sendable (RetryNotice) -> Void { get }
    /// The verbose wire trace of the OpenAI client (`--verbose`), nil when off.
    var wireTrace: (@Sendable (String) -> Void)? { get }
    /// Colours for text a command formats itself (transcripts, charts, listings).
    var colors: Colors { get }
    /// The width to lay out text for: the terminal's columns, nil when output is not a terminal.
    var columns: Int? { get }
    /// `pager CMD` / `pager`: long output goes through `command` (nil: `$PAGER`) from now on.
    func usePager(_ command: String?)
    /// `tee FILE`: everything shown from now on is also appended to `path`.
    func startTee(_ path: String) throws
    /// `notee`: stops the copy; the file that was being written, nil when none was.
    func stopTee() -> String?
}

extension OutputSink {
    /// Sinks without a pager ignore `pager`.
    public func usePager(_ command: String?) {}
    /// Sinks without a tee ignore `tee`.
    public func startTee(_ path: String) throws {}
    /// Sinks without a tee have no file to name.
    public func stopTee() -> String? { nil }
}

/// The events of one streamed model reply, in order: `started`, `delta`…, then `ended` (the reply is
/// complete on screen) and `finished` (its usage), or `aborted` (the stream broke off first).
public enum ReplyEvent: Sendable, Equatable {
    /// The first text of the reply is about to arrive from `model`.
    case started(model: String)
    /// More reply text.
    case delta(String)
    /// The model refused; its refusal text (shown in place of a reply).
    case refusal(String)
    /// The reply text is complete (the line is ended).
    case ended
    /// The stream stopped before a reply was complete (an error, a lost connection, Ctrl-C).
    case aborted
    /// The turn is stored; its token usage and cost (nil when the model's price is unknown).
    case finished(model: String, usage: TokenUsage, cost: Double?)
}

/// Progress of a long operation: `advance` per item done, `finish` at the end.
public enum ProgressEvent: Sendable, Equatable {
    case advance(done: Int, total: Int, unit: String)
    case finish
    /// Clears a retry countdown left on the status line.
    case clearStatus
}
