/// Why a chat command cannot go on, with what to do about it.
public enum ChatError: Error, CustomStringConvertible, Sendable, Equatable {
    case noAPIKey
    case noConversation
    case nothingToRetry
    case seedingDeclined
    case seedingFailed(conversation: String, sent: Int, total: Int, underlying: String)

    public var description: String {
        switch self {
        case .noAPIKey:
            return "no OpenAI API key: set OPENAI_API_KEY (export OPENAI_API_KEY=sk-…; OPENAI_BASE_URL for an OpenAI-compatible server); offline commands work without one"
        case .noConversation:
            return "no current conversation: 'continue', 'open <conversation>' or 'new [title]' first"
        case .nothingToRetry:
            return "nothing to retry: the conversation has no reply after a user message"
        case .seedingDeclined:
            return "not sent: the conversation's history was not seeded (pass --yes in scripts, or 'set seed-turns N' to send fewer turns)"
        case .seedingFailed(let conversation, let sent, let total, let underlying):
            return "seeding \(conversation) stopped after \(sent) of \(total) messages (run again to resume): \(underlying)"
        }
    }
}
