@testable import ChatBetoRender
import Testing

extension Render {
    @Suite struct DisplayWidthTests {
        @Test func asciiIsOneColumnPerCharacter() {
            #expect(DisplayWidth.of("") == 0)
            #expect(DisplayWidth.of("hello, world") == 12)
        }

        @Test func eastAsianWideAndFullwidthAreTwoColumns() {
            #expect(DisplayWidth.of("日本語") == 6)
            #expect(DisplayWidth.of("한국어") == 6)
            #expect(DisplayWidth.of("ひらがな") == 8)
            #expect(DisplayWidth.of("Ａ") == 2)      // fullwidth Latin
            #expect(DisplayWidth.of("ｱ") == 1)       // halfwidth katakana
            #expect(DisplayWidth.of("\u{3000}") == 2) // ideographic space
        }

        @Test func emojiAreTwoColumnsWhateverTheirSequence() {
            #expect(DisplayWidth.of("👍") == 2)
            #expect(DisplayWidth.of("👍🏽") == 2)        // skin tone modifier
            #expect(DisplayWidth.of("👨‍👩‍👧") == 2)       // ZWJ family
            #expect(DisplayWidth.of("🇫🇷") == 2)        // flag
            #expect(DisplayWidth.of("❤️") == 2)         // text default + VS16
            #expect(DisplayWidth.of("1️⃣") == 2)        // keycap
            #expect(DisplayWidth.of("❤") == 1)          // text presentation
            #expect(DisplayWidth.of("ok 👍") == 5)
        }

        @Test func combiningMarksAndJoinersTakeNoColumns() {
            #expect(DisplayWidth.of("e\u{301}") == 1)
            #expect(DisplayWidth.of("é") == 1)
            #expect(DisplayWidth.of("a\u{200B}b") == 2)   // zero-width space
            #expect(DisplayWidth.of("a\u{200D}b") == 2)   // lone ZWJ
            #expect(DisplayWidth.of("\u{1100}\u{1161}\u{11A8}") == 2) // conjoining Hangul jamo
            #expect(DisplayWidth.of("Z\u{335}\u{321}a") == 2)
        }

        @Test func padsByDisplayWidth() {
            #expect(DisplayWidth.pad("日本", to: 6) == "日本  ")
            #expect(DisplayWidth.pad("日本", to: 6, alignment: .right) == "  日本")
            #expect(DisplayWidth.pad("abcdef", to: 3) == "abcdef")
        }

        @Test func truncatesWithEllipsisWithinWidth() {
            #expect(DisplayWidth.truncate("abc", to: 3) == "abc")
            #expect(DisplayWidth.truncate("abcd", to: 3) == "ab…")
            #expect(DisplayWidth.truncate("abc", to: 0) == "")
            #expect(DisplayWidth.truncate("abc", to: 1) == "…")
            #expect(DisplayWidth.truncate("日本語テキスト", to: 7) == "日本語…")
            // A wide character that would straddle the limit is dropped, not split.
            #expect(DisplayWidth.truncate("日本語", to: 4) == "日…")
            #expect(DisplayWidth.truncate("e\u{301}e\u{301}e\u{301}", to: 2) == "e\u{301}…")
        }

        @Test func truncationNeverExceedsWidth() {
            let samples = ["日本語テキストとemoji 👨‍👩‍👧 mixed", "plain ascii text here", "👍👍👍👍", "한a국b어c"]
            for sample in samples {
                for width in 0...30 {
                    #expect(DisplayWidth.of(DisplayWidth.truncate(sample, to: width)) <= width)
                }
            }
        }
    }
}
