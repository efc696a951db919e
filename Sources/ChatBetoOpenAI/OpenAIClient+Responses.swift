import ChatBetoSupport
import Foundation

/// What a response is asked about.
public enum ResponseInput: Sendable, Equatable, ExpressibleByStringLiteral {
    /// One user turn (the normal case with a conversation).
    case text(String)
    /// Explicit messages (e.g. the whole history for a stateless `store:false` call).
    case messages([InputMessage])

    /// Text input from a literal.
    public init(stringLiteral value: String) { self = .text(value) }

    var json: JSONValue {
        switch self {
        case .text(let s): return .string(s)
        case .messages(let m): return .array(m.map(\.json))
        }
    }
}

/// Responses API (https://platform.openai.com/docs/api-reference/responses, responses-streaming).
extension OpenAIClient {
    /// `POST /responses` with `stream: true`. `onDelta` receives assistant text as it arrives.
    /// Non-2xx replies (auth, rate limit after retries, unknown conversation…) throw `OpenAIError`;
    /// anything that goes wrong after the stream started is reported in the result's `status`
    /// with the partial text: `.failed` (error event in either shape, `response.failed`),
    /// `.incomplete`, `.cancelled` (the flag was raised), `.interrupted` (no terminal event).
    public func streamResponse(model: String, conversationID: String?, input: ResponseInput,
                               instructions: String? = nil, maxOutputTokens: Int? = nil,
                               metadata: [String: String] = [:], cancellation: CancellationFlag? = nil,
                               onDelta: (String) -> Void) throws -> ResponseResult {
        let body = try responseBody(model: model, conversationID: conversationID, input: input,
                                    instructions: instructions, maxOutputTokens: maxOutputTokens,
                                    metadata: metadata, stream: true)
        var accumulator = ResponseStreamAccumulator(redactor: redactor)
        let end: StreamEnd
        do {
            end = try requestStream("/responses", body: body, cancellation: cancellation) { event in
                if let delta = accumulator.consume(event) { onDelta(delta) }
                return accumulator.terminal == nil
            }
        } catch let error as OpenAIError where error.kind == .transport(.cancelled) {
            return accumulator.result(orIfUnfinished: .cancelled)
        }
        switch end {
        case .finished(let head):
            return accumulator.result(orIfUnfinished: .interrupted(reason: "the stream ended without response.completed"),
                                      head: head)
        case .broken(let head, let failure):
            let status: ResponseStatus = failure.kind == .cancelled
                ? .cancelled : .interrupted(reason: redactor.redact(failure.message))
            return accumulator.result(orIfUnfinished: status, head: head)
        }
    }

    /// Convenience for one user turn of text.
    public func streamResponse(model: String, conversationID: String?, input: String, instructions: String? = nil,
                               maxOutputTokens: Int? = nil, cancellation: CancellationFlag? = nil,
                               onDelta: (String) -> Void) throws -> ResponseResult {
        try streamResponse(model: model, conversationID: conversationID, input: .text(input), instructions: instructions,
                           maxOutputTokens: maxOutputTokens, cancellation: cancellation, onDelta: onDelta)
    }

    /// `POST /responses` without streaming. Returns the completed (or incomplete/failed) response.
    public func createResponse(model: String, conversationID: String?, input: ResponseInput,
                               instructions: String? = nil, maxOutputTokens: Int? = nil,
                               metadata: [String: String] = [:]) throws -> ResponseResult {
        let body = try responseBody(model: model, conversationID: conversationID, input: input,
                                    instructions: instructions, maxOutputTokens: maxOutputTokens,
                                    metadata: metadata, stream: false)
        let (head, json) = try requestJSONWithHead("POST", "/responses", body: body)
        let extracted = ResponseStreamAccumulator.assistantText(of: json)
        let status: ResponseStatus
        switch json["status"]?.string {
        case "completed": status = .completed
        case "incomplete": status = .incomplete(reason: json["incomplete_details"]?["reason"]?.string)
        case "failed", "cancelled":
            status = .failed(OpenAIError(kind: .stream, message: redactor.redact(json["error"]?["message"]?.string ?? "the response failed"),
                                         code: json["error"]?["code"]?.string, endpoint: "POST /responses"))
        default: status = .interrupted(reason: "unexpected status \(json["status"]?.string ?? "none")")
        }
        return ResponseResult(responseID: json["id"]?.string, text: extracted.text, usage: TokenUsage.from(json["usage"]),
                              status: status, messageIDs: extracted.ids, refusal: extracted.refusal,
                              requestID: head.requestID, rateLimit: RateLimitStatus(head: head))
    }

    func responseBody(model: String, conversationID: String?, input: ResponseInput, instructions: String?,
                      maxOutputTokens: Int?, metadata: [String: String], stream: Bool) throws -> JSONValue {
        try Self.validate(metadata: metadata, endpoint: "POST /responses")
        var body: [String: JSONValue] = ["model": .string(model), "input": input.json, "stream": .bool(stream), "store": true]
        if let conversationID { body["conversation"] = .string(conversationID) }
        if let instructions { body["instructions"] = .string(instructions) }
        if let maxOutputTokens { body["max_output_tokens"] = .number(Double(max(16, maxOutputTokens))) }
        if !metadata.isEmpty { body["metadata"] = .object(metadata.mapValues { .string($0) }) }
        if stream { body["stream_options"] = ["include_obfuscation": false] }
        return .object(body)
    }
}
