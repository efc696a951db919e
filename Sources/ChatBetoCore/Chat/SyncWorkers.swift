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
    func push(_ item: (Int, Seeder.Outcome)) {
        condition.lock(); items.append(item); condition.signal(); condition.unlock()
    }
    func pop() -> (Int, Seeder.Outcome) {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty { condition.wait() }
        return items.removeFirst()
    }
}
