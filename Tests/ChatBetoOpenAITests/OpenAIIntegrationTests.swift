@testable import ChatBetoOpenAI
@testable import ChatBetoStore
@testable import ChatBetoSupport
import ChatBetoTestSupport
import Foundation
import Testing

/// End-to-end over a real loopback socket: CurlTransport ↔ Tests/FakeOpenAI/fake_openai.py.
/// Serialized because the timing checks need the two cores to themselves.
@Suite(.serialized) struct OpenAIIntegrationTests {
    let server: FakeOpenAIServer
    let sleeper = RecordingSleeper()
    let notices = Collector<RetryNotice>()
    let traceLines = Collector<String>()
    let client: OpenAIClient

    init() throws {
        server = try FakeOpenAIServer()
        let notices = self.notices, traceLines = self.traceLines
        client = try OpenAIClient(config: server.config(), retryPolicy: RetryPolicy(jitter: { 0 }), sleeper: sleeper,
                                  onRetry: { notices.append($0) }, trace: { traceLines.append($0) })
    }

    static func history(_ n: Int) -> [InputMessage] {
        (0..<n).map { InputMessage(role: $0 % 2 == 0 ? .user : .assistant, text: "turn \($0)") }
    }

    @Test func seedingInBatchesKeepsOrder() throws {
        let history = Self.history(45)
        let conv = try client.createConversation(items: Array(history.prefix(20)), metadata: ["local_id": "42"])
        var watermarks: [Int] = []
        let ids = try client.appendItems(conversationID: conv, items: Array(history.dropFirst(20)), onBatch: { watermarks.append($0) })
        #expect(ids.count == 25 && Set(ids).count == 25 && ids.allSatisfy { $0.hasPrefix("msg_") })
        #expect(watermarks == [20, 25])
        #expect(try server.requests(to: "/conversations/\(conv)/items").count == 2)
        let messages = try client.listAllMessages(conversationID: conv)
        #expect(messages.map(\.text) == history.map(\.text))
        #expect(messages.map(\.role) == history.map { $0.role.rawValue })
        let newest = try client.listItems(conversationID: conv, order: .descending, limit: 20)
        #expect(newest.hasMore && newest.items.first?.text == "turn 44" && newest.items.count == 20)
        let next = try client.listItems(conversationID: conv, order: .descending, limit: 20, after: newest.lastID)
        #expect(next.items.first?.text == "turn 24")
        #expect(try client.conversationMetadata(id: conv) == ["local_id": "42"])
        #expect(try client.deleteConversation(id: conv))
        let gone = openAIError { _ = try client.listItems(conversationID: conv) }
        #expect(gone?.status == 404 && gone?.hint?.contains("re-seed") == true)
    }

    @Test func tooManySeedItemsAreRefusedBeforeSending() throws {
        let e = openAIError { _ = try client.createConversation(items: Self.history(21)) }
        #expect(e?.kind == .invalidRequest)
        #expect(try server.requests().isEmpty)
    }

    @Test func streamingDeliversDeltasIncrementallyAndAppendsTheTurn() throws {
        try server.configure(["event_delay_ms": 60])
        let conv = try client.createConversation(items: Self.history(2))
        let start = Date()
        var arrivals: [(String, Double)] = []
        let result = try client.streamResponse(model: "gpt-5.4", conversationID: conv, input: "one two three four",
                                               instructions: "Be brief.") { arrivals.append(($0, Date().timeIntervalSince(start))) }
        let end = Date().timeIntervalSince(start)
        #expect(result.status == .completed)
        #expect(result.text == "You said: one two three four")
        #expect(arrivals.map(\.0).joined() == result.text && arrivals.count == 6)
        // Incremental: the first delta is shown long before the stream is over, and deltas are spread out.
        let first = try #require(arrivals.first?.1), last = try #require(arrivals.last?.1)
        #expect(end - first > 0.3 && last - first > 0.2)
        #expect(result.responseID?.hasPrefix("resp_") == true && result.messageIDs.count == 1)
        #expect((result.usage?.inputTokens ?? 0) > 0 && (result.usage?.outputTokens ?? 0) > 0)
        #expect(result.requestID?.hasPrefix("req_") == true && result.rateLimit?.remainingRequests == 59)
        let items = try client.listAllMessages(conversationID: conv)
        #expect(items.suffix(2).map(\.role) == ["user", "assistant"] && items.last?.text == result.text)
        let body = try #require(JSONValue.parse(Data((try server.requests(to: "/responses").first?["body"]?.string ?? "").utf8)))
        #expect(body["conversation"]?.string == conv && body["stream"]?.bool == true && body["instructions"]?.string == "Be brief.")
        #expect(body["previous_response_id"] == nil)
    }

