import ChatBetoSupport
import Foundation

/// Reads one ChatGPT conversations file (`conversations.json`, a `conversations-NNN.json` shard, or a
/// single conversation object) into the stream: split element by element, unchanged conversations
/// recognised by their bytes' hash, the others parsed into `ConversationRecord`s.
struct ChatGPTConversationFile {
    /// The export's files, so asset pointers find theirs.
    let assets: AssetIndex

    /// Streams one conversations file: a top-level array element by element (never the whole file in
    /// memory), or a top-level object (one conversation, or a list or map of them).
    func read(_ file: ExportFile, into stream: ConversationStream) throws -> Int {
        try SplitFileReader.read(file, into: stream, element: { data, offset, done in
            try handle(data: data, object: nil, fallbackID: nil, file: file, offset: offset, bytesDone: done, into: stream)
        }, document: { data, done in
            try handleDocument(data, file: file, bytesDone: done, into: stream)
        })
    }

    /// `fallbackID` is the key a member of a keyed file is stored under; when the object carries no id
    /// of its own, that key is hashed with its bytes (two keys with equal bodies are two conversations,
    /// and the bytes alone would find the other one stored and skip this one as unchanged).
    private func handle(data: Data, object: [String: Any]?, fallbackID: String?, file: ExportFile, offset: Int,
                        bytesDone: Int64, into stream: ConversationStream) throws {
        let ownID = object.flatMap { JSONAccess.string($0["id"]) ?? JSONAccess.string($0["conversation_id"]) }
        let hash = ContentHash.hex(of: ownID == nil ? fallbackID.map { Data("\($0)\n".utf8) + data } ?? data : data)
        if try stream.skipIfUnchanged(contentHash: hash, bytesDone: bytesDone) { return }
        var parsed = object
        var data = data
        var escapesReplaced = 0
        var messageRanges: [String: Range<Int>]?
        if parsed == nil {
            do {
                let result = try JSONBytesParser.parseConversation(data)
                parsed = result.value as? [String: Any]
                messageRanges = result.messageRanges
            } catch let failure as JSONBytesParser.Failure {
                // A lone surrogate or an unknown escape: replace it with U+FFFD and try once more.
                let repaired = JSONEscapeRepair.repair(data)
                if repaired.replaced > 0, let again = try? JSONBytesParser.parseConversation(repaired.data),
                   let object = again.value as? [String: Any] {
                    parsed = object
                    messageRanges = again.messageRanges
                    data = repaired.data
                    escapesReplaced = repaired.replaced
                } else {
                    throw ImportError.invalidFile(file: file.name, offset: offset + failure.offset,
                                                  reason: "invalid JSON in a conversation (\(failure.reason))")
                }
            }
        }
        guard let conversation = parsed else {
            throw ImportError.invalidFile(file: file.name, offset: offset, reason: "a conversation is not a JSON object")
        }
        do {
            var record = try ConversationRecord(chatGPT: conversation, bytes: data, contentHash: hash, fallbackID: fallbackID,
                                                assets: assets, limits: stream.limits, messageRanges: messageRanges)
            if escapesReplaced > 0 {
                record.repairs.append((nil, "\(escapesReplaced) invalid escape\(escapesReplaced == 1 ? "" : "s") (a lone surrogate such as \\ud800, or an unknown escape) replaced by U+FFFD"))
            }
            try stream.conversation(record, bytesDone: bytesDone)
        } catch let problem as ConversationTree.Problem {
            let id = JSONAccess.string(conversation["id"]) ?? JSONAccess.string(conversation["conversation_id"]) ?? fallbackID
            try stream.skipped(ImportReport.Skip(conversationID: id, file: file.name, offset: offset, reason: problem.reason),
                               bytesDone: bytesDone)
        }
    }

    /// A top-level object: one conversation, a `{"conversations": [...]}` wrapper, or conversations keyed by name.
    private func handleDocument(_ data: Data, file: ExportFile, bytesDone: Int64, into stream: ConversationStream) throws -> Int {
        let json: [String: Any]
        do {
            json = try JSONBytesParser.parse(data) as? [String: Any] ?? [:]
        } catch let failure as JSONBytesParser.Failure {
            throw ImportError.invalidFile(file: file.name, offset: failure.offset, reason: "invalid JSON (\(failure.reason))")
        }
        if json["mapping"] != nil {
            try handle(data: data, object: json, fallbackID: nil, file: file, offset: 0, bytesDone: bytesDone, into: stream)
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
                try stream.skipped(skip, bytesDone: bytesDone)
                continue
            }
            // Hash a canonical serialisation: the members have no bytes of their own.
            let canonical = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
            try handle(data: canonical, object: object, fallbackID: key, file: file, offset: 0, bytesDone: bytesDone, into: stream)
        }
        return members.count
    }
}
