#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A whole file mapped read-only into memory (the thin wrapper around `mmap`): pages come from the
/// page cache on first touch and are shared with every other process mapping the same file, so a new
/// process reads a large file without copying it. The mapping stays valid after the file is renamed
/// over or deleted; it ends in `deinit`.
final class MappedFile: @unchecked Sendable {
    let path: String
    let bytes: UnsafeRawBufferPointer

    /// Nil when the file does not exist; throws for any other failure, naming the file.
    init?(path: String) throws {
        self.path = path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw SearchError.vectorFile(path: path, problem: "cannot open it: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw SearchError.vectorFile(path: path, problem: "cannot stat it: \(String(cString: strerror(errno)))")
        }
        let size = Int(info.st_size)
        guard size > 0 else { bytes = UnsafeRawBufferPointer(start: nil, count: 0); return }
        guard let base = mmap(nil, size, PROT_READ, MAP_SHARED, fd, 0), base != MAP_FAILED else {
            throw SearchError.vectorFile(path: path, problem: "cannot map it: \(String(cString: strerror(errno)))")
        }
        // Every page is read by the first scan: ask for them all at once.
        _ = madvise(base, size, MADV_WILLNEED)
        bytes = UnsafeRawBufferPointer(start: base, count: size)
    }

    deinit {
        if let base = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) }
    }
}