    @Test func awkwardFramingStillYieldsTheText() throws {
        try server.configure(["reasoning": true, "crlf": true, "comments": true, "split_writes": true, "unknown_events": true,
                              "reply": "Grüße, Welt 👋 — fine"])
        let result = try client.streamResponse(model: "gpt-5.4", conversationID: nil, input: "hi") { _ in }
        #expect(result.status == .completed && result.text == "Grüße, Welt 👋 — fine" && result.messageIDs.count == 1)
    }

    @Test func nonStreamingResponseAppendsToTheConversation() throws {
        let conv = try client.createConversation()
        let result = try client.createResponse(model: "gpt-5.4", conversationID: conv, input: "ping")
        #expect(result.status == .completed && result.text == "You said: ping" && result.usage != nil)
        #expect(result.requestID != nil && result.rateLimit?.resetTokens == 360)
        #expect(try client.listAllMessages(conversationID: conv).map(\.role) == ["user", "assistant"])
    }

    @Test func rateLimitIsRetriedAfterRetryAfterMs() throws {
        try server.queueFaults(["name": "rate_limit", "path": "/v1/responses", "retry_after_ms": 1500])
        let result = try client.streamResponse(model: "gpt-5.4", conversationID: nil, input: "x") { _ in }
        #expect(result.status == .completed)
        #expect(sleeper.sleeps == [1, 0.5])
        #expect(notices.items.map(\.remaining) == [1.5, 0.5])
        #expect(notices.items.allSatisfy { $0.attempt == 1 && $0.delay == 1.5 && $0.status == 429 && $0.reason == "429 rate_limit_exceeded" })
        #expect(try server.requests(to: "/responses").count == 2)
    }

    @Test func overloadIsRetriedThenGivesUpAfterTwoRetries() throws {
        try server.queueFaults(["name": "overloaded", "retry_after_ms": 250])
        #expect(try client.listModels().contains { $0.id == "gpt-5.4" })
        #expect(sleeper.sleeps == [0.25])
        try server.queueFaults(["name": "server_error", "count": 3])
        let e = openAIError { _ = try client.listModels() }
        #expect(e?.status == 500 && e?.retries == 2)
        #expect(sleeper.sleeps == [0.25, 0.5, 1])  // no retry-after on the 500s: exponential backoff
        #expect(try server.requests(to: "/models").count == 5)
    }

    @Test func noRetryOnExhaustedQuotaLongRetryAfterOrShouldRetryFalse() throws {
        try server.queueFaults(["name": "insufficient_quota"])
        let quota = openAIError { _ = try client.streamResponse(model: "gpt-5.4", conversationID: nil, input: "x") { _ in } }
        #expect(quota?.status == 429 && quota?.isQuotaExhausted == true && quota?.hint?.contains("billing") == true)
        try server.queueFaults(["name": "rate_limit_long"])
        #expect(openAIError { _ = try client.listModels() }?.status == 429)
        try server.queueFaults(["name": "server_error", "should_retry": "false"])
        #expect(openAIError { _ = try client.listModels() }?.status == 500)
        #expect(sleeper.sleeps.isEmpty && notices.items.isEmpty)
        #expect(try server.requests().count == 3)
    }

