import Foundation

/// Synthetic history for the search benchmark, written with plain multi-row INSERTs.
/// The SQL lives here rather than in ChatBetoCore's SQL.swift because only this tool issues it.
enum BenchSQL {
    static let count = "SELECT COUNT(*) AS n FROM messages"
    static let vectorCount = "SELECT COUNT(*) AS n FROM message_embeddings WHERE model = ? AND dimensions = ?"
    static let dropTextIndex = "ALTER TABLE messages DROP INDEX ft_messages_text"
    static let addTextIndex = "ALTER TABLE messages ADD FULLTEXT INDEX ft_messages_text (text)"
    static let project = "INSERT INTO projects (name, name_source) VALUES (?, 'user')"
    static func conversations(_ n: Int) -> String {
        "INSERT INTO conversations (id, project_id, title, create_time, update_time, message_count) VALUES "
            + Array(repeating: "(?, ?, ?, ?, ?, ?)", count: n).joined(separator: ", ")
    }
    static func messages(_ n: Int) -> String {
        "INSERT INTO messages (conversation_id, node_id, parent_node_id, visible_index, role, content_type, text, create_time, on_visible_path) VALUES "
            + Array(repeating: "(?, ?, ?, ?, ?, 'text', ?, ?, 1)", count: n).joined(separator: ", ")
    }
    static let messageText = "SELECT text FROM messages WHERE conversation_id = ? AND node_id = ?"
    static let messageKeys = "SELECT conversation_id, node_id FROM messages WHERE role IN ('user', 'assistant') ORDER BY conversation_id, node_id LIMIT ?"
    static let conversationPage = "SELECT id FROM conversations WHERE id > ? ORDER BY id LIMIT ?"
    /// The messages of a range of conversations, for the FTS5 peer (what chatbeto searches: not hidden).
    static let messagePage = """
        SELECT conversation_id, node_id, text FROM messages
        WHERE conversation_id >= ? AND conversation_id <= ? AND is_hidden = 0 AND text IS NOT NULL
        """
    static let firstProject = "SELECT MIN(id) AS id FROM projects"
    /// Given messages scored as the previous statements scored them (boolean or natural-language mode).
    static func rescore(count: Int, naturalLanguage: Bool) -> String {
        let mode = naturalLanguage ? "NATURAL LANGUAGE" : "BOOLEAN"
        return "SELECT conversation_id, node_id, MATCH(text) AGAINST (? IN \(mode) MODE) AS score FROM messages WHERE (conversation_id, node_id) IN ("
            + Array(repeating: "(?, ?)", count: count).joined(separator: ", ") + ")"
    }

    /// The full-text statements as they were before the rarest-word rewrite (ChatBetoCore's SQL.swift
    /// of 2026-11-26), timed in the same run as today's to give "before" and "after" side by side.
    static let baselineMessages = """
        SELECT m.conversation_id, m.node_id, m.role, m.create_time, m.text, c.title, p.name AS project, top.score
        FROM (
          SELECT m.conversation_id, m.node_id, m.create_time, MATCH(m.text) AGAINST (? IN BOOLEAN MODE) AS score
          FROM messages m JOIN conversations c ON c.id = m.conversation_id
          WHERE MATCH(m.text) AGAINST (? IN BOOLEAN MODE)
            AND m.is_hidden = 0
            AND (? = 0 OR c.project_id = ?)
            AND (? IS NULL OR m.create_time >= ?)
            AND (? IS NULL OR m.role = ?)
          ORDER BY score DESC, m.create_time DESC
          LIMIT ?
        ) top
        JOIN messages m ON m.conversation_id = top.conversation_id AND m.node_id = top.node_id
        JOIN conversations c ON c.id = m.conversation_id
        LEFT JOIN projects p ON p.id = c.project_id
        ORDER BY top.score DESC, top.create_time DESC
        """
    static let baselineMessagesOneWord = """
        SELECT m.conversation_id, m.node_id, m.role, m.create_time, m.text, c.title, p.name AS project,
               MATCH(m.text) AGAINST (? IN NATURAL LANGUAGE MODE) AS score
        FROM messages m
        JOIN conversations c ON c.id = m.conversation_id
        LEFT JOIN projects p ON p.id = c.project_id
        WHERE MATCH(m.text) AGAINST (? IN NATURAL LANGUAGE MODE)
          AND m.is_hidden = 0
          AND (? = 0 OR c.project_id = ?)
          AND (? IS NULL OR m.create_time >= ?)
          AND (? IS NULL OR m.role = ?)
        LIMIT ?
        """
}

/// A deterministic generator (SplitMix64) so every run builds the same data.
struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

/// Words drawn with a Zipf-like distribution over real English and Spanish words plus a long tail
/// of rarer made-up terms (identifiers, names), the way chat text mixes common and rare words.
struct Vocabulary {
    static let common = """
    the of and to in is you that it for on with as are this be at or from have not by but what all can your
    el la de que y en los se del las por un para con una su al lo como más pero sus le ya o este sí porque
    code function error swift python query index table server database file string array value class method
    test build model data user message project search export import chat history vector embedding token
    café mañana canción año niño información configuración pregunta respuesta código búsqueda índice
    lisboa madrid barcelona viaje hotel museo comida receta cocina tortilla paella cocido tapas vino
    docker kubernetes linux macos terminal shell script bash git commit branch merge rebase release
    coffee morning song year child question answer travel recipe kitchen wine music book movie
    """.split(whereSeparator: \.isWhitespace).map(String.init)

    let words: [String]
    let cumulative: [Double]

    init(tail: Int = 30_000) {
        var rng = SplitMix(state: 42)
        var all = Vocabulary.common
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        for i in 0..<tail {
            let length = 4 + rng.below(6)
            all.append(String((0..<length).map { _ in letters[rng.below(letters.count)] }) + (i % 7 == 0 ? "_\(i % 100)" : ""))
        }
        words = all
        var total = 0.0
        cumulative = (1...all.count).map { rank in total += 1 / Double(rank); return total }
    }

    func sample(_ rng: inout SplitMix) -> String {
        let target = rng.unit() * cumulative.last!
        var lo = 0, hi = cumulative.count - 1
        while lo < hi { let mid = (lo + hi) / 2; if cumulative[mid] < target { lo = mid + 1 } else { hi = mid } }
        return words[lo]
    }

    func sentence(_ rng: inout SplitMix, words count: Int) -> String {
        (0..<count).map { _ in sample(&rng) }.joined(separator: " ")
    }
}
