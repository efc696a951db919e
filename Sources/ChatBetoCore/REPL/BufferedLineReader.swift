import Foundation

/// Reads lines from a file descriptor or file with a large buffer (libedit reads a byte per syscall on pipes).
public final class BufferedLineReader: LineReader {
    private let handle: FileHandle
    private var buffer = Data()
    private var atEnd = false
    /// Whether the start of the input was checked for a UTF-8 byte-order mark (Windows editors write one).
    private var checkedBOM = false

    /// Reads lines from this file handle (stdin when it is no terminal, or a `-f` script).
    public init(handle: FileHandle) { self.handle = handle }

    /// The next line, without prompting.
    public func readLine(prompt: String) -> LineInput {
        while true {
            if !checkedBOM {
                if buffer.count < 3 && !atEnd {
                    let chunk = handle.availableData
                    if chunk.isEmpty { atEnd = true } else { buffer.append(chunk) }
                    continue
                }
                checkedBOM = true
                if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { buffer.removeFirst(3) }
            }
            if let newline = buffer.firstIndex(of: 0x0A) {
                var lineData = buffer[buffer.startIndex..<newline]
                if lineData.last == 0x0D { lineData = lineData.dropLast() }
                let line = String(decoding: lineData, as: UTF8.self)
                buffer.removeSubrange(buffer.startIndex...newline)
                return .line(line)
            }
            if atEnd {
                guard !buffer.isEmpty else { return .end }
                if buffer.last == 0x0D { buffer.removeLast() }
                let line = String(decoding: buffer, as: UTF8.self)
                buffer.removeAll()
                return .line(line)
            }
            let chunk = handle.availableData
            if chunk.isEmpty { atEnd = true } else { buffer.append(chunk) }
        }
    }

    /// Scripts have no history: does nothing.
    public func addHistory(_ line: String) {}
}

/// Lines from a string (for `-e`).
public final class StringLineReader: LineReader {
    private var lines: [String]
    /// Lines from this text (a leading BOM and CRLF endings dropped).
    public init(_ text: String) {
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        lines = body.components(separatedBy: "\n").map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }.reversed()
    }
    /// The next line of the text.
    public func readLine(prompt: String) -> LineInput { lines.popLast().map { .line($0) } ?? .end }
    /// `-e` has no history: does nothing.
    public func addHistory(_ line: String) {}
}
