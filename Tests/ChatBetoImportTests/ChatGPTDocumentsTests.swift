@testable import ChatBetoImport
import Foundation
import Testing

/// Canvas updates as the canmore tool applies them, and the manifest check, without a database.
@Suite struct ChatGPTDocumentsTests {
    @Test func canvasUpdatesFollowPythonRegexAndTemplateRules() {
        let doc = "# Packing list\n\n- passport\n- charger\n- sunscreen\n"
        let plug = CanvasUpdate.apply(pattern: "- charger\\n", replacement: "- charger\\n- adapter plug\\n", multiple: false, to: doc)
        #expect(plug == "# Packing list\n\n- passport\n- charger\n- adapter plug\n- sunscreen\n")
        #expect(CanvasUpdate.apply(pattern: "(\\w+)screen", replacement: "\\1 cream", multiple: true, to: "sunscreen, moonscreen")
                == "sun cream, moon cream")
        #expect(CanvasUpdate.apply(pattern: "(?P<x>a)|(?P<y>b)(?P=y)", replacement: "[\\g<y>]", multiple: true, to: "abb") == "[][b]")
        #expect(CanvasUpdate.apply(pattern: "(?<w>o)", replacement: "\\g<w>0 $1", multiple: false, to: "one o") == "o0 $1ne o")
        #expect(CanvasUpdate.apply(pattern: "x", replacement: "y", multiple: false, to: "abc") == nil)  // no match: stops there
        #expect(CanvasUpdate.apply(pattern: "(sun", replacement: "x", multiple: false, to: "sun") == nil)  // invalid pattern
        #expect(CanvasUpdate.apply(pattern: ".*", replacement: "all\nnew", multiple: false, to: "old\ntext") == "all\nnew")
    }

    @Test func theManifestReportsMissingResizedAndUnlistedFiles() throws {
        let manifest = try #require(ExportManifest(Data(#"{"export_files": [{"path": "a.json", "size_bytes": 2}, {"path": "b.dat", "size_bytes": 5}]}"#.utf8)))
        #expect(manifest.check(against: ["a.json": 2, "b.dat": 5, "export_manifest.json": 9]) == ["export_manifest.json: all 2 listed files are in the export"])
        #expect(manifest.check(against: ["a.json": 3, "c.txt": 1]) == [
            "export_manifest.json lists 1 file the export does not hold: b.dat",
            "export_manifest.json gives another size for 1 file: a.json (3 bytes, listed 2)",
            "the export holds 1 file export_manifest.json does not list: c.txt",
        ])
        #expect(ExportManifest(Data("[]".utf8)) == nil)
    }
}
