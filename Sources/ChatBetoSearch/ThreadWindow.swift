import ChatBetoStore

/// The messages around one message of a conversation's visible thread (its neighbouring turns), for
/// `recall`'s passages and `chatbeto mcp`'s reading window.
public enum ThreadWindow {
    /// The visible, non-hidden messages from `before` turns before `nodeID` to `after` turns after it.
    /// A node off the visible path (an older branch) is shown with the thread up to its own position.
    public static func around(_ nodeID: String, in thread: [StoredMessage], before: Int, after: Int) -> [StoredMessage] {
        let shown = thread.filter { !$0.isHidden || $0.nodeID == nodeID }
        guard let i = shown.firstIndex(where: { $0.nodeID == nodeID }) else { return [] }
        return Array(shown[max(0, i - before)...min(shown.count - 1, i + after)])
    }
}
