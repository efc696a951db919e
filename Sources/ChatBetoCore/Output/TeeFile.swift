import ChatBetoRender
import Foundation

/// `tee FILE`: a copy of everything the shell shows (and the lines typed at the prompt), appended to a
/// file, as the `mysql` client's tee does. Colours are stripped; a typed line that may hold a secret is
/// left out, and an OpenAI key or a URL password in the output is written as `…`. Usable from any thread.
public final class TeeFile: @unchecked Sendable {
    private let lock = NSLock()
    private var handle: FileHandle?
    private(set) var path: String?

    /// No file is being written.
    public init() {}

    /// Starts appending to `path` (created 0600 when new), replacing any file being written.
    public func start(_ path: String) throws {
        let url = UserPath.resolve(path)
        if !FileManager.default.fileExists(atPath: url.path) {
            guard FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw TeeError.cannotOpen(path: path, reason: FileManager.default.fileExists(atPath: url.deletingLastPathComponent().path) ? "permission denied" : "no such directory")
            }
        }
        guard let opened = FileHandle(forWritingAtPath: url.path) else { throw TeeError.cannotOpen(path: path, reason: "permission denied") }
        opened.seekToEndOfFile()
        lock.lock()
        try? handle?.close()
        handle = opened
        self.path = url.path
        lock.unlock()
    }

    /// Stops; returns the file that was being written, nil when none was.
    @discardableResult
    public func stop() -> String? {
        lock.lock()
        defer { lock.unlock() }
        try? handle?.close()
        handle = nil
        let was = path
        path = nil
        return was
    }

    /// Whether a file is being written.
    public var isActive: Bool { lock.lock(); defer { lock.unlock() }; return handle != nil }

    /// Output the shell showed.
    public func output(_ text: String) {
        guard isActive, !text.isEmpty else { return }
        append(TeeFile.redacted(Colors.strip(text)))
    }

    /// A line typed at the prompt (prompt included); dropped when it may hold a secret.
    public func input(_ line: String) {
        guard isActive, !SecretFilter.looksSecret(line) else { return }
        append(line + "\n")
    }

    private func append(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        handle?.write(Data(text.utf8))
    }

    /// `text` with OpenAI keys and URL passwords replaced by `…`.
    static func redacted(_ text: String) -> String {
        var out = text.replacingOccurrences(of: #"sk-[A-Za-z0-9_\-]{8,}"#, with: "sk-…", options: .regularExpression)
        out = out.replacingOccurrences(of: #"([A-Za-z][A-Za-z0-9+.\-]*://[^/\s@:]*:)[^/\s@]*@"#, with: "$1…@", options: .regularExpression)
        return out
    }
}

/// Why `tee` could not open its file.
public enum TeeError: Error, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    /// The message the user sees.
    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): return "tee: cannot open \(path): \(reason)"
        }
    }
}
