import Foundation

/// File names for tab completion. The word is as typed on the line (`\ ` for a space, `~/` for home);
/// candidates come back escaped the same way, directories with a `/` and the word left open.
enum FileCompletion {
    static func candidates(for word: String, limit: Int = 200) -> [Completion] {
        let typed = unescape(word)
        let slash = typed.lastIndex(of: "/")
        let directoryPart = slash.map { String(typed[...$0]) } ?? ""
        let namePrefix = slash.map { String(typed[typed.index(after: $0)...]) } ?? typed
        let directory = directoryPart.isEmpty ? "." : UserPath.resolve(directoryPart).path
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        let showHidden = namePrefix.hasPrefix(".")
        return names.filter { $0.hasPrefix(namePrefix) && (showHidden || !$0.hasPrefix(".")) }.sorted().prefix(limit).map { name in
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent(name), isDirectory: &isDirectory)
            let text = escape(directoryPart + name) + (isDirectory.boolValue ? "/" : "")
            return Completion(text, endsWord: !isDirectory.boolValue)
        }
    }

    /// `\x` becomes `x` (the shell's tokenizer reads a line the same way).
    static func unescape(_ word: String) -> String {
        var out = ""
        var escaped = false
        for c in word {
            if escaped { out.append(c); escaped = false } else if c == "\\" { escaped = true } else { out.append(c) }
        }
        return out
    }

    /// Spaces, quotes and backslashes escaped with `\`.
    static func escape(_ path: String) -> String {
        var out = ""
        for c in path {
            if c == " " || c == "\t" || c == "\\" || c == "'" || c == "\"" { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
