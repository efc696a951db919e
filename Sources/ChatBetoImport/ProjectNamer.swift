import ChatBetoStore
import Foundation

/// A provisional project name from its conversations' titles (the export has no project names):
/// the most frequent significant words, English and Spanish stop words removed.
enum ProjectNamer {
    static func name(titles: [String], gizmoID: String) -> String {
        var counts: [String: Int] = [:]
        var spelling: [String: String] = [:]
        for title in titles {
            var seen: Set<String> = []
            let words = title.split { !($0.isLetter || $0.isNumber || $0 == "+" || $0 == "#") }
            for w in words where w.count >= 3 {
                let key = w.lowercased()
                if stopWords.contains(key) || key.allSatisfy(\.isNumber) || !seen.insert(key).inserted { continue }
                counts[key, default: 0] += 1
                if spelling[key] == nil { spelling[key] = String(w) }
            }
        }
        let top = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(3)
        if top.isEmpty {
            let hex = gizmoID.hasPrefix("g-p-") ? String(gizmoID.dropFirst(4).prefix(6)) : String(gizmoID.prefix(10))
            return "Project \(hex)"
        }
        return top.map { capitalised(spelling[$0.key] ?? $0.key) }.joined(separator: " ")
    }

    private static func capitalised(_ w: String) -> String {
        guard let first = w.first, first.isLowercase else { return w }
        return first.uppercased() + w.dropFirst()
    }

    static let stopWords: Set<String> = [
        // English
        "the", "and", "for", "with", "from", "that", "this", "what", "how", "why", "when", "where", "who", "which",
        "are", "was", "were", "can", "could", "should", "would", "will", "you", "your", "our", "not", "but", "about",
        "into", "over", "using", "use", "via", "new", "help", "need", "get", "make", "does", "did", "have", "has",
        "some", "any", "more", "less", "best", "vs", "its", "it's", "than", "then", "them", "they", "there", "here",
        "one", "two", "all", "out", "own", "per", "way", "ways", "tips", "guide", "question", "questions", "request",
        "chat", "conversation", "untitled",
        // Spanish
        "los", "las", "del", "con", "por", "para", "una", "uno", "unos", "unas", "que", "qué", "como", "cómo", "sobre",
        "entre", "sin", "más", "mas", "muy", "este", "esta", "estos", "estas", "ese", "esa", "eso", "son", "ser", "hay",
        "cuál", "cual", "cuando", "cuándo", "donde", "dónde", "porque", "por qué", "tu", "sus", "nuestro", "nuestra",
        "mejor", "ayuda", "nuevo", "nueva", "hacer", "tiene", "pero", "también", "desde", "hasta", "al", "el", "la", "de",
    ]
}
