internal import CChatBetoSystem

/// Writes text to standard output and standard error, flushing after each write so prompts,
/// results and errors appear in order.
public struct Console: Sendable {
    /// Where the text goes.
    public enum Destination: Sendable, Equatable {
        /// The process's `stdout` and `stderr` streams (shared with anything else using stdio).
        case standardStreams
        /// Raw file descriptors written with `write(2)`, e.g. a file or a pipe.
        case fileDescriptors(output: Int32, error: Int32)
    }

    /// The process's own standard streams.
    public static let standard = Console(destination: .standardStreams)

    /// Where this console writes.
    public let destination: Destination

    /// A console writing to `destination`.
    public init(destination: Destination) { self.destination = destination }

    /// Writes `text` to standard output; false when the write failed (e.g. a closed pipe).
    @discardableResult
    public func write(_ text: String) -> Bool {
        switch destination {
        case .standardStreams: return Self.put(text, chatbeto_stdout())
        case .fileDescriptors(let output, _): return Self.put(text, fd: output)
        }
    }

    /// Writes `text` to standard error; false when the write failed.
    @discardableResult
    public func writeError(_ text: String) -> Bool {
        switch destination {
        case .standardStreams: return Self.put(text, chatbeto_stderr())
        case .fileDescriptors(_, let error): return Self.put(text, fd: error)
        }
    }

    private static func put(_ text: String, _ stream: UnsafeMutablePointer<FILE>?) -> Bool {
        var text = text
        let complete = text.withUTF8 { bytes in
            bytes.isEmpty || fwrite(bytes.baseAddress, 1, bytes.count, stream) == bytes.count
        }
        return fflush(stream) == 0 && complete
    }

    private static func put(_ text: String, fd: Int32) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                // A closed reader yields false instead of SIGPIPE killing the process.
                let n = chatbeto_write_nosigpipe(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
    }
}
