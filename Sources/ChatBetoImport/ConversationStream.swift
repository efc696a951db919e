import ChatBetoSupport
import Foundation

/// Where an export format puts the conversations of one file while it reads it: each parsed
/// conversation, each conversation whose bytes are already stored, each one it had to skip, with
/// the bytes of the file read so far (for progress). A push fails (throws) once the import stopped.
final class ConversationStream: @unchecked Sendable {
    /// Thrown by a push after the import was cancelled; formats let it propagate.
    struct Stopped: Error {}

    /// Size limits for one conversation and one message.
    let limits: ImportLimits
    private let knownHashes: [String: String]
    private let queue: HandoffQueue<ConversationReader.Item>
    private let bytesBefore: Int64
    private let readerVersion: String

    init(limits: ImportLimits, knownHashes: [String: String], queue: HandoffQueue<ConversationReader.Item>, bytesBefore: Int64,
         readerVersion: String) {
        self.limits = limits
        self.readerVersion = readerVersion
        self.knownHashes = knownHashes
        self.queue = queue
        self.bytesBefore = bytesBefore
    }

    /// When a conversation with these bytes is stored already: pushes it as unchanged and returns true,
    /// so the format need not parse it.
    func skipIfUnchanged(contentHash: String, bytesDone: Int64) throws -> Bool {
        let stored = ConversationStream.stored(contentHash, readerVersion: readerVersion)
        guard let id = knownHashes[stored] else { return false }
        try push(.unchanged(id: id, contentHash: stored, bytesDone: bytesBefore + bytesDone))
        return true
    }

    /// A parsed conversation, after `bytesDone` bytes of the file.
    func conversation(_ record: ConversationRecord, bytesDone: Int64) throws {
        var record = record
        record.contentHash = ConversationStream.stored(record.contentHash, readerVersion: readerVersion)
        try push(.conversation(record, bytesDone: bytesBefore + bytesDone))
    }

    /// The form of a conversation's bytes hash that is stored (`conversations.content_hash`): mixed
    /// with the reader's version, so conversations an older reader stored are read again after an
    /// upgrade (and merged), once.
    static func stored(_ bytesHash: String, readerVersion: String) -> String {
        ContentHash.hex(of: Data("\(readerVersion):\(bytesHash)".utf8))
    }

    /// A conversation that cannot be imported, and why.
    func skipped(_ skip: ImportReport.Skip, bytesDone: Int64) throws {
        try push(.skipped(skip, bytesDone: bytesBefore + bytesDone))
    }

    /// Bytes read without a conversation to show for them yet (a format's first pass over a file it
    /// must see whole before handing on the first conversation), for progress.
    func progress(bytesDone: Int64) throws {
        try push(.progress(bytesDone: bytesBefore + bytesDone))
    }

    private func push(_ item: ConversationReader.Item) throws {
        guard queue.push(item) else { throw Stopped() }
    }
}
