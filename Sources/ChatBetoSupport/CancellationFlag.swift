internal import CChatBetoSystem
import Foundation

/// A thread-safe, lock-free flag that aborts a transfer in progress (e.g. set from a Ctrl-C handler).
/// `cancel()` is a single atomic store, so it is safe to call from a signal handler's context.
public final class CancellationFlag: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<Int32>

    /// A flag that is not set.
    public init() {
        storage = .allocate(capacity: 1)
        storage.initialize(to: 0)
    }

    deinit { storage.deallocate() }

    /// Requests cancellation; the transfer notices within its progress interval.
    public func cancel() { chatbeto_flag_store_sys(storage, 1) }

    /// Clears the flag so the same object can guard the next request.
    public func reset() { chatbeto_flag_store_sys(storage, 0) }

    /// Whether cancellation was requested.
    public var isCancelled: Bool { chatbeto_flag_load_sys(storage) != 0 }
}

extension CancellationFlag {
    /// Runs `body` with Ctrl-C (SIGINT) raising this flag instead of killing the process, then restores
    /// the previous SIGINT disposition. Meant for the REPL's foreground request; do not nest or run two at once.
    public func raisedOnInterrupt<T>(_ body: () throws -> T) rethrows -> T {
        let savedTarget = interruptTarget
        interruptTarget = storage
        let previous = signal(SIGINT, interruptHandler)
        defer {
            signal(SIGINT, previous)
            interruptTarget = savedTarget
        }
        return try body()
    }
}

/// The flag storage SIGINT writes to; only touched by `raisedOnInterrupt` and the handler (one atomic store).
nonisolated(unsafe) private var interruptTarget: UnsafeMutablePointer<Int32>?

private let interruptHandler: @convention(c) (Int32) -> Void = { _ in
    if let target = interruptTarget { chatbeto_flag_store_sys(target, 1) }
}
