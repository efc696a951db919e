@testable import ChatBetoImport
import Testing

/// `SourceConversation.record`, the one step every non-ChatGPT reader's conversation goes through before
/// the writer: what a reader's slip would otherwise make the writer refuse for the whole file.
@Suite struct SourceConversationRecordTests {
    private func node(_ id: String, parent: String?, text: String) -> ConversationRecord.Message {
        SourceConversation.node(id, parent: parent, role: "user", text: text, createTime: nil, hidden: false)
    }

    @Test func aSecondNodeOfOneIdIsLeftOutAndNamed() throws {
        var c = SourceConversation(provider: "grok", id: "c1")
        c.nodes = [node("a", parent: nil, text: "first"), node("b", parent: "a", text: "reply"), node("a", parent: "b", text: "again")]
        c.visiblePath = ["a", "b"]
        let record = try c.record(contentHash: "h", limits: ImportLimits())
        #expect(record.messages.map(\.nodeID) == ["a", "b"])
        #expect(record.messages[0].text == "first")
        #expect(record.repairs.contains { $0.nodeID == "a" && $0.problem.contains("second node with this id") })
    }

    @Test func aNodeThatIsItsOwnParentBecomesAFirstTurn() throws {
        var c = SourceConversation(provider: "grok", id: "c1")
        c.nodes = [node("a", parent: "a", text: "loop")]
        let record = try c.record(contentHash: "h", limits: ImportLimits())
        #expect(record.messages.map(\.parentID) == [nil])
        #expect(record.repairs.contains { $0.problem.contains("its parent is itself") })
    }

    @Test func longIdsAreFittedTheSameWayAsNodeAndAsParent() throws {
        let long = String(repeating: "x", count: 64) + "-1", other = String(repeating: "x", count: 64) + "-2"
        var c = SourceConversation(provider: "claude", id: "c1")
        c.nodes = [node(long, parent: nil, text: "one"), node(other, parent: long, text: "two")]
        let record = try c.record(contentHash: "h", limits: ImportLimits())
        #expect(record.messages.count == 2 && Set(record.messages.map(\.nodeID)).count == 2)
        #expect(record.messages.allSatisfy { $0.nodeID.utf8.count <= 64 })
        #expect(record.messages[1].parentID == record.messages[0].nodeID)
    }
}
