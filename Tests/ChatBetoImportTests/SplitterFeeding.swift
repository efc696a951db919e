@testable import ChatBetoImport

/// Feeds `text` to `splitter` `chunk` bytes at a time, as SplitFileReader reads a file, and returns
/// `render` of every piece it cut, then checks that the stream ended after a complete value.
func pieces<S: ValueSplitter>(of text: String, through splitter: inout S, chunk: Int,
                              _ render: (ConversationSplitter.Piece) -> String) throws -> [String] {
    var out: [String] = []
    let bytes = Array(text.utf8)
    var i = 0
    while i < bytes.count {
        let end = min(bytes.count, i + chunk)
        try bytes[i..<end].withUnsafeBytes { buffer in try splitter.feed(buffer) { out.append(render($0)) } }
        i = end
    }
    try splitter.finish()
    return out
}
