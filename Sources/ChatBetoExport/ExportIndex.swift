import ChatBetoRender
import ChatBetoStore

/// The index file of a project export: one entry per conversation, linking its file.
public enum ExportIndex {
    /// The index of a project export in `format`, one entry per conversation file.
    public static func render(project: String, entries: [(file: String, summary: ConversationSummary)],
                              format: ExportFormat) -> String {
        switch format {
        case .markdown:
            return "# \(project)\n\n" + entries.map { e in
                "- \(e.summary.createTime.map { String($0.prefix(10)) + " " } ?? "")[\(e.summary.displayTitle)](\(e.file))"
            }.joined(separator: "\n") + "\n"
        case .html:
            return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>\(HTMLExport.escape(project))</title></head><body>\n"
                + "<h1>\(HTMLExport.escape(project))</h1>\n<ul>\n" + entries.map { e in
                    "<li>\(HTMLExport.escape(String((e.summary.createTime ?? "").prefix(10)))) <a href=\"\(HTMLExport.escape(e.file))\">\(HTMLExport.escape(e.summary.displayTitle))</a></li>"
                }.joined(separator: "\n") + "\n</ul>\n</body></html>\n"
        case .json:
            return "[\n" + entries.map { e in
                "  {\"id\":\(JSONText.quoted(e.summary.id)),\"title\":\(JSONText.quoted(e.summary.displayTitle)),\"file\":\(JSONText.quoted(e.file))}"
            }.joined(separator: ",\n") + "\n]\n"
        }
    }
}
