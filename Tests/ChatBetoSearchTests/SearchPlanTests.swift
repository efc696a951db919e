@testable import ChatBetoSearch
import Testing

/// How `FullTextSearch.plan` splits a query's words between the full-text index and the candidate
/// test, from the shares of messages holding each word (no server needed).
@Suite struct SearchPlanTests {
    let million = 1_000_000

    @Test func theRarestWordGoesToTheIndexAndCommonOnesAreChecked() {
        // "python tortilla hanlcglc": two words in 6 % of messages, one in 0.05 %.
        let plan = FullTextSearch.plan(shares: [0.06, 0.06, 0.0005], total: million, limit: 20)
        #expect(plan.required == [2])
        #expect(Set(plan.checked) == [0, 1])
    }

    @Test func checkedWordsAreTestedRarestFirst() {
        let plan = FullTextSearch.plan(shares: [0.4, 0.0001, 0.2, 0.3], total: million, limit: 20)
        #expect(plan.required == [1])
        #expect(plan.checked == [2, 3, 0])
    }

    @Test func theTwoRarestWordsAreRequiredAndTheThirdCheckedOnTheirFewRows() {
        // Short posting lists are cheap to intersect; the few rows holding both are then tested
        // for the third word rather than reading its list too.
        let plan = FullTextSearch.plan(shares: [0.0005, 0.0002, 0.001], total: million, limit: 20)
        #expect(plan.required == [0, 1])
        #expect(plan.checked == [2])
    }

    @Test func onlyVeryCommonWordsRequireNothing() {
        // Every word in most messages: the newest messages are tested instead of any posting list.
        let plan = FullTextSearch.plan(shares: [0.6, 0.5], total: million, limit: 20)
        #expect(plan.required.isEmpty)
        #expect(plan.checked == [1, 0])
    }

    @Test func everyWordIsEitherRequiredOrChecked() {
        for shares in [[0.1], [0.01, 0.3], [0.001, 0.02, 0.5], [0.05, 0.05, 0.05, 0.05], Array(repeating: 0.02, count: 10)] {
            let plan = FullTextSearch.plan(shares: shares, total: million, limit: 20)
            #expect((plan.required + plan.checked).sorted() == Array(shares.indices), "\(shares)")
        }
    }
}
