@testable import ChatBetoSearch
import Testing

@Suite struct HybridRankerTests {
    func hit(_ node: String, _ score: Double = 0) -> SearchHit {
        SearchHit(conversationID: "c", nodeID: node, title: nil, project: nil, role: "user", date: nil, text: node, score: score)
    }

    @Test func hitsInBothListsRiseAboveHitsInOne() {
        let text = [hit("a"), hit("b"), hit("c")]
        let semantic = [hit("d"), hit("c"), hit("e")]
        let fused = HybridRanker.fuse([text, semantic], limit: 10)
        #expect(fused.first?.nodeID == "c")
        #expect(Set(fused.map(\.nodeID)) == ["a", "b", "c", "d", "e"])
        // c: 1/63 + 1/62; a and d: 1/61 each.
        #expect(abs(fused[0].score - (1.0 / 63 + 1.0 / 62)) < 1e-12)
    }

    @Test func tiesKeepFirstSeenOrderAndTheLimitApplies() {
        let fused = HybridRanker.fuse([[hit("a"), hit("b")], [hit("x"), hit("y")]], limit: 3)
        #expect(fused.map(\.nodeID) == ["a", "x", "b"])
    }

    @Test func aSingleListKeepsItsOrder() {
        #expect(HybridRanker.fuse([[hit("a", 9), hit("b", 5), hit("c", 1)]], limit: 10).map(\.nodeID) == ["a", "b", "c"])
    }
}
