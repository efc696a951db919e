import Foundation

/// An exclusive file lock (flock): the home holds one around initialising, starting and stopping the private server,
/// so two chatbeto processes never race on one data directory. Released when the descriptor closes,
/// which the kernel also does when the holder dies.
public struct FileLock {
    /// The lock file (created 0600 if missing).
    public let file: URL

    /// A lock on `file`.
    public init(file: URL) { self.file = file }

    /// Runs `body` holding the lock.
    public func withLock<T>(_ body: () throws -> T) throws -> T {
        let fd = open(file.path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw OwnerOnlyError.unwritable(path: file.path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw OwnerOnlyError.unwritable(path: file.path, reason: "flock: \(String(cString: strerror(errno)))") }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
