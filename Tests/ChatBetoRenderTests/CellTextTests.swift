@testable import ChatBetoRender
import Testing

extension Render {
    @Suite struct CellTextTests {
        @Test func nullHasNoTextAndValuesUseMySQLSpelling() {
            #expect(CellText.text(.null) == nil)
            #expect(CellText.text(.int(-3)) == "-3")
            #expect(CellText.text(.double(2.0)) == "2")
            #expect(CellText.text(.decimal("10.50")) == "10.50")
            #expect(CellText.text(.temporal("2024-05-01 10:00:00")) == "2024-05-01 10:00:00")
        }

        @Test func blobsAreTextWhenValidUTF8ElseHex() {
            #expect(CellText.text(.blob(Array("日本".utf8))) == "日本")
            #expect(CellText.text(.blob([0xDE, 0xAD, 0xBE, 0xEF])) == "0xDEADBEEF")
            #expect(CellText.text(.blob([])) == "")
        }

        @Test func singleLineEscapesEverythingThatMovesTheCursor() {
            #expect(CellText.singleLine("a\nb\r\tc\0") == #"a\nb\r\tc\0"#)
            #expect(CellText.singleLine("\u{1B}[2J\u{7F}\u{85}") == #"\x1B[2J\x7F\x85"#)
            #expect(CellText.singleLine(#"back\slash"#) == #"back\slash"#)
            #expect(CellText.singleLine("日本 👍") == "日本 👍")
        }

        @Test func multiLineKeepsNewlinesAndTabs() {
            #expect(CellText.multiLine("a\n\tb\r\n\u{1B}x") == "a\n\tb\\r\n\\x1Bx")
        }

        @Test func bidiControlsAreEscapedSoTextReadsAsItIs() {
            #expect(CellText.singleLine("abc\u{202E}fed\u{2066}x\u{200F}") == #"abc\u202Efed\u2066x\u200F"#)
            #expect(CellText.multiLine("a\u{202D}\nb") == "a\\u202D\nb")
            #expect(JSONText.quoted("\u{9B}\u{202E}") == #""\u009b\u202e""#)
            #expect(JSONText.escapingTerminalControls("{\"t\":\"\u{202E}x\u{85}\"}\n") == "{\"t\":\"\\u202ex\\u0085\"}\n")
        }
    }
}
