import Foundation

/// Folds Responses API stream events (https://platform.openai.com/docs/api-reference/responses-streaming) into a `ResponseResult`. Pure: no I/O.
struct ResponseStreamAccumulator: Sendable {
    private var responseID: String?
    private var assistantItems: [String] = []
    private var otherItems: Set<String> = []
    /// Text per (item, content index), in order of first appearance.
    private var parts: [(key: String, text: String)] = []
    private var refusal: String?
    private var finalText: String?
    private var usage: TokenUsage?
    private let redactor: SecretRedactor
    /// The terminal status, once a terminal event arrived.
    public private(set) var terminal: ResponseStatus?
    /// Whether any event has been consumed (after which a request must not be retried blindly).
    public private(set) var sawEvent = false

    /// An accumulator that masks these secrets in what it collects.
    public init(redactor: SecretRedactor = SecretRedactor(secrets: [])) { self.redactor = redactor }

    /// Consumes one SSE event and returns the text to show now (an assistant `output_text` delta), if any.
    /// Dispatches on `data.type` because proxies may drop the `event:` line; unknown types are ignored.
    public mutating func consume(_ event: SSEEvent) -> String? {
        guard terminal == nil else { return nil }
        if event.data == "[DONE]" { return nil }
        guard let json = JSONValue.parse(Data(event.data.utf8)) else { return nil }
        sawEvent = true
        let type = json["type"]?.string ?? event.event
        switch type {
        case "response.created", "response.in_progress", "response.queued":
            responseID = json["response"]?["id"]?.string ?? responseID
        case "response.output_item.added", "response.output_item.done":
            if let item = json["item"], let id = item["id"]?.string {
                if item["type"]?.string == "message", (item["role"]?.string ?? "assistant") == "assistant" {
                    if !assistantItems.contains(id) { assistantItems.append(id) }
                } else {
                    otherItems.insert(id)
                }
            }
        case "response.output_text.delta":
            guard let delta = json["delta"]?.string, isAssistant(json) else { return nil }
            append(delta, key: partKey(json))
            return delta
        case "response.output_text.done":
            if let text = json["text"]?.string, isAssistant(json) { replace(text, key: partKey(json)) }
        case "response.refusal.delta":
            if let delta = json["delta"]?.string { refusal = (refusal ?? "") + delta }
        case "response.refusal.done":
            if let text = json["refusal"]?.string { refusal = text }
        case "response.completed":
            finish(json["response"])
            terminal = .completed
        case "response.incomplete":
            finish(json["response"])
            terminal = .incomplete(reason: json["response"]?["incomplete_details"]?["reason"]?.string)
        case "response.failed":
            finish(json["response"])
            let error = json["response"]?["error"]
            terminal = .failed(OpenAIError(kind: .stream, message: redactor.redact(error?["message"]?.string ?? "the response failed"),
                                           code: error?["code"]?.string))
        case "error":
            terminal = .failed(OpenAIError.fromBody(Data(event.data.utf8), status: nil, kind: .stream, redactor: redactor))
        default:
            break
        }
        return nil
    }

    /// The result so far; `fallback` is the status to report when no terminal event arrived.
    public func result(orIfUnfinished fallback: ResponseStatus, head: HTTPResponseHead? = nil) -> ResponseResult {
        ResponseResult(responseID: responseID, text: finalText ?? parts.map(\.text).joined(), usage: usage,
                       status: terminal ?? fallback, messageIDs: assistantItems, refusal: refusal,
                       requestID: head?.requestID, rateLimit: head.flatMap(RateLimitStatus.init(head:)))
    }

    private func isAssistant(_ json: JSONValue) -> Bool {
        guard let id = json["item_id"]?.string else { return true }
        return !otherItems.contains(id)
    }

    private func partKey(_ json: JSONValue) -> String {
        "\(json["item_id"]?.string ?? "")#\(json["content_index"]?.int ?? 0)"
    }

    private mutating func append(_ delta: String, key: String) {
        if let i = parts.firstIndex(where: { $0.key == key }) { parts[i].text += delta } else { parts.append((key, delta)) }
    }

    private mutating func replace(_ text: String, key: String) {
        if let i = parts.firstIndex(where: { $0.key == key }) { parts[i].text = text } else { parts.append((key, text)) }
    }

    private mutating func finish(_ response: JSONValue?) {
        guard let response else { return }
        responseID = response["id"]?.string ?? responseID
        usage = TokenUsage.from(response["usage"]) ?? usage
        let extracted = ResponseStreamAccumulator.assistantText(of: response)
        if !extracted.ids.isEmpty {
            finalText = extracted.text
            for id in extracted.ids where !assistantItems.contains(id) { assistantItems.append(id) }
        }
    }

    /// Concatenates `output_text` over assistant `message` items of a `Response` (never assumes `output[0]`).
    static func assistantText(of response: JSONValue) -> (text: String, ids: [String], refusal: String?) {
        var text = "", ids: [String] = [], refusal: String?
        for item in response["output"]?.array ?? [] where item["type"]?.string == "message"
            && (item["role"]?.string ?? "assistant") == "assistant" {
            if let id = item["id"]?.string { ids.append(id) }
            for part in item["content"]?.array ?? [] {
                if part["type"]?.string == "output_text" { text += part["text"]?.string ?? "" }
                if part["type"]?.string == "refusal" { refusal = (refusal ?? "") + (part["refusal"]?.string ?? "") }
            }
        }
        return (text, ids, refusal)
    }
}
