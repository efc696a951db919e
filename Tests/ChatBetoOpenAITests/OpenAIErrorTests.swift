@testable import ChatBetoOpenAI
import Foundation
import Testing

@Suite struct OpenAIErrorTests {
    let key = "sk-proj-ABCDEFGHIJKLMNOPQRSTUVWXYZ123456"
    var redactor: SecretRedactor { SecretRedactor(secrets: [key]) }

    @Test func parsesTheEnvelope() {
        let body = #"{"error":{"message":"Incorrect API key provided: sk-abc***xyz.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}"#
        let e = OpenAIError.fromBody(Data(body.utf8), status: 401, requestID: "req_1", endpoint: "GET /models", redactor: redactor)
        #expect(e.status == 401 && e.code == "invalid_api_key" && e.type == "invalid_request_error" && e.requestID == "req_1")
        #expect(e.hint?.contains("OPENAI_API_KEY") == true)
        #expect(e.description.contains("[request req_1]") && e.description.contains("GET /models"))
    }

    @Test func parsesABareErrorObjectAndBothStreamShapes() {
        let bare = OpenAIError.fromBody(Data(#"{"message":"gone","type":"invalid_request_error","param":null,"code":null}"#.utf8),
                                        status: 404, redactor: redactor)
        #expect(bare.message == "gone" && bare.code == nil)
        let flat = OpenAIError.fromBody(Data(#"{"type":"error","code":"ERR_X","message":"Something went wrong","param":null,"sequence_number":1}"#.utf8),
                                        status: nil, kind: .stream, redactor: redactor)
        #expect(flat.code == "ERR_X" && flat.message == "Something went wrong")
        let nested = OpenAIError.fromBody(Data(#"{"type":"error","sequence_number":2,"error":{"type":"insufficient_quota","code":"credit_balance_exhausted","message":"no credit","param":null}}"#.utf8),
                                          status: nil, kind: .stream, redactor: redactor)
        #expect(nested.code == "credit_balance_exhausted" && nested.isQuotaExhausted)
    }

    @Test func nonJSONBodyKeepsTheText() {
        let e = OpenAIError.fromBody(Data("<html>502 Bad Gateway</html>".utf8), status: 502, redactor: redactor)
        #expect(e.message.contains("502 Bad Gateway") && e.hint?.contains("server problem") == true)
    }

    @Test func hintsNameTheAction() {
        #expect(OpenAIError(kind: .http, status: 429, message: "", type: "insufficient_quota", code: "insufficient_quota").hint?.contains("billing") == true)
        #expect(OpenAIError(kind: .http, status: 400, message: "", code: "context_length_exceeded").hint?.contains("fewer turns") == true)
        #expect(OpenAIError(kind: .stream, message: "", code: "context_length_exceeded").hint?.contains("fewer turns") == true)
        #expect(OpenAIError(kind: .http, status: 404, message: "", endpoint: "POST /conversations/conv_1/items").hint?.contains("re-seed") == true)
        #expect(OpenAIError(kind: .http, status: 404, message: "", param: "conversation", endpoint: "POST /responses").hint?.contains("re-seed") == true)
        #expect(OpenAIError(kind: .http, status: 404, message: "", code: "model_not_found", param: "model").hint?.contains("model") == true)
        #expect(OpenAIError(kind: .http, status: 429, message: "", code: "rate_limit_exceeded").hint?.contains("rate limited") == true)
        #expect(OpenAIError(kind: .http, status: 400, message: "", code: "invalid_value").hint == nil)
    }

    @Test func keyNeverAppearsInMessagesOrDescriptions() {
        let body = #"{"error":{"message":"Incorrect API key provided: \#(key). Header was Bearer \#(key)","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}"#
        let e = OpenAIError.fromBody(Data(body.utf8), status: 401, redactor: redactor)
        #expect(!e.description.contains(key) && !e.message.contains(key))
        #expect(e.description.contains("sk-…3456"))
    }

    @Test func redactorMasksKeysBearersAndKeyLikeTokens() {
        #expect(redactor.redact("Authorization: Bearer \(key)") == "Authorization: Bearer ***")
        #expect(!redactor.redact("x=\(key)&y").contains(key))
        let other = "sk-live-0000111122223333444455"
        #expect(SecretRedactor(secrets: []).redact("leaked \(other) here") == "leaked sk-…4455 here")
        #expect(SecretRedactor(secrets: []).redact("task-list and sk-short stay") == "task-list and sk-short stay")
    }
}
