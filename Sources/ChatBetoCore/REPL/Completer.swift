import ChatBetoRender

/// Tab completion: command names, then project names or conversation ids where a command expects them.
struct Completer {
    let context: CommandContext

    func candidates(lineBefore: String, word: String) -> [String] {
        let words = (try? Tokenizer.words(lineBefore)) ?? lineBefore.split(separator: " ").map(String.init)
        if words.isEmpty {
            let sql = ["select", "with", "describe", "explain", "sql"]
            return (CommandTable.names + sql).filter { $0.hasPrefix(word.lowercased()) }.sorted()
        }
        let command = words[0].lowercased()
        switch command {
        case "use", "timeline":
            // These take the rest of the line as the name: no quotes needed, even with spaces.
            let typed = (words.dropFirst() + [word]).joined(separator: " ").lowercased()
            let done = words.dropFirst().joined(separator: " ").count + (words.count > 1 ? 1 : 0)
            return projectNames().filter { $0.lowercased().hasPrefix(typed) }.map { String($0.dropFirst(done)) }
        case "project":
            if words.count == 1 { return ["name", "instructions"].filter { $0.hasPrefix(word) } }
            if words.count == 2 { return projectNames().filter { $0.lowercased().hasPrefix(word.lowercased()) }.map(quoteIfNeeded) }
            return []
        case "show", "open", "continue", "export":
            if command == "show", words.count == 1, let sqlShow = showKeywords(word) , !sqlShow.isEmpty, word.count > 0 {
                return sqlShow + conversationIDs(word)
            }
            return conversationIDs(word)
        case "help":
            return CommandTable.names.filter { $0.hasPrefix(word.lowercased()) }
        case "set":
            if words.count == 1 { return Settings.descriptions.map(\.name).filter { $0.hasPrefix(word) } }
            if words.count == 2, words[1] == "format" { return OutputFormat.allCases.map(\.rawValue).filter { $0.hasPrefix(word) } }
            if words.count == 2, ["pager", "sql-write"].contains(words[1]) { return ["on", "off"].filter { $0.hasPrefix(word) } }
            return []
        default:
            return []
        }
    }

    private func showKeywords(_ word: String) -> [String]? {
        ["tables", "create", "columns", "index", "variables"].filter { $0.hasPrefix(word.lowercased()) }
    }

    private func projectNames() -> [String] { (try? context.catalog.projectNames()) ?? [] }

    /// Ids by id prefix, or the ids of conversations whose title starts with the word.
    private func conversationIDs(_ word: String) -> [String] {
        guard let all = try? context.catalog.completionConversations() else { return [] }
        let lower = word.lowercased()
        let byID = all.filter { $0.id.hasPrefix(word) }.map(\.id)
        if !byID.isEmpty || word.isEmpty { return Array(byID.prefix(50)) }
        return all.filter { ($0.title ?? "").lowercased().hasPrefix(lower) }.map(\.id).prefix(50).map { $0 }
    }

    private func quoteIfNeeded(_ s: String) -> String {
        s.contains(" ") || s.contains("'") ? "\"" + s.replacingOccurrences(of: "\"", with: "\\\"") + "\"" : s
    }
}
