import ChatBetoSupport
import Foundation

/// The parser side of an import: streams each conversations file through the splitter, recognises
/// unchanged conversations by their bytes' hash without parsing them, parses the others into
/// `ConversationRecord`s, and hands everything to the writer as `Item`s. Runs on its own thread.
final class ConversationReader: @unchecked Sendable {
    enum Item: Sendable {
        case fileStarted(ExportFile)
        case conversation(ConversationRecord, bytesDone: Int64)
        /// Same bytes as stored: the conversation id it is stored under.
        case unchanged(id: String?, bytesDone: Int64)
        case skipped(ImportReport.Skip, bytesDone: Int64)
        case fileFinished(ExportFile, conversations: Int)
        case failed(ImportError)
    }

    private let source: ExportSource
    private let knownHashes: [String: String]
    private let limits: ImportLimits
    let queue: HandoffQueue<Item>

    init(source: ExportSource, knownHashes: [String: String], limits: ImportLimits = ImportLimits(), capacity: Int = 64) {
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
                let count = try read(file, bytesBefore: before)
                guard queue.push(.fileFinished(file, conversations: count)) else { return }
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

    private struct Stop: Error {}

    private func read(_ file: ExportFile, bytesBefore: Int64) throws -> Int {
        var splitter = ConversationSplitter()
        splitter.maxValueBytes = limits.conversationBytes
        var count = 0
        do {
            try file.read { chunk in
                var pieces: [ConversationSplitter.Piece] = []
                try splitter.feed(chunk) { pieces.append($0) }
                let done = bytesBefore + Int64(splitter.offset)
                for piece in pieces {
                    switch piece {
                    case .element(let data, let offset):
                        count += 1
                        try handle(data: data, object: nil, fallbackID: nil, file: file, offset: offset, bytesDone: done)
                    case .document(let data):
                        count += try handleDocument(data, file: file, bytesDone: done)
                    case .oversized(let offset, let bytes):
                        count += 1
                        let skip = ImportReport.Skip(conversationID: nil, file: file.name, offset: offset,
                                                     reason: "the conversation is \(bytes >> 20) MB, over the \(limits.conversationBytes >> 20) MB one conversation may take; refused")
                        guard queue.push(.skipped(skip, bytesDone: done)) else { throw Stop() }
                    }
                }
            }
            try splitter.finish()
        } catch let failure as ConversationSplitter.Failure {
            throw ImportError.invalidFile(file: file.name, offset: failure.offset, reason: failure.reason)
        }
        return count
    }

    private func handle(data: Data, object: [String: Any]?, fallbackID: String?, file: ExportFile, offset: Int,
                        bytesDone: Int64) throws {
        let hash = ContentHash.hex(of: data)
        if let id = knownHashes[hash] {
            guard queue.push(.unchanged(id: id, bytesDone: bytesDone)) else { throw Stop() }
            return
        }
        var parsed = object
        var data = data
        var escapesReplaced = 0
        if parsed == nil {
            do {
                parsed = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            } catch {
                // A lone surrogate or an unknown escape: replace it with U+FFFD and try once more.
                let repaired = JSONEscapeRepair.repair(data)
                if repaired.replaced > 0, let again = try? JSONSerialization.jsonObject(with: repaired.data) as? [String: Any] {
                    parsed = again
                    data = repaired.data
                    escapesReplaced = repaired.replaced
                } else {
                    let index = ((error as NSError).userInfo["NSJSONSerializationErrorIndex"] as? Int) ?? 0
                    throw ImportError.invalidFile(file: file.name, offset: offset + index,
                                                  reason: "invalid JSON in a conversation (\((error as NSError).localizedDescription))")
                }
            }
        }
        guard let conversation = parsed else {
            throw ImportError.invalidFile(file: file.name, offset: offset, reason: "a conversation is not a JSON object")
        }
        let item: Item
        do {
            var record = try ConversationRecord(object: conversation, bytes: data, contentHash: hash, fallbackID: fallbackID,
                                                assets: source.assets, limits: limits)
            if escapesReplaced > 0 {
                record.repairs.append((nil, "\(escapesReplaced) invalid escape\(escapesReplaced == 1 ? "" : "s") (a lone surrogate such as \\ud800, or an unknown escape) replaced by U+FFFD"))
            }
            item = .conversation(record, bytesDone: bytesDone)
        } catch let problem as ConversationTree.Problem {
            let id = JSONAccess.string(conversation["id"]) ?? JSONAccess.string(conversation["conversation_id"]) ?? fallbackID
            item = .skipped(ImportReport.Skip(conversationID: id, file: file.name, offset: offset, reason: problem.reason), bytesDone: bytesDone)
        }
        guard queue.push(item) else { throw Stop() }
    }

    /// A top-level object: one conversation, a `{"conversations": [...]}` wrapper, or conversations keyed by name.
    private func handleDocument(_ data: Data, file: ExportFile, bytesDone: Int64) throws -> Int {
        let json: [String: Any]
        do {
            json = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        } catch {
            let index = ((error as NSError).userInfo["NSJSONSerializationErrorIndex"] as? Int) ?? 0
            throw ImportError.invalidFile(file: file.name, offset: index, reason: "invalid JSON (\((error as NSError).localizedDescription))")
        }
        if json["mapping"] != nil {
            try handle(data: data, object: json, fallbackID: nil, file: file, offset: 0, bytesDone: bytesDone)
            return 1
        }
        var members: [(String?, Any)] = []
        if let list = json["conversations"] as? [Any] {
            members = list.map { (nil, $0) }
        } else {
            members = json.keys.sorted().compactMap { key in
                guard let v = json[key] as? [String: Any], v["mapping"] != nil else { return nil }
                return (key, v)
            }
        }
        guard !members.isEmpty else {
            throw ImportError.invalidFile(file: file.name, offset: 0,
                                          reason: "a JSON object that is neither a conversation (no \"mapping\") nor a list of conversations")
        }
        for (key, value) in members {
            guard let object = value as? [String: Any] else {
                let skip = ImportReport.Skip(conversationID: key, file: file.name, offset: 0, reason: "a conversation is not a JSON object")
                guard queue.push(.skipped(skip, bytesDone: bytesDone)) else { throw Stop() }
                continue
            }
            // Hash a canonical serialisation: the members have no bytes of their own.
            let canonical = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
            try handle(data: canonical, object: object, fallbackID: key, file: file, offset: 0, bytesDone: bytesDone)
        }
        return members.count
    }
}
