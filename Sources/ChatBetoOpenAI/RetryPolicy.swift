import Foundation

/// When and how long to wait before retrying a request: the official openai-python SDK's rules (max_retries 2, 0.5 s doubling to 8 s with jitter, Retry-After honoured).
public struct RetryPolicy: Sendable {
    /// Retries after the first attempt (SDK default 2).
    public var maxRetries: Int
    /// First backoff step in seconds, doubled per retry.
    public var initialDelay: Double
    /// Cap on one backoff step.
    public var maxDelay: Double
    /// A server-requested delay above this is not waited for: the request fails instead.
    public var maxServerDelay: Double
    /// Returns a value in [0, 1); the backoff is reduced by up to 25 % of it.
    public var jitter: @Sendable () -> Double

    /// How often and how long to retry a failed request.
    public init(maxRetries: Int = 2, initialDelay: Double = 0.5, maxDelay: Double = 8, maxServerDelay: Double = 120,
                jitter: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }) {
        self.maxRetries = maxRetries; self.initialDelay = initialDelay; self.maxDelay = maxDelay
        self.maxServerDelay = maxServerDelay; self.jitter = jitter
    }

    /// What happened on one attempt.
    public enum Outcome: Sendable {
        /// No HTTP response at all (connect error, timeout before any byte).
        case transportFailure(TransportError)
        /// An HTTP response with this head; `error` is the parsed body when it was an error.
        case response(HTTPResponseHead, error: OpenAIError?)
    }

    /// Retry after a delay in seconds, or give up.
    public enum Decision: Sendable, Equatable {
        case retry(after: Double)
        case giveUp
    }

    /// Decides after an attempt, given how many retries were already made. `now` resolves HTTP-date `Retry-After`.
    public func decide(_ outcome: Outcome, retriesMade: Int, now: Date = Date()) -> Decision {
        guard retriesMade < maxRetries else { return .giveUp }
        switch outcome {
        case .transportFailure(let failure):
            switch failure.kind {
            case .connect, .timeout, .other: return .retry(after: backoff(retriesMade))
            case .cancelled, .interrupted: return .giveUp
            }
        case .response(let head, let error):
            if let should = head[header: "x-should-retry"]?.lowercased() {
                if should == "false" { return .giveUp }
                if should == "true" { return delay(head, retriesMade: retriesMade, now: now) }
            }
            let s = head.status
            guard s == 408 || s == 409 || s == 429 || s >= 500 else { return .giveUp }
            if s == 429, error?.isQuotaExhausted == true { return .giveUp }
            return delay(head, retriesMade: retriesMade, now: now)
        }
    }

    /// `min(initial × 2^n, max) × (1 − 0.25·jitter)`.
    public func backoff(_ retriesMade: Int) -> Double {
        let base = min(initialDelay * pow(2, Double(retriesMade)), maxDelay)
        return base * (1 - 0.25 * jitter())
    }

    private func delay(_ head: HTTPResponseHead, retriesMade: Int, now: Date) -> Decision {
        if let server = RetryPolicy.serverDelay(head, now: now) {
            if server > maxServerDelay { return .giveUp }
            if server > 0 { return .retry(after: server) }
        }
        return .retry(after: backoff(retriesMade))
    }

    /// The delay the server asked for: `retry-after-ms`, else `Retry-After` in (fractional) seconds or as an HTTP-date.
    public static func serverDelay(_ head: HTTPResponseHead, now: Date = Date()) -> Double? {
        if let ms = head[header: "retry-after-ms"].flatMap({ Double($0.trimmingCharacters(in: .whitespaces)) }), ms.isFinite {
            return ms / 1000
        }
        guard let value = head[header: "retry-after"]?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let seconds = Double(value), seconds.isFinite { return seconds }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: value).map { $0.timeIntervalSince(now) }
    }
}
