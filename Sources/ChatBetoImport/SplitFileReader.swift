import Foundation

/// Cuts a file that streams through it in chunks into the values an export format reads one at a time:
/// `ConversationSplitter` (JSON arrays), `ActivityCellSplitter` (Takeout's activity page).
protocol ValueSplitter {
    /// The most bytes one value may take; a larger one is `oversized`, skipped without being held.
    var maxValueBytes: Int { get set }
    /// Bytes consumed so far.
    var offset: Int { get }
    /// Scans one chunk, calling `emit` for each complete value.
    mutating func feed(_ chunk: UnsafeRawBufferPointer, _ emit: (ConversationSplitter.Piece) throws -> Void) throws
    /// Checks that the stream ended after a complete value.
    func finish() throws
}

extension ConversationSplitter: ValueSplitter {}

/// The loop every conversations file goes through (ChatGPT's, Claude's, Grok's, Gemini's JSON and HTML):
/// the file streams in chunks through a `ValueSplitter`, each cut value goes to the format, a value over
/// the per-conversation limit is reported as skipped without being held, and a structural problem becomes
/// an `ImportError` naming the file, the byte, and the item a truncated file ends in.
enum SplitFileReader {
    /// Streams `file` through a `ConversationSplitter`; `element` gets each element of a top-level array
    /// (its bytes, where it starts, the bytes of the file read so far), `document` a top-level object and
    /// returns how many conversations it held. Returns how many conversations were read. With `member`, a
    /// top-level object's array under that key is split instead (`ConversationSplitter.memberArray`).
    /// `item` names what an element is ("conversation"), `label` what its first bytes show of it (its id);
    /// without `reportsOversized`, an element over the limit is left to a second pass to report.
    /// `progress` gets the bytes read after each chunk (a first pass that pushes nothing reports them so).
    static func read(_ file: ExportFile, into stream: ConversationStream, member: String? = nil, item: String = "conversation",
                     label: (Data) -> String? = SplitFileReader.id(in:), reportsOversized: Bool = true,
                     progress: ((_ bytesDone: Int64) throws -> Void)? = nil,
                     element: (_ data: Data, _ offset: Int, _ bytesDone: Int64) throws -> Void,
                     document: (_ data: Data, _ bytesDone: Int64) throws -> Int = { _, _ in 0 }) throws -> Int {
        var splitter = ConversationSplitter()
        splitter.memberArray = member
        return try read(file, into: stream, splitter: splitter, item: item, label: label, reportsOversized: reportsOversized,
                        progress: progress, element: element, document: document)
    }

    /// Streams `file` through `splitter` (its limit set to the stream's per-conversation limit), as above.
    static func read(_ file: ExportFile, into stream: ConversationStream, splitter: some ValueSplitter, item: String,
                     label: (Data) -> String?, reportsOversized: Bool = true,
                     progress: ((_ bytesDone: Int64) throws -> Void)? = nil,
                     element: (_ data: Data, _ offset: Int, _ bytesDone: Int64) throws -> Void,
                     document: (_ data: Data, _ bytesDone: Int64) throws -> Int = { _, _ in 0 }) throws -> Int {
        let limits = stream.limits
        var splitter = splitter
        splitter.maxValueBytes = limits.conversationBytes
        var count = 0
        do {
            try file.read { chunk in
                var pieces: [ConversationSplitter.Piece] = []
                try splitter.feed(chunk) { pieces.append($0) }
                let done = Int64(splitter.offset)
                for piece in pieces {
                    switch piece {
                    case .element(let data, let offset):
                        count += 1
                        try element(data, offset, done)
                    case .document(let data):
                        count += try document(data, done)
                    case .oversized(let offset, let bytes):
                        count += 1
                        guard reportsOversized else { continue }
                        let skip = ImportReport.Skip(conversationID: nil, file: file.name, offset: offset,
                                                     reason: "the conversation is \(bytes >> 20) MB, over the \(limits.conversationBytes >> 20) MB one conversation may take; refused")
                        try stream.skipped(skip, bytesDone: done)
                    }
                }
                try progress?(done)
            }
            try splitter.finish()
        } catch let failure as ConversationSplitter.Failure {
            guard let open = failure.openElement else {
                throw ImportError.invalidFile(file: file.name, offset: failure.offset, reason: failure.reason)
            }
            let name = label(open.head).map { " (\($0))" } ?? ""
            throw ImportError.invalidFile(file: file.name, offset: failure.offset,
                                          reason: "the file ends inside \(item) \(open.number)\(name), which starts at byte \(open.offset) (truncated?)")
        }
        return count
    }

    /// The first id (`conversation_id`, `uuid`, `id`) in an element's first bytes, when it is there.
    static func id(in head: Data) -> String? {
        value(of: ["conversation_id", "uuid", "id"], in: head)
    }

    /// The first string value of one of `keys` in `head`, cut to 80 characters.
    static func value(of keys: [String], in head: Data) -> String? {
        let text = String(decoding: head, as: UTF8.self)
        for key in keys {
            guard let r = text.range(of: "\"\(key)\"\\s*:\\s*\"([^\"\\\\]{1,200})", options: .regularExpression) else { continue }
            let match = text[r]
            guard let colon = match.firstIndex(of: ":") else { continue }
            let quoted = match[colon...].drop { $0 != "\"" }.dropFirst()
            return String(quoted.prefix(80))
        }
        return nil
    }
}
