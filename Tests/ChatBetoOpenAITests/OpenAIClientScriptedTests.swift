@testable import ChatBetoOpenAI
@testable import ChatBetoStore
@testable import ChatBetoSupport
import ChatBetoTestSupport
import Foundation
import Testing

/// A transport that plays back scripted replies and records the requests, to test the client above the seam.
final class ScriptedTransport: HTTPTransport, @unchecked Sendable {
    enum Reply {
        case respond(status: Int, headers: [String: String], chunks: [String])
        /// Sends the chunks with a 200 head, then fails.
        case breakAfter(chunks: [String], TransportError)
        case fail(TransportError)
    }
    private let lock = NSLock()
    private var replies: [Reply]
    private(set) var requests: [HTTPRequest] = []

    init(_ replies: [Reply]) { self.replies = replies }

    func perform(_ request: HTTPRequest, cancellation: CancellationFlag?,
                 onBody: (HTTPResponseHead, Data) -> Bool) throws -> HTTPResponseHead {
        let reply: Reply = lock.withLock {
            requests.append(request)
            return replies.removeFirst()
        }
        switch reply {
        case .respond(let status, let headers, let chunks):
            let head = HTTPResponseHead(status: status, headers: headers)
            for chunk in chunks where !onBody(head, Data(chunk.utf8)) { break }
            return head
        case .breakAfter(let chunks, let error):
            let head = HTTPResponseHead(status: 200, headers: ["x-request-id": "req_s"])
            for chunk in chunks { _ = onBody(head, Data(chunk.utf8)) }
            throw error
        case .fail(let error):
            throw error
        }
    }
}

@Suite struct OpenAIClientScriptedTests {
    let config = OpenAIConfig(apiKey: "sk-scripted-0000000000000000KEY", baseURL: "https://example.test/v1",
                              organization: "org_9")

    func client(_ transport: ScriptedTransport, sleeper: RecordingSleeper = RecordingSleeper()) throws -> OpenAIClient {
        try OpenAIClient(config: config, transport: transport, retryPolicy: RetryPolicy(jitter: { 0 }), sleeper: sleeper)
    }

    static let sse = """
        event: response.created\r\ndata: {"type":"response.created","sequence_number":0,"response":{"id":"resp_9"}}\r\n\r\n\
        data: {"type":"response.output_text.delta","item_id":"msg_9","content_index":0,"delta":"Hel"}\r\n\r\n\
        data: {"type":"response.output_text.delta","item_id":"msg_9","content_index":0,"delta":"lo"}\r\n\r\n\
        data: {"type":"response.completed","response":{"id":"resp_9","status":"completed","output":[],"usage":{"input_tokens":3,"output_tokens":2}}}\r\n\r\n\
        data: {"type":"response.output_text.delta","delta":"after the end"}\r\n\r\n
        """

