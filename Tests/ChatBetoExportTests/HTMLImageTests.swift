@testable import ChatBetoExport
@testable import ChatBetoStore
import Foundation
import Testing

/// HTML embeds image attachments from a lookup by export path; other files and missing images are not embedded.
@Suite struct HTMLImageTests {
    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3])

    func conversation(_ assets: [ExportedAsset]) -> ExportedConversation {
        let names = ["node_id", "role", "text", "on_visible_path", "visible_index"]
        let message = StoredMessage(Record(columns: names.map { Column(name: $0, kind: .text) },
                                           values: [.text("u1"), .text("user"), .text("look"), .int(1), .int(0)]))
        let summary = ConversationSummary(Record(columns: [Column(name: "id", kind: .text)], values: [.text("c1")]))
        return ExportedConversation(summary: summary, project: nil, gizmoID: nil, defaultModel: nil, isArchived: false,
                                    extra: nil, nodes: [message], assets: ["u1": assets])
    }

    @Test func embedsAnImageSniffedFromItsBytesWithAnEscapedAlt() {
        let c = conversation([ExportedAsset(kind: "attachment", exportPath: "file_1.dat", fileName: "a\"<b>.png", mimeType: nil),
                              ExportedAsset(kind: "image", exportPath: "file_1.dat", fileName: nil, mimeType: nil)])
        let page = HTMLExport.page(c, allBranches: false, images: { $0 == "file_1.dat" ? Self.png : nil })
        #expect(page.html.contains("<img src=\"data:image/png;base64,\(Self.png.base64EncodedString())\" alt=\"a&quot;&lt;b&gt;.png\""))
        #expect(page.html.components(separatedBy: "<img ").count == 2)
        #expect(page.missingImages == 0)
    }

    @Test func leavesOutAPDFAndNamesAMissingImage() {
        let c = conversation([ExportedAsset(kind: "attachment", exportPath: "doc.dat", fileName: "doc.pdf", mimeType: "application/pdf"),
                              ExportedAsset(kind: "image", exportPath: "gone.dat", fileName: "gone.png", mimeType: "image/png")])
        let page = HTMLExport.page(c, allBranches: false, images: { $0 == "doc.dat" ? Self.png : nil })
        #expect(!page.html.contains("data:"))
        #expect(page.html.contains("(image gone.png: not in this export)"))
        #expect(page.missingImages == 1)
        #expect(!HTMLExport.render(c, allBranches: false).contains("not in this export"))
    }
}
