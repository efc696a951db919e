internal import CSystem

/// Writes text to standard output and standard error, flushing after each write so prompts,
/// results and errors appear in order.
public struct Console: Sendable {
    /// The process's own standard streams.
    public static let standard = Console()

    public init() {}

    /// Writes `text` to standard output; false when the write failed (e.g. a closed pipe).
    @discardableResult
    public func write(_ text: String) -> Bool {
        Self.put(text, chatbeto_stdout())
    }

    /// Writes `text` to standard error; false when the write failed.
    @discardableResult
    public func writeError(_ text: String) -> Bool {
        Self.put(text, chatbeto_stderr())
    }

    private static func put(_ text: String, _ stream: UnsafeMutablePointer<FILE>?) -> Bool {
        var text = text
        let complete = text.withUTF8 { bytes in
            bytes.isEmpty || fwrite(bytes.baseAddress, 1, bytes.count, stream) == bytes.count
        }
        return fflush(stream) == 0 && complete
    }
}
