@testable import ChatBetoImport
import ChatBetoTestSupport
import Foundation
import Testing

/// The import seam: formats recognise exports by content, the registry picks the most confident one,
/// and a path none reads says what it looks like.
@Suite struct ExportFormatTests {
    private func file(_ name: String, _ text: String) throws -> URL {
        let url = ImportFixtures.temporaryDirectory().appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func jsonShapeNamesTheKeysOfTheFirstObjects() {
        #expect(JSONShape.describe(Data(#"[{"uuid": "a", "name": {"x": 1}, "chat_messages": []}]"#.utf8))
                == "a JSON array of objects with keys uuid, name, chat_messages")
        #expect(JSONShape.describe(Data(#"{"hello": [1, {"deep": 2}], "b\"q": 3}"#.utf8)) == #"a JSON object with keys hello, b\"q"#)
        #expect(JSONShape.describe(Data(" [ ] ".utf8)) == "an empty JSON array")
        #expect(JSONShape.describe(Data()) == "an empty file")
        #expect(JSONShape.describe(Data("hello there".utf8)) == #"a text file that is not JSON (it starts "hello there")"#)
        #expect(JSONShape.describe(Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01])) == "a binary file (it starts with bytes 89 50 4e 47)")
        // A key cut off by the end of the head is not reported as one.
        #expect(JSONShape.keys(Data(#"[{"id": 1, "mapp"#.utf8), depth: 2) == ["id"])
    }

    @Test func chatGPTIsRecognisedByItsMappingWhateverTheFileName() throws {
        let slim = try file("anything.txt", "[\n  {\n    \"conversation_id\": \"c\",\n    \"mapping\": {}\n  }\n]")
        let opened = try ExportFormats.open(slim)
        #expect(opened.format.name == "chatgpt")
        #expect(opened.export.files.map(\.name) == ["anything.txt"])
        let one = try file("one.json", #"{"title": "t", "mapping": {"a": {"id": "a"}}}"#)
        #expect(try ExportFormats.open(one).format.name == "chatgpt")
        #expect(ChatGPTExportFormat().recognise(try ExportProbe(one))?.confidence == 0.9)
    }

    @Test func aPathNoFormatReadsSaysWhatItLooksLikeAndWhatIsRead() throws {
        // A Claude-shaped file is Claude's now (issue 11); a shape no format reads is described.
        let claude = try file("conversations.json", #"[{"uuid": "c1", "chat_messages": []}]"#)
        #expect(try ExportFormats.open(claude).format.name == "claude")
        let other = try file("conversations.json", #"[{"uuid": "c1", "turns": []}]"#)
        do {
            _ = try ExportFormats.open(other)
            Issue.record("a file of no known shape must not be read")
        } catch let error as ImportError {
            let text = "\(error)"
            #expect(text.contains("conversations.json: it looks like a JSON array of objects with keys uuid, turns"), "\(text)")
            #expect(text.contains("chatbeto reads a ChatGPT data export"), "\(text)")
        }
        #expect(throws: ImportError.self) { try ExportFormats.open(other, forced: "myspace") }
    }

    @Test func forcingAFormatSkipsRecognition() throws {
        let other = try file("c.json", #"{"hello": 1}"#)
        #expect(throws: ImportError.self) { try ExportFormats.open(other) }
        #expect(try ExportFormats.open(other, forced: "chatgpt").export.files.map(\.name) == ["c.json"])
    }

    @Test func fileTypesAreToldByTheirBytes() {
        #expect(FileType.mimeType(of: Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A])) == "image/png")
        #expect(FileType.mimeType(of: Data("RIFF\u{0}\u{0}\u{0}\u{0}WAVEfmt ".utf8)) == "audio/wav")
        #expect(FileType.mimeType(of: Data("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8 ".utf8)) == "image/webp")
        #expect(FileType.mimeType(of: Data("%PDF-1.4".utf8)) == "application/pdf")
        #expect(FileType.mimeType(of: Data([0, 0, 0, 0x18] + Array("ftypmp42".utf8))) == "video/mp4")
        #expect(FileType.mimeType(of: Data("hello".utf8)) == nil)
        #expect(AssetIndex.fileID(fromPointer: "sediment://file_00ff") == "file_00ff")
        #expect(AssetIndex.fileID(fromPointer: "file-service://file-AbC") == "file-AbC")
        #expect(AssetIndex.fileID(fromPointer: "sediment://../file_00ff") == nil)
    }
}
