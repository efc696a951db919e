internal import CCurl

/// A thread-safe, lock-free flag that aborts a transfer in progress (e.g. set from a Ctrl-C handler).
/// `cancel()` is a single atomic store, so it is safe to call from a signal handler's context.
public final class CancellationFlag: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<Int32>

    public init() {
        storage = .allocate(capacity: 1)
        storage.initialize(to: 0)
    }

    deinit { storage.deallocate() }

    /// Requests cancellation; the transfer notices within its progress interval.
    public func cancel() { chatbeto_flag_store(storage, 1) }

    /// Clears the flag so the same object can guard the next request.
    public func reset() { chatbeto_flag_store(storage, 0) }

    /// Whether cancellation was requested.
    public var isCancelled: Bool { chatbeto_flag_load(storage) != 0 }
}
