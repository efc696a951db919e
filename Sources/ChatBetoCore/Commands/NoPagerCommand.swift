/// `nopager`: output is printed directly (the same as `set pager off`).
public struct NoPagerCommand: ShellCommand, Equatable {
    public static let spec = CommandSpec(
        name: "nopager", aliases: ["\\n"], usage: "nopager",
        summary: "Print output directly, without a pager (set pager off).",
        category: .shell)

    /// `nopager` (it takes no arguments).
    public init() {}
    /// Parses the words after `nopager` (see `spec`).
    public init(arguments: inout Arguments) throws { try arguments.requireCount(0...0) }

    /// Print output directly, without a pager (set pager off).
    public func run(in context: CommandContext) throws -> CommandResult {
        context.settings.pager = false
        try? context.persistSession()
        return .message("Pager off.")
    }
}
