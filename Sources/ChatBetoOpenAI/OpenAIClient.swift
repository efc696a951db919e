import ChatBetoSupport
import Foundation

/// Client for the Conversations, Responses, Embeddings and Models endpoints (https://platform.openai.com/docs/api-reference/).
/// Calls are blocking; run them off the main thread if the caller needs to stay responsive.
/// Endpoint methods live in the `OpenAIClient+*.swift` extensions.
public final class OpenAIClient: Sendable {
    /// Key, base URL, organization and project in use.
    public let config: OpenAIConfig
    /// When failed requests are retried.
    public let retryPolicy: RetryPolicy
    let transport: any HTTPTransport
    let sleeper: any Sleeper
    let redactor: SecretRedactor
    public let onRetry: (@Sendable (RetryNotice) -> Void)?
    let trace: (@Sendable (String) -> Void)?

    /// - Parameters:
    ///   - transport: defaults to a new `CurlTransport`.
    ///   - onRetry: called before and once per second during each retry wait ("retrying in 3s…").
    ///   - trace: verbose wire log (method, URL, headers with the key masked, status, request id).
    public init(config: OpenAIConfig, transport: (any HTTPTransport)? = nil, retryPolicy: RetryPolicy = RetryPolicy(),
                sleeper: any Sleeper = ThreadSleeper(), onRetry: (@Sendable (RetryNotice) -> Void)? = nil,
                trace: (@Sendable (String) -> Void)? = nil) throws {
        self.config = config
        self.transport = try transport ?? CurlTransport()
        self.retryPolicy = retryPolicy
        self.sleeper = sleeper
        self.redactor = SecretRedactor(secrets: [config.apiKey])
        self.onRetry = onRetry
        self.trace = trace
    }

    /// Redacts the API key (and anything key-like) from `text`.
    public func redact(_ text: String) -> String { redactor.redact(text) }

    // MARK: - Plain JSON requests

    /// Sends one JSON request with retries and returns the parsed 2xx body; throws `OpenAIError` otherwise.
    func requestJSON(_ method: String, _ path: String, query: [(String, String)] = [], body: JSONValue? = nil,
                     cancellation: CancellationFlag? = nil) throws -> JSONValue {
        try requestJSONWithHead(method, path, query: query, body: body, cancellation: cancellation).json
    }

    /// `requestJSON` plus the response head (request id, rate-limit headers).
    func requestJSONWithHead(_ method: String, _ path: String, query: [(String, String)] = [], body: JSONValue? = nil,
                             cancellation: CancellationFlag? = nil) throws -> (head: HTTPResponseHead, json: JSONValue) {
        let (head, data) = try requestData(method, path, query: query, body: body, cancellation: cancellation)
        guard let json = JSONValue.parse(data) else {
            throw OpenAIError(kind: .decoding, message: "the response to \(method) \(path) is not JSON",
                              requestID: head.requestID, endpoint: "\(method) \(path)")
        }
        return (head, json)
    }

    /// Like `requestJSON` but returns the raw 2xx body (for typed decoding of large payloads).
    func requestData(_ method: String, _ path: String, query: [(String, String)] = [], body: JSONValue? = nil,
                     cancellation: CancellationFlag? = nil) throws -> (head: HTTPResponseHead, body: Data) {
        let request = makeRequest(method, path, query: query, body: body, stream: false)
        return try retrying(cancellation: cancellation) { retries in
            var received = Data()
            do {
                let head = try transport.perform(request, cancellation: cancellation) { _, chunk in
                    received.append(chunk)
                    return true
                }
                traceResponse(head, body: received)
                if (200..<300).contains(head.status) { return .done((head, received)) }
                let failure = errorFrom(head, body: received, endpoint: "\(method) \(path)", retries: retries)
                return .failed(failure, .response(head, error: failure))
            } catch let error as TransportError {
                return .failed(transportError(error, endpoint: "\(method) \(path)", retries: retries), .transportFailure(error))
            }
        }
    }

    // MARK: - Streaming requests

    /// How a stream request ended at the transport level.
    enum StreamEnd {
        /// The server closed the body normally (or we stopped reading after a terminal event).
        case finished(HTTPResponseHead)
        /// The transfer broke or was cancelled after the 2xx head arrived.
        case broken(HTTPResponseHead?, TransportError)
    }

