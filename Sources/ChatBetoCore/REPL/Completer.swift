import ChatBetoRender
import ChatBetoStore
import Foundation

/// Tab completion: command names; project names, conversation ids (titles beside them, the current
/// project's only), file names and SQL words where a command expects them. `lineBefore` is the whole
/// statement before the word (earlier lines of a multi-line statement included).
struct Completer {
    let context: CommandContext

    func candidates(lineBefore: String, word: String) -> [String] { completions(lineBefore: lineBefore, word: word).map(\.text) }

    func completions(lineBefore: String, word: String) -> [Completion] {
        let words = (try? Tokenizer.words(lineBefore)) ?? lineBefore.split(whereSeparator: \.isWhitespace).map(String.init)
        if words.isEmpty {
            let sql = ["select", "with", "describe", "explain", "sql"]
            return (CommandTable.names + sql).filter { $0.hasPrefix(word.lowercased()) }.sorted().map { Completion($0) }
        }
        let command = words[0].lowercased()
        if let files = fileCompletions(command: command, words: words, word: word) { return files }
        switch command {
        case "use", "timeline":
            // These take the rest of the line as the name: no quotes needed, even with spaces.
            let typed = (words.dropFirst() + [word]).joined(separator: " ").lowercased()
            let done = words.dropFirst().joined(separator: " ").count + (words.count > 1 ? 1 : 0)
            return projectNames().filter { $0.lowercased().hasPrefix(typed) }.map { Completion(String($0.dropFirst(done))) }
        case "project":
            if words.count == 1 { return plain(["name", "instructions"], word) }
            if words.count == 2 { return projectNames().filter { $0.lowercased().hasPrefix(word.lowercased()) }.map { Completion(quoteIfNeeded($0)) } }
            return []
        case "show" where SQLClassifier.isSQL(lineBefore + word) && words.count > 1:
            return sqlCompletions(word)
        case "show", "open", "continue", "export":
            if command == "show", words.count == 1, !word.isEmpty {
                let keywords = plain(["tables", "create", "columns", "index", "variables"], word.lowercased())
                return keywords + conversations(word)
            }
            return conversations(word)
        case "help":
            return plain(CommandTable.names, word.lowercased())
        case "set":
            if words.count == 1 { return plain(Settings.descriptions.map(\.name), word) }
            if words.count == 2, words[1] == "format" { return plain(OutputFormat.allCases.map(\.rawValue), word) }
            if words.count == 2, ["pager", "sql-write"].contains(words[1]) { return plain(["on", "off"], word) }
            return []
        default:
            return SQLClassifier.isSQL(lineBefore) ? sqlCompletions(word) : []
        }
    }

    private func plain(_ names: [String], _ word: String) -> [Completion] {
        names.filter { $0.hasPrefix(word) }.map { Completion($0) }
    }

    private func projectNames() -> [String] { (try? context.catalog.projectNames()) ?? [] }

    /// Ids by id prefix, or by the start of the title, in the current project; the title beside each.
    private func conversations(_ word: String) -> [Completion] {
        guard let all = try? context.catalog.completionConversations(projectID: context.state.project?.id) else { return [] }
        let lower = word.lowercased()
        var matches = all.filter { $0.id.hasPrefix(word) }
        if matches.isEmpty && !word.isEmpty { matches = all.filter { ($0.title ?? "").lowercased().hasPrefix(lower) } }
        return matches.prefix(50).map { Completion($0.id, label: CellText.singleLine($0.title ?? "(untitled)")) }
    }

    // MARK: file names

    /// File names after `import`, `source` (`\.`), `export … --out` and `--projects`; nil elsewhere.
    private func fileCompletions(command: String, words: [String], word: String) -> [Completion]? {
        let previous = words.count > 1 ? words[words.count - 1] : ""
        let wantsFile = previous == "--out" || previous == "--projects"
            || (["import", "source", "\\."].contains(command) && !word.hasPrefix("-"))
        guard wantsFile else { return nil }
        return FileCompletion.candidates(for: word)
    }

    // MARK: SQL

    /// SQL keywords in the case typed, and the table and column names the read-only account can see.
    private func sqlCompletions(_ word: String) -> [Completion] {
        guard !word.isEmpty else { return [] }
        let names = (try? schemaNames()) ?? []
        let lower = word.lowercased()
        let upperCase = word.first.map { $0.isUppercase } ?? false
        let keywords = SQLKeywords.all.filter { $0.lowercased().hasPrefix(lower) }.map { upperCase ? $0 : $0.lowercased() }
        let matching = names.filter { $0.lowercased().hasPrefix(lower) }
        var seen = Set<String>()
        return (matching + keywords).filter { seen.insert($0.lowercased()).inserted }.map { Completion($0) }
    }

    /// Table and column names through the connection user SQL runs on (the read-only account when
    /// there is one), so completion offers only what a statement may read.
    private func schemaNames() throws -> [String] {
        let db = try context.db()
        let limits = Database.ReaderLimits(statementSeconds: context.settings.sqlTimeLimit, lockWaitSeconds: context.settings.sqlLockWait)
        let connection = try db.userConnection(write: context.settings.sqlWrite, limits: limits)
        defer { if connection !== db.connection { _ = try? connection.execute(SQL.Connection.rollback) } }
        return try SchemaNames.read(connection)
    }

    private func quoteIfNeeded(_ s: String) -> String {
        s.contains(" ") || s.contains("'") ? "\"" + s.replacingOccurrences(of: "\"", with: "\\\"") + "\"" : s
    }
}
