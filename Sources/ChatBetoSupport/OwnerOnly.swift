import Foundation

/// Files and directories only the current user may reach: credentials (0600) and the directory that
/// holds the private server's socket (0700). Every check names the path and says what to do.
public enum OwnerOnly {
    /// Reads a file that must belong to this user and be readable by nobody else.
    public static func read(_ url: URL) throws -> String? {
        var st = stat()
        guard lstat(url.path, &st) == 0 else {
            if errno == ENOENT { return nil }
            throw OwnerOnlyError.unreadable(path: url.path, reason: String(cString: strerror(errno)))
        }
        guard (st.st_mode & S_IFMT) == S_IFREG else { throw OwnerOnlyError.notAFile(path: url.path) }
        guard st.st_uid == getuid() else { throw OwnerOnlyError.wrongOwner(path: url.path, uid: st.st_uid, directory: false) }
        guard st.st_mode & 0o077 == 0 else {
            throw OwnerOnlyError.wrongMode(path: url.path, mode: st.st_mode & 0o777, expected: 0o600)
        }
        do { return try String(contentsOf: url, encoding: .utf8) } catch {
            throw OwnerOnlyError.unreadable(path: url.path, reason: "\(error.localizedDescription)")
        }
    }

    /// Writes a 0600 file atomically: created 0600 under a temporary name (never wider, not even for a
    /// moment), flushed to disk, then renamed over the old one.
    public static func write(_ text: String, to url: URL) throws {
        let temporary = url.path + ".tmp-\(getpid())"
        unlink(temporary)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { throw OwnerOnlyError.unwritable(path: url.path, reason: String(cString: strerror(errno))) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd)
        close(fd)
        guard written == bytes.count, synced == 0, rename(temporary, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw OwnerOnlyError.unwritable(path: url.path, reason: reason)
        }
    }

    /// Makes sure `url` is a directory of this user with mode 0700, creating it if missing.
    /// `tighten`: a directory of ours that is wider is narrowed (inside a home that is already 0700);
    /// otherwise a wrong mode is an error.
    public static func directory(_ url: URL, tighten: Bool) throws {
        var st = stat()
        if lstat(url.path, &st) != 0 {
            guard errno == ENOENT else { throw OwnerOnlyError.unreadable(path: url.path, reason: String(cString: strerror(errno))) }
            if mkdir(url.path, 0o700) != 0 && errno != EEXIST {
                throw OwnerOnlyError.unwritable(path: url.path, reason: String(cString: strerror(errno)))
            }
            guard lstat(url.path, &st) == 0 else { throw OwnerOnlyError.unreadable(path: url.path, reason: String(cString: strerror(errno))) }
        }
        try checkDirectory(url.path, st, tighten: tighten)
    }

    /// Checks an existing directory without creating it.
    public static func checkDirectory(_ path: String, tighten: Bool) throws {
        var st = stat()
        guard lstat(path, &st) == 0 else { throw OwnerOnlyError.unreadable(path: path, reason: String(cString: strerror(errno))) }
        try checkDirectory(path, st, tighten: tighten)
    }

    private static func checkDirectory(_ path: String, _ st: stat, tighten: Bool) throws {
        guard (st.st_mode & S_IFMT) == S_IFDIR else { throw OwnerOnlyError.notADirectory(path: path) }
        guard st.st_uid == getuid() else { throw OwnerOnlyError.wrongOwner(path: path, uid: st.st_uid, directory: true) }
        if st.st_mode & 0o777 != 0o700 {
            guard tighten, chmod(path, 0o700) == 0 else {
                throw OwnerOnlyError.wrongMode(path: path, mode: st.st_mode & 0o777, expected: 0o700)
            }
        }
    }

    /// A new directory with an unpredictable name (mkdtemp), mode 0700.
    public static func makeUniqueDirectory(prefix: String) throws -> String {
        var template = Array((prefix + "XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard made != nil else { throw OwnerOnlyError.unwritable(path: prefix + "XXXXXX", reason: String(cString: strerror(errno))) }
        return String(decoding: template.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// A file or directory that must be the user's own and private is not.
enum OwnerOnlyError: Error, CustomStringConvertible, Sendable {
    case wrongOwner(path: String, uid: uid_t, directory: Bool)
    case wrongMode(path: String, mode: mode_t, expected: mode_t)
    case notAFile(path: String)
    case notADirectory(path: String)
    case unreadable(path: String, reason: String)
    case unwritable(path: String, reason: String)

    /// The message the user sees.
    public var description: String {
        switch self {
        case .wrongOwner(let path, let uid, let directory):
            return "\(path) belongs to another user (uid \(uid)), not to you (uid \(getuid())): chatbeto will not use it; " +
                (directory ? "remove it (or ask its owner to) and run chatbeto again" : "remove it and run chatbeto again")
        case .wrongMode(let path, let mode, let expected):
            return "\(path) has mode \(String(mode, radix: 8)), but must be reachable by you only (\(String(expected, radix: 8))): " +
                "check nobody changed it, then run 'chmod \(String(expected, radix: 8)) \(path)' (or remove it) and run chatbeto again"
        case .notAFile(let path): return "\(path) is not a regular file: remove it and run chatbeto again"
        case .notADirectory(let path): return "\(path) is not a directory (a link or a file): remove it and run chatbeto again"
        case .unreadable(let path, let reason): return "cannot read \(path): \(reason)"
        case .unwritable(let path, let reason): return "cannot write \(path): \(reason)"
        }
    }
}
