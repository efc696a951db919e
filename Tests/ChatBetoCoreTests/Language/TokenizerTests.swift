@testable import ChatBetoCore
import Testing

@Suite struct TokenizerTests {
    @Test func splitsOnWhitespaceAndHonoursQuotes() throws {
        #expect(try Tokenizer.words(#"project name g-p-1 "WordPress plugin""#) == ["project", "name", "g-p-1", "WordPress plugin"])
        #expect(try Tokenizer.words("ask 'it''s'") == ["ask", "its"])
        #expect(try Tokenizer.words(#"ask "say \"hola\" ñandú 🥘""#) == ["ask", #"say "hola" ñandú 🥘"#])
        #expect(try Tokenizer.words(#"a\ b c"#) == ["a b", "c"])
        #expect(try Tokenizer.words("  ") == [])
    }

    @Test func unterminatedQuoteIsAnError() {
        #expect(throws: ParseError.unterminatedQuote("\"")) { try Tokenizer.words(#"use "Word"#) }
        #expect(throws: ParseError.unterminatedQuote("'")) { try Tokenizer.words("use 'Word") }
    }
}
