import ChatBetoRender

/// A line parsed into a command, plus the per-command output format (`--format F` or `\G`).
public struct Invocation: Sendable {
    public var command: any ShellCommand
    public var format: OutputFormat?
    /// A command to run, with its own output format if the line gave one.
    public init(command: any ShellCommand, format: OutputFormat? = nil) {
        self.command = command; self.format = format
    }
}
