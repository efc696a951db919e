@testable import ChatBetoImport
import Foundation
import Testing

@Suite struct TreeMergeTests {
    private func message(_ id: String, _ parent: String?, _ time: String?) -> ConversationRecord.Message {
        ConversationRecord.Message(nodeID: id, parentID: parent, childIndex: 0, createTime: time, isHidden: false, isIncomplete: false)
    }

    private static func stored(_ id: String, _ parent: String?, _ time: String?, _ index: Int?) -> TreeMerge.StoredNode {
        TreeMerge.StoredNode(id: id, parent: parent, createTime: time, visibleIndex: index, onVisiblePath: index != nil)
    }

    // r - u - a (export), a - lq - la (local, 2026)
    private let storedTree = [
        Self.stored("r", nil, nil, 0), Self.stored("u", "r", "2025-01-01 00:00:00.000000", 1),
        Self.stored("a", "u", "2025-01-01 00:00:01.000000", 2),
        Self.stored("lq", "a", "2026-06-01 00:00:00.000000", 3), Self.stored("la", "lq", "2026-06-01 00:00:01.000000", 4),
    ]

    @Test func localTurnsContinuingTheExportLeafStayVisible() {
        let export = [message("r", nil, nil), message("u", "r", "2025-01-01 00:00:00.000000"), message("a", "u", "2025-01-01 00:00:01.000000")]
        let m = TreeMerge(stored: storedTree, export: export, exportLeaf: "a", storedLeaf: "la")
        #expect(m.leaf == "la")
        #expect(m.path == ["r", "u", "a", "lq", "la"])
        #expect(m.nodeCount == 5)
        #expect(m.storedChanges.isEmpty)
    }

    @Test func theMoreRecentBranchWinsAndTheOtherLeavesThePath() {
        var export = [message("r", nil, nil), message("u", "r", "2025-01-01 00:00:00.000000"), message("a", "u", "2025-01-01 00:00:01.000000")]
        export.append(message("eq", "a", "2027-01-01 00:00:00.000000"))
        let newer = TreeMerge(stored: storedTree, export: export, exportLeaf: "eq", storedLeaf: "la")
        #expect(newer.leaf == "eq")
        #expect(newer.path == ["r", "u", "a", "eq"])
        #expect(Set(newer.storedChanges.map(\.id)) == ["lq", "la"])
        #expect(newer.storedChanges.allSatisfy { $0.visibleIndex == nil })
        export[3] = message("eq", "a", "2025-02-01 00:00:00.000000")
        let older = TreeMerge(stored: storedTree, export: export, exportLeaf: "eq", storedLeaf: "la")
        #expect(older.leaf == "la")
        #expect(older.nodeCount == 6)
    }

    @Test func anExportThatGrewPastTheStoredLeafFollowsTheExport() {
        let s = [Self.stored("r", nil, nil, 0), Self.stored("u", "r", nil, 1)]
        let export = [message("r", nil, nil), message("u", "r", nil), message("a", "u", nil)]
        let m = TreeMerge(stored: s, export: export, exportLeaf: "a", storedLeaf: "u")
        #expect(m.leaf == "a")
        #expect(m.path == ["r", "u", "a"])
    }
}
