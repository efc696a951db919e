/// `nopager`: output is printed directly (the same as `set pager off`).
public struct NoPagerCommand: ShellCommand, Equatable {
    public static let spec = CommandSpec(
        name: "nopager", aliases: ["\\n"], usage: "nopager",
        summary: "Print output directly, without a pager (set pager off).",
        category: .shell, usesSession: false)

    public init() {}
    public init(arguments: inout Arguments) throws { try arguments.requireCount(0...0) }

    public func run(in context: CommandContext) throws -> CommandResult {
        context.settings.pager = false
        return .message("Pager off.")
    }
}