    @Test func streamCutMidReplyKeepsThePartialText() throws {
        try server.queueFaults(["name": "stream_cut", "after_deltas": 2])
        var shown = ""
        let result = try client.streamResponse(model: "gpt-5.4", conversationID: nil, input: "a b c d") { shown += $0 }
        guard case .interrupted = result.status else { Issue.record("status \(result.status)"); return }
        #expect(result.text == "You said: " && shown == result.text && result.responseID != nil)
        #expect(sleeper.sleeps.isEmpty)  // never retried once the stream had started
    }

    @Test func cancelFromTheDeltaCallbackStopsTheStream() throws {
        try server.configure(["event_delay_ms": 200])
        let flag = CancellationFlag()
        let start = Date()
        var shown = ""
        let result = try client.streamResponse(model: "gpt-5.4", conversationID: nil, input: "1 2 3 4 5 6 7 8 9",
                                               cancellation: flag) { shown += $0; flag.cancel() }
        #expect(result.status == .cancelled && result.text == "You " && shown == "You ")
        #expect(Date().timeIntervalSince(start) < 2)  // the full reply would take ~3 s
    }

    @Test func cancelFromAnotherThreadWhileWaitingForData() throws {
        try server.configure(["event_delay_ms": 1500])
        let flag = CancellationFlag()
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.4) { flag.cancel() }
        let start = Date()
        let result = try client.streamResponse(model: "gpt-5.4", conversationID: nil, input: "slow reply here",
                                               cancellation: flag) { _ in }
        #expect(result.status == .cancelled)
        #expect(Date().timeIntervalSince(start) < 3)  // the full reply would take ~15 s
    }

    @Test func ctrlCRaisesTheFlagOnlyWhileTheRequestRuns() throws {
        try server.configure(["event_delay_ms": 200])
        let ignore = signal(SIGINT, SIG_IGN)  // whatever happens, a stray SIGINT must not kill the test run
        defer { signal(SIGINT, ignore) }
        let flag = CancellationFlag()
        var shown = ""
        let result = try flag.raisedOnInterrupt {
            try client.streamResponse(model: "gpt-5.4", conversationID: nil, input: "1 2 3 4 5 6 7 8 9",
                                      cancellation: flag) { shown += $0; kill(getpid(), SIGINT) }  // as a terminal sends it
        }
        #expect(result.status == .cancelled && shown.hasPrefix("You ") && shown.count < 12)
        flag.reset()
        kill(getpid(), SIGINT)  // the previous disposition (ignore) is back: the flag stays down
        Thread.sleep(forTimeInterval: 0.1)
        #expect(!flag.isCancelled)
    }

    @Test func errorEventsInBothShapesAndOtherEndings() throws {
        try server.queueFaults(["name": "error_event_flat"], ["name": "error_event_nested"], ["name": "incomplete"], ["name": "failed"])
        let flat = try client.streamResponse(model: "gpt-5.4", conversationID: nil, input: "x") { _ in }
        guard case .failed(let e1) = flat.status else { Issue.record("flat: \(flat.status)"); return }
        #expect(e1.code == "server_error" && e1.message == "Something went wrong")
        let nested = try client.streamResponse(model: "gpt-5.4", conversationID: nil, input: "x") { _ in }
        guard case .failed(let e2) = nested.status else { Issue.record("nested: \(nested.status)"); return }
        #expect(e2.code == "context_length_exceeded" && e2.hint?.contains("fewer turns") == true)
        let incomplete = try client.streamResponse(model: "gpt-5.4", conversationID: nil, input: "a b") { _ in }
        #expect(incomplete.status == .incomplete(reason: "max_output_tokens") && incomplete.text == "You said: a b")
        let failed = try client.streamResponse(model: "gpt-5.4", conversationID: nil, input: "x") { _ in }
        guard case .failed(let e3) = failed.status else { Issue.record("failed: \(failed.status)"); return }
        #expect(e3.code == "server_error")
    }

    @Test func httpErrorsCarryStatusCodeRequestIDAndHint() throws {
        let missing = openAIError { _ = try client.streamResponse(model: "gpt-5.4", conversationID: "conv_nope", input: "x") { _ in } }
        #expect(missing?.status == 404 && missing?.hint?.contains("re-seed") == true && missing?.requestID != nil)
        try server.queueFaults(["name": "context_length_exceeded"])
        let long = openAIError { _ = try client.createResponse(model: "gpt-5.4", conversationID: nil, input: "x") }
        #expect(long?.status == 400 && long?.code == "context_length_exceeded" && long?.hint?.contains("fewer turns") == true)
    }

    @Test func wrongKeyGives401WithoutLeakingAnyKey() throws {
        let wrongKey = "sk-wrong-9876543210zyxwvutsrq"
        let bad = try OpenAIClient(config: server.config(key: wrongKey), sleeper: sleeper)
        let e = try #require(openAIError { _ = try bad.listModels() })
        #expect(e.status == 401 && e.code == "invalid_api_key" && e.hint?.contains("OPENAI_API_KEY") == true)
        #expect(!e.description.contains(wrongKey) && !String(describing: e).contains(wrongKey))
        #expect(sleeper.sleeps.isEmpty)
    }

    @Test func keyTravelsOnlyInTheAuthorizationHeaderAndNeverInTraces() throws {
        let scoped = try OpenAIClient(config: OpenAIConfig(apiKey: FakeOpenAIServer.apiKey, baseURL: server.baseURL,
                                                           organization: "org_1", project: "proj_1"))
        _ = try scoped.listModels()
        let conv = try client.createConversation(items: Self.history(1))
        _ = try client.streamResponse(model: "gpt-5.4", conversationID: conv, input: "x") { _ in }
        let key = FakeOpenAIServer.apiKey
        let requests = try server.requests()
        #expect(requests.count == 3)
        for request in requests {
            let headers = request["headers"]?.object ?? [:]
            let auth = headers.first { $0.key.lowercased() == "authorization" }?.value.string
            #expect(auth == "Bearer \(key)")
            #expect(headers.filter { $0.key.lowercased() != "authorization" }.allSatisfy { !($0.value.string ?? "").contains(key) })
            #expect(!(request["body"]?.string ?? "").contains(key) && !(request["path"]?.string ?? "").contains(key))
        }
        let first = requests[0]["headers"]?.object ?? [:]
        #expect(first["OpenAI-Organization"]?.string == "org_1" && first["OpenAI-Project"]?.string == "proj_1")
        let lines = traceLines.items
        #expect(lines.contains { $0.hasPrefix("→ POST ") } && lines.contains { $0.contains("Authorization: Bearer sk-…") })
        #expect(lines.allSatisfy { !$0.contains(key) })
    }

    @Test func embeddingsAreBatchedOrderedAndDeterministic() throws {
        let inputs = (0..<2100).map { "text number \($0 % 700)" }
        let result = try client.embeddings(model: "text-embedding-3-small", inputs: inputs, dimensions: 8)
        #expect(result.requests == 2 && result.vectors.count == 2100 && result.vectors.allSatisfy { $0.count == 8 })
        #expect(result.vectors[0] == result.vectors[700] && result.vectors[0] != result.vectors[1])
        #expect(result.promptTokens > 0 && result.totalTokens == result.promptTokens)
        let sizes = try server.requests(to: "/embeddings").compactMap {
            JSONValue.parse(Data(($0["body"]?.string ?? "").utf8))?["input"]?.array?.count
        }
        #expect(sizes == [2048, 52])
        let full = try client.embeddings(model: "text-embedding-3-small", inputs: ["text number 0"])
        #expect(full.vectors[0].count == 1536)
        #expect(openAIError { _ = try client.embeddings(model: "text-embedding-3-small", inputs: ["ok", ""]) }?.kind == .invalidRequest)
    }

    @Test func connectionRefusedIsATransportErrorAfterRetries() throws {
        let dead = try OpenAIClient(config: OpenAIConfig(apiKey: "sk-x", baseURL: "http://127.0.0.1:1/v1"),
                                    retryPolicy: RetryPolicy(jitter: { 0 }), sleeper: sleeper)
        let e = openAIError { _ = try dead.listModels() }
        #expect(e?.kind == .transport(.connect) && e?.retries == 2 && e?.hint?.contains("OPENAI_BASE_URL") == true)
        #expect(sleeper.sleeps == [0.5, 1])
    }
}
