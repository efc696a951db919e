import Foundation
import ZIPFoundation

/// What the other providers' formats share: reading a small file whole, looking into a zip that sits
/// in an export folder (Claude's G3 parts), and pushing records into the stream.
extension ExportFile {
    /// The whole file, for the small files read at open (projects, manifests) and the activity logs
    /// that must be grouped (Gemini); refused above `limit` bytes.
    func readAll(limit: Int) throws -> Data {
        guard size <= Int64(limit) else {
            throw ImportError.unreadable(path: name, reason: "it is \(size >> 20) MB, over the \(limit >> 20) MB chatbeto reads whole")
        }
        var out = Data()
        try read { out.append(contentsOf: $0) }
        return out
    }

    /// The member files of a zip on disk, each as an `ExportFile` read in place (`parts.zip:conversations.json`).
    static func members(ofZip url: URL, shownAs prefix: String) -> [ExportFile] {
        let archive: Archive
        do { archive = try Archive(url: url, accessMode: .read) } catch { return [] }
        return archive.filter { $0.type == .file }.map {
            ExportFile(location: .zipEntry(archive: url, path: $0.path), name: "\(prefix):\($0.path)", size: Int64($0.uncompressedSize))
        }.sorted { $0.name < $1.name }
    }

    /// The path inside the export or part zip (`projects/abc.json`), without the display prefix.
    var innerPath: String {
        switch location {
        case .file: return name
        case .zipEntry(_, let path): return path
        case .nestedZipEntry(_, _, let path): return path
        }
    }
}

extension ConversationStream {
    /// Pushes a record read by one of the other providers' readers, or the reason it was skipped.
    func push(_ read: () throws -> SourceConversation, contentHash: String, file: ExportFile, offset: Int, bytesDone: Int64,
              fallbackID: String?) throws {
        if try skipIfUnchanged(contentHash: contentHash, bytesDone: bytesDone) { return }
        do {
            try conversation(try read().record(contentHash: contentHash, limits: limits), bytesDone: bytesDone)
        } catch let problem as ConversationTree.Problem {
            try skipped(ImportReport.Skip(conversationID: fallbackID, file: file.name, offset: offset, reason: problem.reason), bytesDone: bytesDone)
        }
    }
}

/// Notes an opened export learns while it reads (Gemini's grouping), read by the importer at the end.
final class NoteBoard: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    init(_ initial: [String] = []) { lines = initial }
    func add(_ line: String) { lock.lock(); lines.append(line); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return lines }
}
