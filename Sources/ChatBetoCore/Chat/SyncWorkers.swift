import Foundation

/// Hands out indices to worker threads.
final class WorkCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func take(below limit: Int) -> Int? {
        lock.withLock {
            guard value < limit else { return nil }
            defer { value += 1 }
            return value
        }
    }
}

/// Outcomes from the workers to the thread that writes the database.
final class OutcomeQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [(Int, Seeder.Outcome)] = []
    private var finishedWorkers = 0

    func push(_ item: (Int, Seeder.Outcome)) {
        condition.lock(); items.append(item); condition.signal(); condition.unlock()
    }

    func workerFinished() {
        condition.lock(); finishedWorkers += 1; condition.signal(); condition.unlock()
    }

    /// The next outcome, waiting for one; nil once all `workers` finished and everything was taken.
    func pop(workers: Int) -> (Int, Seeder.Outcome)? {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty && finishedWorkers < workers { condition.wait() }
        return items.isEmpty ? nil : items.removeFirst()
    }
}
