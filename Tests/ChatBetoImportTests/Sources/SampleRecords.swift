@testable import ChatBetoImport
import Foundation

/// Reads the export samples (Tests/ChatBetoTestSupport/Fixtures/samples, each folder's SOURCES.md says
/// what every file shows) with the source readers.
enum SampleRecords {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("ChatBetoTestSupport/Fixtures/samples")

    static func json(_ path: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent(path)))
    }

    /// Every Claude conversation of a conversations file (array or single object), as records.
    static func claude(_ path: String) throws -> [ConversationRecord] {
        let value = try json(path)
        let list = (value as? [Any]) ?? [value]
        return try list.compactMap { $0 as? [String: Any] }.filter(ClaudeConversation.recognises).map {
            try ClaudeConversation.read($0).record(contentHash: "test", limits: ImportLimits())
        }
    }
}

extension ConversationRecord {
    /// The visible thread as the user sees it: shown messages on the visible path, in order.
    var visible: [Message] {
        messages.filter { $0.visibleIndex != nil && !$0.isHidden }.sorted { $0.visibleIndex! < $1.visibleIndex! }
    }
    /// Shown messages that are not on the visible thread.
    var branches: Int { messages.filter { $0.visibleIndex == nil && !$0.isHidden }.count }
    /// Ids' last `n` characters, for short assertions.
    func visibleTails(_ n: Int = 5) -> [String] { visible.map { String($0.nodeID.suffix(n)) } }
}
