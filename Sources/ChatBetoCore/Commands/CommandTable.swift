/// Every command the shell knows, in help order. Adding a command = one handler file + one line here.
public enum CommandTable {
    public static let all: [any ShellCommand.Type] = [
        HelpCommand.self,
        ProjectsCommand.self,
        ProjectCommand.self,
        UseCommand.self,
        ConversationsCommand.self,
        ShowCommand.self,
        OpenCommand.self,
        SearchCommand.self,
        RecallCommand.self,
        ContinueCommand.self,
        NewCommand.self,
        AskCommand.self,
        RetryCommand.self,
        ForgetCommand.self,
        ModelsCommand.self,
        SyncCommand.self,
        SQLCommand.self,
        StatsCommand.self,
        TimelineCommand.self,
        IndexCommand.self,
        ImportCommand.self,
        ExportCommand.self,
        SetCommand.self,
        SourceCommand.self,
        EditCommand.self,
        ClearCommand.self,
        PagerCommand.self,
        NoPagerCommand.self,
        TeeCommand.self,
        NoTeeCommand.self,
        StatusCommand.self,
        ServerCommand.self,
        SchemaCommand.self,
        QuitCommand.self,
    ]

    /// The command a name or alias (any case) stands for, or nil.
    public static func lookup(_ name: String) -> (any ShellCommand.Type)? {
        let key = name.lowercased()
        return all.first { $0.spec.name == key || $0.spec.aliases.contains(key) }
    }

    /// Every name and alias, for completion.
    public static var names: [String] { all.flatMap { [$0.spec.name] + $0.spec.aliases.filter { !$0.hasPrefix("\\") } } }

    /// The closest known name, for "did you mean".
    public static func suggestion(for name: String) -> String? {
        let candidates = names
        let best = candidates.map { ($0, editDistance($0, name.lowercased())) }.min { $0.1 < $1.1 }
        guard let (word, distance) = best, distance <= max(1, name.count / 3) else { return nil }
        return word
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where j <= b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    /// The command reference in Markdown (README) — generated, never written twice.
    public static var markdownReference: String {
        var out = ""
        for category in CommandSpec.Category.allCases {
            let commands = all.filter { $0.spec.category == category }
            guard !commands.isEmpty else { continue }
            out += "### \(category.rawValue)\n\n| command | what it does |\n|---|---|\n"
            for c in commands {
                let usage = c.spec.usage.replacingOccurrences(of: "|", with: "\\|")
                out += "| `\(usage)` | \(c.spec.summary) |\n"
            }
            out += "\n"
        }
        return out
    }
}
