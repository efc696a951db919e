import Foundation

/// Everything that can go wrong talking to the OpenAI API, with what a user needs to act on it.
/// Messages pass through `SecretRedactor` when built by the client, so the key never shows.
public struct OpenAIError: Error, CustomStringConvertible, Sendable, Equatable {
    /// Where the error arose.
    public enum Kind: Sendable, Equatable {
        /// A non-2xx HTTP response.
        case http
        /// An `error` event or `response.failed` inside a 200 stream.
        case stream
        /// No usable response: connection, timeout, cancellation.
        case transport(TransportError.Kind)
        /// The response was not the JSON we expected.
        case decoding
        /// The caller asked for something the API cannot do (checked before sending).
        case invalidRequest
    }

    /// Where the error arose.
    public var kind: Kind
    /// HTTP status, when there was one.
    public var status: Int?
    /// The server's (or transport's) message, with secrets redacted.
    public var message: String
    /// `error.type`, e.g. `invalid_request_error`, `insufficient_quota`.
    public var type: String?
    /// `error.code`, e.g. `invalid_api_key`, `context_length_exceeded`.
    public var code: String?
    /// `error.param`, e.g. `input`.
    public var param: String?
    /// `x-request-id` of the failing response.
    public var requestID: String?
    /// `METHOD /path` of the request, without host or query.
    public var endpoint: String?
    /// How many times the request had been retried before this error.
    public var retries: Int

    /// An API failure with what the server said about it.
    public init(kind: Kind, status: Int? = nil, message: String, type: String? = nil, code: String? = nil,
                param: String? = nil, requestID: String? = nil, endpoint: String? = nil, retries: Int = 0) {
        self.kind = kind; self.status = status; self.message = message; self.type = type; self.code = code
        self.param = param; self.requestID = requestID; self.endpoint = endpoint; self.retries = retries
    }

    /// Builds an error from an API error body: the `{"error":{…}}` envelope, a bare `Error` object,
    /// or the flat/nested in-stream `error` event. Falls back to the raw text when it is not JSON.
    public static func fromBody(_ body: Data, status: Int?, kind: Kind = .http, requestID: String? = nil,
                                endpoint: String? = nil, redactor: SecretRedactor) -> OpenAIError {
        let json = JSONValue.parse(body)
        let object = json?["error"].flatMap { $0.object == nil ? nil : $0 } ?? json
        if let object, object.object != nil, let message = object["message"]?.string {
            return OpenAIError(kind: kind, status: status, message: redactor.redact(message),
                               type: object["type"]?.string, code: object["code"]?.string ?? object["code"]?.int.map(String.init),
                               param: object["param"]?.string, requestID: requestID, endpoint: endpoint)
        }
        let raw = String(decoding: body.prefix(500), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let message = raw.isEmpty ? "HTTP \(status.map(String.init) ?? "?") with an empty body" : raw
        return OpenAIError(kind: kind, status: status, message: redactor.redact(message),
                           requestID: requestID, endpoint: endpoint)
    }

    /// True for the 429s that mean "out of credit": retrying cannot help.
    public var isQuotaExhausted: Bool {
        let markers: Set<String> = ["insufficient_quota", "credit_balance_exhausted"]
        return markers.contains(code ?? "") || markers.contains(type ?? "")
    }

    /// What the user can do about it, or nil when there is nothing specific to say.
    public var hint: String? {
        if isQuotaExhausted {
            return "the account is out of credit or quota: check billing at https://platform.openai.com/account/billing"
        }
        if code == "context_length_exceeded" {
            return "the conversation no longer fits the model's context window: re-seed it with fewer turns (or a summary)"
        }
        switch (kind, status) {
        case (.http, 401):
            return "check OPENAI_API_KEY (and OPENAI_ORG_ID / OPENAI_PROJECT_ID if set)"
        case (.http, 403):
            return "the key has no permission for this, or the region is not supported"
        case (.http, 404) where (endpoint ?? "").contains("/conversations") || param == "conversation" || param == "conversation_id":
            return "the server no longer knows this conversation: re-seed it from the local history"
        case (.http, 404) where param == "model" || code == "model_not_found":
            return "unknown model: list the available ones with the models command"
        case (.http, 429):
            return "rate limited: wait a moment and try again"
        case (.http, let s?) where s >= 500:
            return "OpenAI had a server problem: try again shortly"
        case (.transport(.connect), _):
            return "cannot reach the API: check the network and OPENAI_BASE_URL"
        case (.transport(.timeout), _):
            return "the API did not answer in time: try again"
        default:
            return nil
        }
    }

    /// A few words for the kind of failure, for notes ("connection failed", "timed out").
    public var kindDescription: String {
        switch kind {
        case .http: return "HTTP error"
        case .stream: return "error in the reply stream"
        case .transport(.connect): return "cannot connect"
        case .transport(.timeout): return "timed out"
        case .transport(.cancelled): return "cancelled"
        case .transport(.interrupted): return "connection lost"
        case .transport(.other): return "network error"
        case .decoding: return "unexpected answer"
        case .invalidRequest: return "invalid request"
        }
    }

    /// The message the user sees.
    public var description: String {
        var s = "OpenAI error"
        if let status { s += " \(status)" }
        if let endpoint { s += " on \(endpoint)" }
        s += ": \(message)"
        let tags = [type.map { "type \($0)" }, code.map { "code \($0)" }, param.map { "param \($0)" }].compactMap { $0 }
        if !tags.isEmpty { s += " (" + tags.joined(separator: ", ") + ")" }
        if retries > 0 { s += " after \(retries) retr\(retries == 1 ? "y" : "ies")" }
        if let requestID { s += " [request \(requestID)]" }
        if let hint { s += "\n  hint: \(hint)" }
        return s
    }
}