    /// POSTs `body` and feeds each SSE event of a 2xx reply to `onEvent` (return false to stop reading).
    /// Retries only while nothing of a 2xx body has been received (a stream that has started cannot be replayed).
    func requestStream(_ path: String, body: JSONValue, cancellation: CancellationFlag?,
                       onEvent: (SSEEvent) -> Bool) throws -> StreamEnd {
        let request = makeRequest("POST", path, body: body, stream: true)
        return try retrying(cancellation: cancellation) { retries in
            var parser = SSEParser()
            var errorBody = Data()
            var streamHead: HTTPResponseHead?
            do {
                let head = try transport.perform(request, cancellation: cancellation) { head, chunk in
                    guard (200..<300).contains(head.status) else { errorBody.append(chunk); return true }
                    if streamHead == nil { streamHead = head; traceResponse(head, body: nil) }
                    for event in parser.feed(chunk) where !onEvent(event) { return false }
                    return true
                }
                if (200..<300).contains(head.status) { return .done(.finished(head)) }
                traceResponse(head, body: errorBody)
                let failure = errorFrom(head, body: errorBody, endpoint: "POST \(path)", retries: retries)
                return .failed(failure, .response(head, error: failure))
            } catch let error as TransportError {
                if streamHead != nil || error.kind == .cancelled { return .done(.broken(streamHead, error)) }
                return .failed(transportError(error, endpoint: "POST \(path)", retries: retries), .transportFailure(error))
            }
        }
    }

    // MARK: - Retry

    /// What one try of a request gave: a result, or a failure and what the retry policy needs to know.
    enum Attempt<T> {
        case done(T)
        case failed(OpenAIError, RetryPolicy.Outcome)
    }

    /// The one retry loop: runs `attempt` (given the retries made so far) until it is done, or until the
    /// policy says stop (then throws its failure), waiting out each delay in between.
    private func retrying<T>(cancellation: CancellationFlag?, _ attempt: (_ retries: Int) throws -> Attempt<T>) throws -> T {
        var retries = 0
        while true {
            switch try attempt(retries) {
            case .done(let value):
                return value
            case .failed(let failure, let outcome):
                guard case .retry(let delay) = retryPolicy.decide(outcome, retriesMade: retries) else { throw failure }
                retries += 1
                try wait(delay, attempt: retries, after: failure, cancellation: cancellation)
            }
        }
    }

    // MARK: - Helpers

    func makeRequest(_ method: String, _ path: String, query: [(String, String)] = [], body: JSONValue?,
                     stream: Bool) -> HTTPRequest {
        var url = config.baseURL + path
        if !query.isEmpty {
            var allowed = CharacterSet.urlQueryAllowed
            allowed.remove(charactersIn: "&=+?#")
            url += "?" + query.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? $0.1)" }
                .joined(separator: "&")
        }
        var headers = config.standardHeaders()
        if stream { headers.append(("Accept", "text/event-stream")) } else { headers.append(("Accept", "application/json")) }
        let data = body.map { $0.serialized() }
        if let trace {
            trace("→ \(method) \(url)")
            for (name, value) in headers {
                trace("  \(name): \(name.lowercased() == "authorization" ? "Bearer " + SecretRedactor.mask(config.apiKey) : redactor.redact(value))")
            }
            if let data { trace("  " + redactor.redact(String(decoding: data.prefix(2000), as: UTF8.self))) }
        }
        // Streams may pause between events but not for minutes; plain requests get the SDK's 600 s total.
        return HTTPRequest(method: method, url: url, headers: headers, body: data, idleTimeout: stream ? 90 : 600)
    }

    private func traceResponse(_ head: HTTPResponseHead, body: Data?) {
        guard let trace else { return }
        trace("← \(head.status) request-id \(head.requestID ?? "-")")
        if let body, !body.isEmpty { trace("  " + redactor.redact(String(decoding: body.prefix(2000), as: UTF8.self))) }
    }

    func errorFrom(_ head: HTTPResponseHead, body: Data, endpoint: String, retries: Int) -> OpenAIError {
        var error = OpenAIError.fromBody(body, status: head.status, requestID: head.requestID, endpoint: endpoint, redactor: redactor)
        error.retries = retries
        return error
    }

    func transportError(_ error: TransportError, endpoint: String, retries: Int) -> OpenAIError {
        OpenAIError(kind: .transport(error.kind), message: redactor.redact(error.message), endpoint: endpoint, retries: retries)
    }

    /// Waits out a retry delay in steps of at most one second, announcing each step; stops on cancellation.
    private func wait(_ delay: Double, attempt: Int, after failure: OpenAIError, cancellation: CancellationFlag?) throws {
        let reason = [failure.status.map(String.init), failure.code ?? failure.type].compactMap { $0 }.joined(separator: " ")
        var remaining = delay
        repeat {
            if cancellation?.isCancelled == true {
                throw OpenAIError(kind: .transport(.cancelled), message: "cancelled while waiting to retry",
                                  endpoint: failure.endpoint, retries: attempt - 1)
            }
            onRetry?(RetryNotice(attempt: attempt, delay: delay, remaining: remaining, status: failure.status,
                                 reason: reason.isEmpty ? failure.kindDescription : reason))
            let step = min(1, remaining)
            sleeper.sleep(seconds: step)
            remaining -= step
        } while remaining > 0.000_1
        trace?("retry \(attempt) after \(failure.status.map(String.init) ?? "transport error")")
    }
}
