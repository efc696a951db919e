import Foundation

/// Waiting between retries, behind a seam so tests run with a fake clock.
public protocol Sleeper: Sendable {
    /// Blocks the calling thread for `seconds`.
    func sleep(seconds: Double)
}

/// The real clock.
public struct ThreadSleeper: Sleeper {
    /// The real clock.
    public init() {}
    /// Sleeps the calling thread.
    public func sleep(seconds: Double) {
        if seconds > 0 { Thread.sleep(forTimeInterval: seconds) }
    }
}

/// Announces a retry before the client waits for it.
public struct RetryNotice: Sendable, Equatable {
    /// 1 for the first retry.
    public var attempt: Int
    /// Total wait in seconds.
    public var delay: Double
    /// Seconds still to wait; the client reports it once per second of the wait, counting down.
    public var remaining: Double
    /// Why: the HTTP status (e.g. 429, 503) or nil for a transport failure.
    public var status: Int?
    /// Short reason for display, e.g. "429 rate_limit_exceeded" or "connect".
    public var reason: String
}
