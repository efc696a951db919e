@testable import ChatBetoImport
import Foundation
import Testing

/// The import's own JSON parser reads what `JSONSerialization` reads, into the same values, and refuses
/// what it refuses.
@Suite struct JSONBytesParserTests {
    /// Structural equality of two parsed values, with the types the importer reads them as.
    private func same(_ a: Any, _ b: Any) -> Bool {
        switch (a, b) {
        case let (x as [String: Any], y as [String: Any]):
            return x.count == y.count && x.allSatisfy { k, v in y[k].map { same(v, $0) } ?? false }
        case let (x as [Any], y as [Any]):
            return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        case let (x as String, y as String):
            return x == y
        case (is NSNull, is NSNull):
            return true
        case let (x as NSNumber, y as NSNumber):
            return JSONAccess.bool(x) == JSONAccess.bool(y) && JSONAccess.double(x) == JSONAccess.double(y)
        default:
            return false
        }
    }

    private func both(_ json: String) throws -> (Any, Any) {
        let data = Data(json.utf8)
        return (try JSONBytesParser.parse(data), try JSONSerialization.jsonObject(with: data))
    }

    static let valid = [
        #"{}"#, #"[]"#, #" { "a" : [ 1 , 2.5 , -0 , -3e2 , 1E+2 , 0.000001 , 12345678901234567890 , true , false , null ] } "#,
        #"{"s": "quote \" backslash \\ slash \/ / \b \f \n \r \t"}"#,
        #"{"u": "\u00e9 \u6f22 \ud83d\ude00 \u0000 \u2028 \ufeff \udbff\udfff", "raw": "é 漢 😀 \#u{2028}"}"#,
        #"{"k\u0041y": {"nested": [[[{"deep": [{}]}]]]}, "kAy": 2}"#,
        #"{"time": 1700000000.25, "weight": 3.75E-1, "int": 9223372036854775807, "neg": -9223372036854775808}"#,
        #"{"dup": 1, "dup": 2}"#,
        #"{"trailing": [1, 2, ], "commas": {"a": 1,},}"#,
    ]

    @Test(arguments: valid)
    func readsWhatJSONSerializationReads(json: String) throws {
        let (mine, foundation) = try both(json)
        #expect(same(mine, foundation), "\(json)")
    }

    @Test func booleansAndNumbersKeepTheirKinds() throws {
        let value = try #require(try JSONBytesParser.parse(Data(#"{"t": true, "f": false, "one": 1, "half": 0.5}"#.utf8)) as? [String: Any])
        #expect(JSONAccess.bool(value["t"]) == true && JSONAccess.bool(value["f"]) == false)
        #expect(JSONAccess.bool(value["one"]) == nil && JSONAccess.double(value["one"]) == 1)
        #expect(JSONAccess.double(value["half"]) == 0.5 && JSONAccess.double(value["t"]) == nil)
    }

    static let invalid = [
        #"{"a": "x\ud800y"}"#, #"{"a": "\udc00"}"#, #"{"a": "\ud800\u0041"}"#, #"{"a": "\q"}"#, #"{"a": "\u12"}"#,
        "{\"a\": \"raw\ttab\"}", #"{"a": 01}"#, #"{"a": 1.}"#, #"{"a": .5}"#, #"{"a": -}"#, #"{"a": 1e}"#, #"{"a": +1}"#,
        #"{"a": tru}"#, #"{"a": nul}"#, #"[1,,2]"#, #"[,]"#, #"{,}"#, #"{"a" 1}"#, #"{a: 1}"#, #"{"a": 1} x"#, #"{"a": "open"#,
        #"{"a": [1, 2}"#, #"{"a": NaN}"#, #"{'a': 1}"#, "",
    ]

    @Test(arguments: invalid)
    func refusesWhatJSONSerializationRefuses(json: String) {
        let data = Data(json.utf8)
        #expect(throws: JSONBytesParser.Failure.self) { try JSONBytesParser.parse(data) }
        #expect(throws: (any Error).self) { try JSONSerialization.jsonObject(with: data) }
    }

