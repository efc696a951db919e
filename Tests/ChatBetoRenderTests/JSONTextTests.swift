@testable import ChatBetoRender
import Foundation
import Testing

extension Render {
    @Suite struct JSONTextTests {
        @Test func quotesAndEscapes() {
            #expect(JSONText.quoted("plain") == #""plain""#)
            #expect(JSONText.quoted("say \"hi\" \\ bye") == #""say \"hi\" \\ bye""#)
            #expect(JSONText.quoted("a\nb\tc\rd\u{08}\u{0C}") == #""a\nb\tc\rd\b\f""#)
            #expect(JSONText.quoted("\u{0}\u{1F}\u{1B}") == #""\u0000\u001f\u001b""#)
            #expect(JSONText.quoted("x\u{2028}y\u{2029}z") == #""x\u2028y\u2029z""#)
            #expect(JSONText.quoted("日本 👍 /") == "\"日本 👍 /\"")
        }

        @Test func escapedStringsParseBackUnchanged() throws {
            let original = "ctl:\u{0}\u{1}\u{7F} quote:\" slash:\\ sep:\u{2028}\u{2029} emoji:👨‍👩‍👧"
            let parsed = try JSONSerialization.jsonObject(with: Data(("[" + JSONText.quoted(original) + "]").utf8))
            #expect((parsed as? [String])?.first == original)
        }

        @Test func writesNumbers() {
            #expect(JSONText.number(Int64(-42)) == "-42")
            #expect(JSONText.number(3.0) == "3")
            #expect(JSONText.number(2.5) == "2.5")
            #expect(JSONText.number(1e-7) == "1e-07")
            #expect(JSONText.number(Double.nan) == "null")
            #expect(JSONText.number(Double.infinity) == "null")
        }

        @Test func recognisesJSONNumberGrammar() {
            for good in ["0", "-0", "12.50", "1e5", "1E+5", "-3.25e-2", "99999999999999999999"] {
                #expect(JSONText.isNumber(good), "\(good)")
            }
            for bad in ["", "-", "01", ".5", "5.", "1e", "+1", "0x10", "NaN", "1 ", "1,5"] {
                #expect(!JSONText.isNumber(bad), "\(bad)")
            }
        }
    }
}
