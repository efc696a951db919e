/// The services chatbeto imports conversations from, as stored in `conversations.provider` and
/// `projects.provider`, with the name each gives its assistant.
public enum Provider: String, CaseIterable, Sendable {
    case chatgpt, claude, gemini, grok

    /// The assistant's name as its provider shows it (`show` headers).
    public var assistantName: String {
        switch self {
        case .chatgpt: return "ChatGPT"
        case .claude: return "Claude"
        case .gemini: return "Gemini"
        case .grok: return "Grok"
        }
    }

    /// The names `--provider` and `--source` accept, for messages.
    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
