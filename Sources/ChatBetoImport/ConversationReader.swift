import ChatBetoSupport
import Foundation

/// The parser side of an import: has the export's format stream each conversations file (recognising
/// unchanged conversations by their bytes' hash without parsing them, parsing the others into
/// `ConversationRecord`s) and hands everything to the writer as `Item`s. Runs on its own thread.
final class ConversationReader: @unchecked Sendable {
    enum Item: Sendable {
        case fileStarted(ExportFile)
        case conversation(ConversationRecord, bytesDone: Int64)
        /// Same bytes as stored (or as a copy the stored conversation holds): the conversation id it is
        /// stored under, and the bytes' hash in its stored form.
        case unchanged(id: String?, contentHash: String, bytesDone: Int64)
        case skipped(ImportReport.Skip, bytesDone: Int64)
        /// Bytes read so far, with nothing to hand on yet (`ConversationStream.progress`).
        case progress(bytesDone: Int64)
        case fileFinished(ExportFile, conversations: Int)
        case failed(ImportError)
    }

    private let source: any OpenedExport
    private let knownHashes: [String: String]
    private let limits: ImportLimits
    let queue: HandoffQueue<Item>

    init(source: any OpenedExport, knownHashes: [String: String], limits: ImportLimits = ImportLimits(), capacity: Int = 64) {
        self.source = source
        self.knownHashes = knownHashes
        self.limits = limits
        queue = HandoffQueue(capacity: capacity)
    }

    /// Starts reading on a new thread; items arrive on `queue`, which is closed at the end.
    func start() {
        let thread = Thread { [self] in
            self.run()
            self.queue.close()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Reads every file, pushing items; stops at the first file-level failure.
    func run() {
        var before: Int64 = 0
        for file in source.files {
            guard queue.push(.fileStarted(file)) else { return }
            do {
                let stream = ConversationStream(limits: limits, knownHashes: knownHashes, queue: queue, bytesBefore: before,
                                                readerVersion: source.readerVersion)
                let count = try source.read(file, into: stream)
                guard queue.push(.fileFinished(file, conversations: count)) else { return }
            } catch is ConversationStream.Stopped {
                return
            } catch let error as ImportError {
                queue.push(.failed(error))
                return
            } catch {
                queue.push(.failed(.unreadable(path: file.name, reason: "\(error)")))
                return
            }
            before += file.size
        }
    }
}
