@testable import ChatBetoImport
import Foundation
import Testing

@Suite struct JSONEscapeRepairTests {
    private func repaired(_ json: String) -> (String, Int) {
        let r = JSONEscapeRepair.repair(Data(json.utf8))
        return (String(decoding: r.data, as: UTF8.self), r.replaced)
    }

    @Test func loneSurrogatesAndUnknownEscapesBecomeFFFD() throws {
        #expect(repaired(#"{"a": "x\ud800y"}"#) == (#"{"a": "x\ufffdy"}"#, 1))
        #expect(repaired(#"{"a": "x\udc00y"}"#) == (#"{"a": "x\ufffdy"}"#, 1))
        #expect(repaired(#"{"a": "x\qy"}"#) == (#"{"a": "x\ufffdy"}"#, 1))
        #expect(repaired(#"{"a": "x\u12"}"#).1 == 1)
        let (text, n) = repaired(#"{"a": "\ud800", "b": "c\x"}"#)
        #expect(n == 2)
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: String]
        #expect(parsed == ["a": "\u{FFFD}", "b": "c\u{FFFD}"])
    }

    @Test func validEscapesAndPairsAreKept() {
        let valid = #"{"a": "\ud83e\udd58 \n \" \\ \/ \u00e9", "b\\": 1}"#
        #expect(repaired(valid) == (valid, 0))
    }
}
