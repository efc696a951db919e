@testable import ChatBetoOpenAI
import Testing

@Suite struct OpenAIStreamAccumulatorTests {
    /// Feeds `data` payloads (with the `event:` line omitted, as some proxies do) and returns the shown deltas.
    func run(_ payloads: [String], into acc: inout ResponseStreamAccumulator) -> [String] {
        payloads.compactMap { acc.consume(SSEEvent(data: $0)) }
    }

    let created = #"{"type":"response.created","sequence_number":0,"response":{"id":"resp_1","status":"in_progress","output":[],"usage":null}}"#

    @Test func reasoningItemFirstThenMessageAtIndexOne() {
        var acc = ResponseStreamAccumulator()
        let deltas = run([
            created,
            #"{"type":"response.output_item.added","output_index":0,"item":{"id":"rs_1","type":"reasoning","summary":[]}}"#,
            #"{"type":"response.reasoning_summary_text.delta","item_id":"rs_1","delta":"thinking"}"#,
            #"{"type":"response.output_text.delta","item_id":"rs_1","output_index":0,"content_index":0,"delta":"hidden"}"#,
            #"{"type":"response.output_item.added","output_index":1,"item":{"id":"msg_1","type":"message","role":"assistant","content":[]}}"#,
            #"{"type":"response.output_text.delta","item_id":"msg_1","output_index":1,"content_index":0,"delta":"Hi","obfuscation":"x"}"#,
            #"{"type":"response.brand_new_event","whatever":{"a":1}}"#,
            #"{"type":"response.output_text.delta","item_id":"msg_1","output_index":1,"content_index":0,"delta":" there"}"#,
            #"{"type":"response.output_text.done","item_id":"msg_1","output_index":1,"content_index":0,"text":"Hi there!"}"#,
            #"{"type":"response.completed","response":{"id":"resp_1","status":"completed","output":[{"id":"rs_1","type":"reasoning","summary":[]},{"id":"msg_1","type":"message","role":"assistant","content":[{"type":"output_text","text":"Hi there!","annotations":[]}]}],"usage":{"input_tokens":37,"input_tokens_details":{"cached_tokens":5},"output_tokens":11,"output_tokens_details":{"reasoning_tokens":3},"total_tokens":48}}}"#,
        ], into: &acc)
        #expect(deltas == ["Hi", " there"])
        let r = acc.result(orIfUnfinished: .cancelled)
        #expect(r.status == .completed && r.text == "Hi there!" && r.responseID == "resp_1" && r.messageIDs == ["msg_1"])
        #expect(r.usage == TokenUsage(inputTokens: 37, outputTokens: 11, cachedInputTokens: 5, reasoningTokens: 3))
    }

    @Test func errorEventInBothShapesFails() {
        for error in [#"{"type":"error","code":"ERR_SOMETHING","message":"Something went wrong","param":null,"sequence_number":1}"#,
                      #"{"type":"error","sequence_number":2,"error":{"type":"invalid_request_error","code":"context_length_exceeded","message":"too long","param":"input"}}"#] {
            var acc = ResponseStreamAccumulator()
            _ = run([created, error], into: &acc)
            guard case .failed(let e) = acc.result(orIfUnfinished: .completed).status else {
                Issue.record("not failed: \(error)"); continue
            }
            #expect(e.kind == .stream && (e.code == "ERR_SOMETHING" || e.code == "context_length_exceeded"))
            #expect(acc.result(orIfUnfinished: .completed).responseID == "resp_1")
        }
    }

    @Test func incompleteKeepsPartialText() {
        var acc = ResponseStreamAccumulator()
        _ = run([created,
                 #"{"type":"response.output_text.delta","item_id":"msg_1","content_index":0,"delta":"par"}"#,
                 #"{"type":"response.incomplete","response":{"id":"resp_1","status":"incomplete","incomplete_details":{"reason":"max_output_tokens"},"output":[]}}"#],
                into: &acc)
        let r = acc.result(orIfUnfinished: .completed)
        #expect(r.status == .incomplete(reason: "max_output_tokens") && r.text == "par")
    }

    @Test func failedResponseCarriesItsError() {
        var acc = ResponseStreamAccumulator()
        _ = run([created, #"{"type":"response.failed","response":{"id":"resp_1","status":"failed","error":{"code":"server_error","message":"boom"}}}"#], into: &acc)
        #expect(acc.result(orIfUnfinished: .completed).status == .failed(OpenAIError(kind: .stream, message: "boom", code: "server_error")))
    }

    @Test func withoutTerminalEventTheFallbackStatusIsUsedAndDoneIsTolerated() {
        var acc = ResponseStreamAccumulator()
        _ = run([created, #"{"type":"response.output_text.delta","item_id":"m","content_index":0,"delta":"half"}"#, "[DONE]", "not json"], into: &acc)
        let r = acc.result(orIfUnfinished: .interrupted(reason: "cut"))
        #expect(r.status == .interrupted(reason: "cut") && r.text == "half" && acc.sawEvent)
    }

    @Test func refusalIsReportedSeparately() {
        var acc = ResponseStreamAccumulator()
        _ = run([#"{"type":"response.refusal.delta","delta":"I can't"}"#, #"{"type":"response.refusal.done","refusal":"I can't help."}"#], into: &acc)
        #expect(acc.result(orIfUnfinished: .completed).refusal == "I can't help.")
    }
}
