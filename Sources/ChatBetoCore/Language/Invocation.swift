import ChatBetoRender

/// A line parsed into a command, plus the per-command output format (`--format F` or `\G`).
public struct Invocation: Sendable {
    public var command: any ShellCommand
    public var format: OutputFormat?
    public init(command: any ShellCommand, format: OutputFormat? = nil) {
        self.command = command; self.format = format
    }
}
