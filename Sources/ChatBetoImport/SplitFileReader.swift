import Foundation

/// The loop every JSON conversations file goes through (ChatGPT's, Claude's): the file streams in
/// chunks through a `ConversationSplitter`, each cut value goes to the format, a value over the
/// per-conversation limit is reported as skipped without being held, and a structural problem becomes
/// an `ImportError` naming the file and the byte.
enum SplitFileReader {
    /// Streams `file`; `element` gets each element of a top-level array (its bytes, where it starts,
    /// the bytes of the file read so far), `document` a top-level object and returns how many
    /// conversations it held. Returns how many conversations were read.
    static func read(_ file: ExportFile, into stream: ConversationStream,
                     element: (_ data: Data, _ offset: Int, _ bytesDone: Int64) throws -> Void,
                     document: (_ data: Data, _ bytesDone: Int64) throws -> Int) throws -> Int {
        let limits = stream.limits
        var splitter = ConversationSplitter()
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
                        let skip = ImportReport.Skip(conversationID: nil, file: file.name, offset: offset,
                                                     reason: "the conversation is \(bytes >> 20) MB, over the \(limits.conversationBytes >> 20) MB one conversation may take; refused")
                        try stream.skipped(skip, bytesDone: done)
                    }
                }
            }
            try splitter.finish()
        } catch let failure as ConversationSplitter.Failure {
            throw ImportError.invalidFile(file: file.name, offset: failure.offset, reason: failure.reason)
        }
        return count
    }
}
