@testable import ChatBetoImport
import Foundation
import Testing

@Suite struct ImportTreeTests {
    private func node(_ parent: String?, _ children: [String]) -> [String: Any] {
        ["parent": parent as Any? ?? NSNull(), "children": children]
    }

    @Test func visiblePathFollowsCurrentNodeInTreeOrderNotTime() throws {
        let nodes = ["r": node(nil, ["u"]), "u": node("r", ["a1", "a2"]), "a1": node("u", []), "a2": node("u", [])]
        // a2 is the current node even though a1 is newer: the tree decides, not the clock.
        let times: [String: Double] = ["u": 10, "a1": 30, "a2": 5]
        let tree = ConversationTree(nodes: nodes, currentNode: "a2") { times[$0] }
        #expect(tree.visiblePath == ["r", "u", "a2"])
        #expect(tree.order == ["r", "u", "a1", "a2"])
        #expect(tree.childIndex["a2"] == 1)
    }

    @Test func missingCurrentNodeFallsBackToMostRecentLeafTiesToLastChild() throws {
        let nodes = ["r": node(nil, ["u"]), "u": node("r", ["a1", "a2", "a3"]), "a1": node("u", []),
                     "a2": node("u", []), "a3": node("u", [])]
        let latest = ConversationTree(nodes: nodes, currentNode: nil) { ["a1": 3, "a2": 9, "a3": 1][$0] }
        #expect(latest.visiblePath == ["r", "u", "a2"])
        let tie = ConversationTree(nodes: nodes, currentNode: "gone") { ["a1": 9, "a2": 9, "a3": 1][$0] }
        #expect(tie.visiblePath == ["r", "u", "a2"])
    }

    @Test func missingParentIsSalvagedWithItsBranchAndReported() {
        let nodes = ["r": node(nil, ["u"]), "u": node("r", []), "a": node("nowhere", ["b"]), "b": node("a", [])]
        let tree = ConversationTree(nodes: nodes, currentNode: "b") { _ in nil }
        #expect(Set(tree.order) == ["r", "u", "a", "b"])
        #expect(tree.parent["a"] == "nowhere")
        #expect(tree.visiblePath == ["a", "b"])
        #expect(tree.repairs.map(\.nodeID) == ["a"])
    }

    @Test func cycleIsCutAtOneLinkAndEveryNodeKept() {
        let nodes = ["r": node(nil, []), "a": node("b", ["b"]), "b": node("a", ["a"])]
        let tree = ConversationTree(nodes: nodes, currentNode: "a") { _ in nil }
        #expect(Set(tree.order) == ["r", "a", "b"])
        #expect(tree.repairs.count == 1)
        let cut = tree.repairs[0].nodeID
        #expect(tree.parent[cut] == nil)
        #expect(tree.visiblePath.last == "a")
        #expect(tree.repairs[0].problem.contains("cycle"))
    }

    @Test func childrenListedOutOfAgreementWithParentsAreOrderedByParent() throws {
        // "x" claims child "y", but y's parent is "r": parent pointers win.
        let nodes = ["r": node(nil, ["x"]), "x": node("r", ["y"]), "y": node("r", [])]
        let tree = ConversationTree(nodes: nodes, currentNode: "y") { _ in nil }
        #expect(tree.parent["y"] == "r")
        #expect(tree.visiblePath == ["r", "y"])
        #expect(tree.childIndex["y"] == 1)
    }
}
