/// Token counts reported by the API.
public struct TokenUsage: Sendable, Equatable {
    /// Tokens read, including the conversation's prepended items.
    public var inputTokens: Int
    /// Tokens written, including reasoning tokens.
    public var outputTokens: Int
    /// Part of `inputTokens` served from the prompt cache.
    public var cachedInputTokens: Int
    /// Part of `outputTokens` spent on hidden reasoning.
    public var reasoningTokens: Int
    /// Input plus output tokens.
    public var totalTokens: Int { inputTokens + outputTokens }

    /// Tokens a response used.
    public init(inputTokens: Int, outputTokens: Int, cachedInputTokens: Int = 0, reasoningTokens: Int = 0) {
        self.inputTokens = inputTokens; self.outputTokens = outputTokens
        self.cachedInputTokens = cachedInputTokens; self.reasoningTokens = reasoningTokens
    }

    /// Reads a `ResponseUsage` object; nil when absent.
    static func from(_ json: JSONValue?) -> TokenUsage? {
        guard let json, let input = json["input_tokens"]?.int, let output = json["output_tokens"]?.int else { return nil }
        return TokenUsage(inputTokens: input, outputTokens: output,
                          cachedInputTokens: json["input_tokens_details"]?["cached_tokens"]?.int ?? 0,
                          reasoningTokens: json["output_tokens_details"]?["reasoning_tokens"]?.int ?? 0)
    }
}

/// How a response ended.
public enum ResponseStatus: Sendable, Equatable {
    /// `response.completed` (or a completed non-streamed response).
    case completed
    /// `response.incomplete`: the text is partial; reason e.g. `max_output_tokens`, `content_filter`.
    case incomplete(reason: String?)
    /// `response.failed` or an in-stream `error` event.
    case failed(OpenAIError)
    /// The caller cancelled (Ctrl-C) mid-stream: the text is what arrived before.
    case cancelled
    /// The stream ended or broke without a terminal event: the text is partial and the server may
    /// or may not have stored the turn (check the conversation's items before re-sending).
    case interrupted(reason: String)
}

/// The outcome of one `POST /v1/responses`.
public struct ResponseResult: Sendable, Equatable {
    /// `resp_…`, once the server sent it.
    public var responseID: String?
    /// The assistant text (authoritative final text when the response completed).
    public var text: String
    /// Token usage, present once the response finished (completed or incomplete).
    public var usage: TokenUsage?
    /// How the response ended.
    public var status: ResponseStatus
    /// Ids of the assistant message items (`msg_…`).
    public var messageIDs: [String]
    /// Refusal text, when the model refused.
    public var refusal: String?
    /// `x-request-id` of the HTTP response.
    public var requestID: String?
    /// The rate-limit headers of the HTTP response, when it had them.
    public var rateLimit: RateLimitStatus?

    /// A finished (or stopped) response: its text, usage and status.
    public init(responseID: String? = nil, text: String = "", usage: TokenUsage? = nil, status: ResponseStatus,
                messageIDs: [String] = [], refusal: String? = nil, requestID: String? = nil,
                rateLimit: RateLimitStatus? = nil) {
        self.responseID = responseID; self.text = text; self.usage = usage; self.status = status
        self.messageIDs = messageIDs; self.refusal = refusal; self.requestID = requestID; self.rateLimit = rateLimit
    }

    /// True only for `.completed`.
    public var isComplete: Bool { status == .completed }
}
