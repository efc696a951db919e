@testable import ChatBetoSearch
import Testing

@Suite struct SnippetTests {
    @Test func highlightsMatchesIgnoringCaseAndAccents() {
        let s = Snippet.make("Un CAFÉ en Lisboa y otro cafe en Porto", words: ["café", "lisboa"], width: 100) { "[\($0)]" }
        #expect(s == "Un [CAFÉ] en [Lisboa] y otro [cafe] en Porto")
    }

    @Test func centresOnTheFirstMatchWithEllipses() {
        let text = String(repeating: "lorem ipsum ", count: 30) + "needle here " + String(repeating: "dolor sit ", count: 30)
        let s = Snippet.make(text, words: ["needle"], width: 60) { "<\($0)>" }
        #expect(s.hasPrefix("…"))
        #expect(s.hasSuffix("…"))
        #expect(s.contains("<needle>"))
    }

    @Test func collapsesWhitespaceAndStartsAtTheTopWithoutMatches() {
        #expect(Snippet.make("a\n\n  b\tc", words: ["zzz"], width: 50) == "a b c")
    }
}
