import Foundation

/// The OpenAI Privacy Portal download: a container zip whose ChatGPT export is an inner zip
/// (`…/Conversations__<id>-chatgpt-0001.zip`, at any depth, possibly split into `-part-NNNN` zips of
/// which the first holds the conversations), beside `Files__…zip` archives of attachments and
/// unrelated files. Told by content: a zip with no conversations file of its own but such an inner zip.
enum ChatGPTContainer {
    /// The inner ChatGPT export zips (by base name `-chatgpt-<digits>…zip`), sorted.
    static func innerExports(_ probe: ExportProbe) -> [String] {
        probe.entries.map(\.path).filter { isInnerExport(($0 as NSString).lastPathComponent) }.sorted()
    }

    /// `Files__<id>-files-0001.zip`: attachments only, never conversations.
    static func fileArchives(_ probe: ExportProbe) -> [String] {
        probe.entries.map(\.path).filter {
            let name = ($0 as NSString).lastPathComponent
            return name.hasPrefix("Files_") && name.lowercased().hasSuffix(".zip")
        }.sorted()
    }

    static func isInnerExport(_ name: String) -> Bool {
        name.range(of: #"-chatgpt-[0-9]+[^/]*\.zip$"#, options: [.regularExpression, .caseInsensitive]) != nil
    }

    /// The inner zip that holds the conversations, opened, and the paths of every file of the other
    /// parts and `Files__` archives (for attachments), prefixed with their zip's name.
    static func open(_ probe: ExportProbe) throws -> (export: ExportProbe, member: String, otherFiles: [String])? {
        var found: (ExportProbe, String)?
        var others: [String] = []
        for member in innerExports(probe) + fileArchives(probe) {
            guard let inner = try? probe.nested(member) else { continue }
            let hasConversations = !ChatGPTExport.conversationFiles(inner.entries.map(\.path)).isEmpty
            if found == nil, hasConversations, isInnerExport((member as NSString).lastPathComponent) {
                found = (inner, member)
            } else {
                others += inner.entries.map { "\((member as NSString).lastPathComponent)/\($0.path)" }
            }
        }
        return found.map { ($0.0, $0.1, others) }
    }
}