    @Test func buildsTheRequestAndParsesAStreamSplitAnywhere() throws {
        let bytes = Array(Self.sse.utf8)
        let chunks = stride(from: 0, to: bytes.count, by: 7).map { String(decoding: bytes[$0..<min($0 + 7, bytes.count)], as: UTF8.self) }
        // Cutting UTF-8 at arbitrary bytes is fine here because the payload is ASCII.
        let transport = ScriptedTransport([.respond(status: 200, headers: [:], chunks: chunks)])
        var deltas: [String] = []
        let result = try client(transport).streamResponse(model: "gpt-5.4", conversationID: "conv_1", input: "hi",
                                                          instructions: "short") { deltas.append($0) }
        #expect(deltas == ["Hel", "lo"] && result.text == "Hello" && result.status == .completed)
        #expect(result.usage == TokenUsage(inputTokens: 3, outputTokens: 2) && result.responseID == "resp_9")
        let request = try #require(transport.requests.first)
        #expect(request.method == "POST" && request.url == "https://example.test/v1/responses")
        let headers = Dictionary(request.headers, uniquingKeysWith: { a, _ in a })
        #expect(headers["Authorization"] == "Bearer \(config.apiKey)" && headers["OpenAI-Organization"] == "org_9")
        #expect(headers["Accept"] == "text/event-stream" && headers["OpenAI-Project"] == nil)
        let body = try #require(JSONValue.parse(request.body ?? Data()))
        #expect(body == ["model": "gpt-5.4", "conversation": "conv_1", "input": "hi", "instructions": "short",
                         "stream": true, "store": true, "stream_options": ["include_obfuscation": false]])
    }

    @Test func aStreamThatBreaksAfterAnEventIsNotRetried() throws {
        let sleeper = RecordingSleeper()
        let transport = ScriptedTransport([
            .breakAfter(chunks: [#"data: {"type":"response.created","response":{"id":"resp_1"}}"# + "\n\n"],
                        TransportError(kind: .timeout, message: "idle", receivedBody: true)),
        ])
        let result = try client(transport, sleeper: sleeper).streamResponse(model: "m", conversationID: nil, input: "x") { _ in }
        #expect(result.status == .interrupted(reason: "idle") && result.responseID == "resp_1" && result.requestID == "req_s")
        #expect(transport.requests.count == 1 && sleeper.sleeps.isEmpty)
    }

    @Test func aConnectFailureBeforeTheStreamIsRetried() throws {
        let sleeper = RecordingSleeper()
        let transport = ScriptedTransport([
            .fail(TransportError(kind: .connect, message: "refused")),
            .respond(status: 200, headers: [:], chunks: [#"data: {"type":"response.completed","response":{"id":"r","output":[{"type":"message","id":"m","role":"assistant","content":[{"type":"output_text","text":"ok"}]}]}}"# + "\n\n"]),
        ])
        let result = try client(transport, sleeper: sleeper).streamResponse(model: "m", conversationID: nil, input: "x") { _ in }
        #expect(result.text == "ok" && result.messageIDs == ["m"] && sleeper.sleeps == [0.5])
    }

    @Test func listingPagesWithAfterAndSkipsNonMessages() throws {
        let page1 = #"{"object":"list","data":[{"type":"message","id":"a","role":"user","content":[{"type":"input_text","text":"q"}]},{"type":"reasoning","id":"rs","summary":[]}],"first_id":"a","last_id":"rs","has_more":true}"#
        let page2 = #"{"object":"list","data":[{"type":"message","id":"b","role":"assistant","content":[{"type":"output_text","text":"r"}]}],"first_id":"b","last_id":"b","has_more":false}"#
        let transport = ScriptedTransport([.respond(status: 200, headers: [:], chunks: [page1]),
                                           .respond(status: 200, headers: [:], chunks: [page2])])
        let messages = try client(transport).listAllMessages(conversationID: "conv_1")
        #expect(messages.map(\.id) == ["a", "b"] && messages.map(\.text) == ["q", "r"])
        #expect(transport.requests.map(\.url) == ["https://example.test/v1/conversations/conv_1/items?limit=100&order=asc",
                                                  "https://example.test/v1/conversations/conv_1/items?limit=100&order=asc&after=rs"])
    }

    @Test func cancellingDuringARetryWaitEndsTheTurnAsCancelled() throws {
        let flag = CancellationFlag()
        final class CancellingSleeper: Sleeper, @unchecked Sendable {
            let flag: CancellationFlag
            init(_ flag: CancellationFlag) { self.flag = flag }
            func sleep(seconds: Double) { flag.cancel() }
        }
        let transport = ScriptedTransport([.respond(status: 503, headers: ["retry-after": "5"], chunks: ["{}"])])
        let client = try OpenAIClient(config: config, transport: transport, sleeper: CancellingSleeper(flag))
        let result = try client.streamResponse(model: "m", conversationID: nil, input: "x", cancellation: flag) { _ in }
        #expect(result.status == .cancelled && transport.requests.count == 1)
    }
}
