@testable import ChatBetoOpenAI
import Foundation
import Testing

@Suite struct OpenAIRetryPolicyTests {
    let policy = RetryPolicy(jitter: { 0 })

    func response(_ status: Int, _ headers: [String: String] = [:], code: String? = nil) -> RetryPolicy.Outcome {
        let error = OpenAIError(kind: .http, status: status, message: "x", type: code, code: code)
        return .response(HTTPResponseHead(status: status, headers: headers), error: error)
    }

    @Test func retriesTheStatusesTheSDKRetries() {
        for status in [408, 409, 429, 500, 502, 503, 504, 599] {
            #expect(policy.decide(response(status), retriesMade: 0) == .retry(after: 0.5), "status \(status)")
        }
        for status in [400, 401, 403, 404, 422] {
            #expect(policy.decide(response(status), retriesMade: 0) == .giveUp, "status \(status)")
        }
    }

    @Test func neverRetriesExhaustedQuota() {
        #expect(policy.decide(response(429, ["retry-after": "1"], code: "insufficient_quota"), retriesMade: 0) == .giveUp)
        #expect(policy.decide(response(429, code: "credit_balance_exhausted"), retriesMade: 0) == .giveUp)
    }

    @Test func xShouldRetryOverridesTheStatus() {
        #expect(policy.decide(response(500, ["x-should-retry": "false"]), retriesMade: 0) == .giveUp)
        #expect(policy.decide(response(400, ["X-Should-Retry": "true"]), retriesMade: 0) == .retry(after: 0.5))
    }

    @Test func serverDelayHeaders() {
        #expect(policy.decide(response(429, ["retry-after-ms": "1500", "retry-after": "9"]), retriesMade: 0) == .retry(after: 1.5))
        #expect(policy.decide(response(503, ["retry-after": "2.5"]), retriesMade: 0) == .retry(after: 2.5))
        #expect(policy.decide(response(429, ["retry-after": "120"]), retriesMade: 0) == .retry(after: 120))
        #expect(policy.decide(response(429, ["retry-after": "300"]), retriesMade: 0) == .giveUp)
        #expect(policy.decide(response(429, ["retry-after": "0"]), retriesMade: 0) == .retry(after: 0.5))
        #expect(policy.decide(response(429, ["retry-after": "soon"]), retriesMade: 1) == .retry(after: 1))
    }

    @Test func retryAfterAsHTTPDate() {
        let now = Date(timeIntervalSince1970: 1_763_045_000)  // Thu, 13 Nov 2025 14:43:20 GMT
        let head = HTTPResponseHead(status: 429, headers: ["Retry-After": "Thu, 13 Nov 2025 14:43:30 GMT"])
        #expect(RetryPolicy.serverDelay(head, now: now) == 10)
        #expect(policy.decide(.response(head, error: nil), retriesMade: 0, now: now) == .retry(after: 10))
    }

    @Test func exponentialBackoffIsCappedAndJittered() {
        #expect((0...6).map { policy.backoff($0) } == [0.5, 1, 2, 4, 8, 8, 8])
        let jittered = RetryPolicy(jitter: { 0.999_999 })
        #expect(abs(jittered.backoff(0) - 0.375) < 0.000_1)  // at most 25 % less
        #expect(abs(jittered.backoff(10) - 6) < 0.000_1)
    }

    @Test func atMostMaxRetries() {
        #expect(policy.decide(response(503), retriesMade: 1) == .retry(after: 1))
        #expect(policy.decide(response(503), retriesMade: 2) == .giveUp)
        #expect(RetryPolicy(maxRetries: 5, jitter: { 0 }).decide(response(503), retriesMade: 4) == .retry(after: 8))
    }

    @Test func transportFailures() {
        #expect(policy.decide(.transportFailure(TransportError(kind: .connect, message: "")), retriesMade: 0) == .retry(after: 0.5))
        #expect(policy.decide(.transportFailure(TransportError(kind: .timeout, message: "")), retriesMade: 1) == .retry(after: 1))
        #expect(policy.decide(.transportFailure(TransportError(kind: .cancelled, message: "")), retriesMade: 0) == .giveUp)
        #expect(policy.decide(.transportFailure(TransportError(kind: .interrupted, message: "")), retriesMade: 0) == .giveUp)
    }
}