    @Test(arguments: valid)
    func parsingSomeMembersBuildsThoseAsAWholeParseDoes(json: String) throws {
        let data = Data(json.utf8)
        let kept: Set<String> = ["s", "kAy", "time", "trailing", "missing"]
        let whole = try JSONBytesParser.parse(data)
        let some = try JSONBytesParser.parse(data, members: kept)
        guard let object = whole as? [String: Any] else { return #expect(same(some, whole)) }
        #expect(same(some, object.filter { kept.contains($0.key) }), "\(json)")
    }

    @Test(arguments: invalid)
    func skippedMembersAreRefusedAsAWholeParseRefusesThem(json: String) {
        #expect(throws: JSONBytesParser.Failure.self) { try JSONBytesParser.parse(Data(json.utf8), members: []) }
    }

    @Test func skippedMembersAreCheckedForUTF8AndDepth() {
        var bytes = Array(#"{"kept": 1, "a": "x"#.utf8)
        bytes += [0xC3, 0x28]
        bytes += Array(#"\n"}"#.utf8)
        #expect(throws: JSONBytesParser.Failure.self) { try JSONBytesParser.parse(Data(bytes), members: ["kept"]) }
        let deep = #"{"a": "# + String(repeating: "[", count: JSONBytesParser.maxDepth + 1) + String(repeating: "]", count: JSONBytesParser.maxDepth + 1) + "}"
        #expect(throws: JSONBytesParser.Failure.self) { try JSONBytesParser.parse(Data(deep.utf8), members: []) }
        let escaped = #"{"a": "\u00e9 \ud83d\ude00 é \" \\", "b": [1, {"c": null}, -2.5e3, true], "kept": "k"}"#
        #expect(((try? JSONBytesParser.parse(Data(escaped.utf8), members: ["kept"])) as? [String: Any])?.keys.sorted() == ["kept"])
    }

    @Test func refusesInvalidUTF8AndDeepNesting() {
        var bytes = Array(#"{"a": "x"#.utf8)
        bytes += [0xC3, 0x28]  // a lead byte followed by ASCII
        bytes += Array(#""}"#.utf8)
        #expect(throws: JSONBytesParser.Failure.self) { try JSONBytesParser.parse(Data(bytes)) }
        let deep = String(repeating: "[", count: JSONBytesParser.maxDepth + 1) + String(repeating: "]", count: JSONBytesParser.maxDepth + 1)
        #expect(throws: JSONBytesParser.Failure.self) { try JSONBytesParser.parse(Data(deep.utf8)) }
        let ok = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect((try? JSONBytesParser.parse(Data(ok.utf8))) != nil)
    }

    @Test func findsEachMessageAsTheSlicerDoes() throws {
        let json = #"""
            {"title": "t", "mapping": {"old": {"message": {"x": 1}}}, "mapping": {
              "a": {"id": "a", "message": {"content": {"parts": ["} \" {"]}, "n": [1, {"m": "message"}]}, "parent": null},
              "b\u00e9": {"message": null, "children": []},
              "c": {"message": {"first": true}, "message": {"second": "\ud83d\ude00"}},
              "d": {"message": {"kept": 1}, "message": null},
              "e": [], "f": {"message": [1]},
              "a": {"message": {"again": 2}}
            }}
            """#
        let data = Data(json.utf8)
        let (value, ranges) = try JSONBytesParser.parseConversation(data)
        let raw = data.withUnsafeBytes { b in ranges.mapValues { String(decoding: UnsafeRawBufferPointer(rebasing: b[$0]), as: UTF8.self) } }
        #expect(raw == RawMessageSlicer.messages(in: data))
        #expect(raw == ["a": #"{"again": 2}"#, "c": #"{"second": "\ud83d\ude00"}"#])
        #expect(same(value, try JSONSerialization.jsonObject(with: data)))
    }

    @Test func failuresGiveTheOffset() {
        do {
            _ = try JSONBytesParser.parse(Data(#"{"a": [1, 2, x]}"#.utf8))
            Issue.record("no failure")
        } catch let failure as JSONBytesParser.Failure {
            #expect(failure.offset == 13)
        } catch {
            Issue.record("\(error)")
        }
    }
}
