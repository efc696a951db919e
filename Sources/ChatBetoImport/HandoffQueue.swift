import Foundation

/// A bounded queue between the parser thread and the writer: parsing the next conversations overlaps
/// with the database writing the previous ones, and memory stays bounded by `capacity`.
final class HandoffQueue<Element>: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Element] = []
    private var head = 0
    private let capacity: Int
    private var closed = false

    init(capacity: Int) { self.capacity = capacity }

    /// Adds an item, waiting while the queue is full; returns false once the queue is closed.
    @discardableResult
    func push(_ item: Element) -> Bool {
        condition.lock(); defer { condition.unlock() }
        while items.count - head >= capacity && !closed { condition.wait() }
        if closed { return false }
        items.append(item)
        condition.broadcast()
        return true
    }

    /// Takes the next item, waiting for one; nil once closed and empty.
    func pop() -> Element? {
        condition.lock(); defer { condition.unlock() }
        while head == items.count && !closed { condition.wait() }
        if head == items.count { return nil }
        let item = items[head]
        head += 1
        if head > 1024 && head * 2 > items.count { items.removeFirst(head); head = 0 }
        condition.broadcast()
        return item
    }

    /// No more items: wakes everyone; pending items can still be popped.
    func close() {
        condition.lock(); defer { condition.unlock() }
        closed = true
        condition.broadcast()
    }

    /// Stops the producer early: drops what is queued and closes.
    func cancel() {
        condition.lock(); defer { condition.unlock() }
        closed = true
        items.removeAll()
        head = 0
        condition.broadcast()
    }
}
