import ChatBetoStore

/// One numbered source of a recall: a hit's message widened with its neighbouring turns. Its number is
/// the citation `[n]`; conversation, message and date say where it came from.
public struct RecallPassage: Sendable, Equatable {
    public var number: Int
    public var conversationID: String
    public var title: String
    public var project: String?
    /// The message the search found (the anchor `show n` opens at); nil for a title-only match.
    public var nodeID: String?
    public var date: String?
    /// The anchor and its neighbours, in thread order.
    public var messages: [StoredMessage]

    /// Longest message text put into a passage; the rest is cut (marked with …).
    static let maxMessageCharacters = 2_000

    /// The passage as the model reads it.
    public var promptText: String {
        var out = "[\(number)] \"\(title)\"\(project.map { " (project \($0))" } ?? ""), \(day)\n"
        for m in messages {
            var text = m.text ?? ""
            if text.count > RecallPassage.maxMessageCharacters { text = String(text.prefix(RecallPassage.maxMessageCharacters)) + " …" }
            out += "\(m.role ?? "?"): \(text)\n"
        }
        return out
    }

    /// `2024-05-29`, or `-` without a date.
    public var day: String { date.map { String($0.prefix(10)) } ?? "-" }

    /// `[1] Sourdough starter (Alpha), 2024-05-29: conversation c0000001-…, message c0000001-m2`.
    public var citationLine: String {
        "[\(number)] \(title)\(project.map { " (\($0))" } ?? ""), \(day): conversation \(conversationID)"
            + (nodeID.map { ", message \($0)" } ?? "")
    }
}
