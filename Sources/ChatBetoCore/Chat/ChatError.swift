/// Why a chat command cannot go on, with what to do about it.
public enum ChatError: Error, CustomStringConvertible, Sendable, Equatable {
    case noAPIKey
    case noConversation
    case nothingToRetry
    case seedingDeclined
    case seedingFailed(conversation: String, sent: Int, total: Int, underlying: String)
    /// The chat model is not listed by `GET /v1/models`, or is past its shutdown date.
    case modelUnavailable(model: String, reason: String, suggestion: String?)
    /// Possible secrets were found in what would be sent and the user cancelled (or a script has no `--yes`).
    case secretsNotSent(count: Int)

    /// The message the user sees.
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
        case .modelUnavailable(let model, let reason, let suggestion):
            let fix = suggestion.map { "'set model \($0)' for the closest listed one" } ?? "'set model ID' to pick another"
            return "model \(model) \(reason) (nothing was sent): \(fix); 'models' lists them"
        case .secretsNotSent(let count):
            return "not sent: \(count) possible secret\(count == 1 ? "" : "s") found (answer redact or send, pass --yes to send placeholders, or --allow-secrets to send them as they are)"
        }
    }
}
