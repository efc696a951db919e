@testable import ChatBetoSearch
import Testing

@Suite struct QueryTermsTests {
    @Test func spanishAndEnglishStopWordsAndShortWordsAreDropped() {
        #expect(QueryTerms("el café de la esquina").words == ["café", "esquina"])
        #expect(QueryTerms("what is the latte").words == ["latte"])
        #expect(QueryTerms("a b x").isEmpty)
    }

    @Test func stopWordsMatchWithoutAccents() {
        // "más" and "dónde" are stop words whichever way they are typed.
        #expect(QueryTerms("más dónde donde mas tapas").words == ["tapas"])
    }

    @Test func codeIsSplitLikeTheIndexAndOperatorsNeverReachTheServer() {
        #expect(QueryTerms("sorted(items, key=lambda)").words == ["sorted", "items", "key", "lambda"])
        #expect(QueryTerms("user_id -drop +\"x\" (y) ~z*").words == ["user_id", "drop"])
    }

    @Test func everyWordIsRequiredAndTheLastIsAPrefix() {
        #expect(QueryTerms("museo prad").booleanQuery == "+museo +prad*")
        #expect(QueryTerms("ok go").booleanQuery == "+ok +go")
    }

    @Test func repeatedWordsCountOnce() {
        #expect(QueryTerms("Lisboa lisboa LISBOA").words == ["lisboa"])
    }
}
