/// `pager [command]`: long output goes through `command` (or `$PAGER`) for the rest of the session.
public struct PagerCommand: ShellCommand, Equatable {
    public static let spec = CommandSpec(
        name: "pager", aliases: ["\\P"], usage: "pager [command]",
        summary: "Send long output through a pager command (default $PAGER); 'nopager' turns it off.",
        details: """
        pager less -S      long rows scroll sideways instead of wrapping
        pager              back to $PAGER (less -FRX when unset)
        The pager runs only on a terminal, for output taller than the screen.
        It turns paging on as 'set pager on' does (saved with the session); the command lasts for this shell.
        """, category: .shell, ownsFormatOption: true)
    /// The pager command; nil for `$PAGER`.
    public var command: String?

    /// `pager` with these arguments, as its words would parse.
    public init(command: String?) { self.command = command }
    /// Parses the words after `pager` (see `spec`).
    public init(arguments: inout Arguments) throws {
        let text = arguments.text
        // The command goes to /bin/sh as typed (its quotes, pipes and $VARS are the shell's), as in mysql;
        // one quoted word (`pager 'less -S'`) is the command inside the quotes.
        if arguments.positional.count == 1, let quote = text.first, quote == "'" || quote == "\"", text.count > 1, text.last == quote {
            command = arguments.positional[0]
        } else {
            command = text.isEmpty ? nil : text
        }
    }

    /// Send long output through a pager command (default $PAGER); 'nopager' turns it off.
    public func run(in context: CommandContext) throws -> CommandResult {
        context.settings.pager = true
        try? context.persistSession()
        context.output.usePager(command)
        return .message("Pager: \(command ?? "$PAGER").")
    }
}
