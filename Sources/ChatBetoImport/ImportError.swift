import ChatBetoStore
import Foundation

/// Why an import stopped. Problems with single conversations do not stop an import: they are
/// listed in the report as skipped (`ImportReport.Skip`).
public enum ImportError: Error, CustomStringConvertible, Sendable {
    /// The path is not an export (missing, or neither zip, folder nor JSON).
    case unsupportedSource(path: String, reason: String)
    /// `--source` named a format chatbeto does not read.
    case unknownFormat(name: String, known: [String])
    /// A zip or folder without any conversations file, or a path no format recognises.
    case noConversations(path: String, reason: String)
    /// A file could not be opened or decompressed.
    case unreadable(path: String, reason: String)
    /// A conversations file is not valid JSON of the expected shape; the batch being written is rolled back.
    case invalidFile(file: String, offset: Int, reason: String)
    /// The `--projects` file could not be used.
    case invalidProjectsFile(path: String, reason: String)
    /// The database refused a write; the batch's transaction was rolled back.
    case database(file: String?, conversationID: String?, underlying: StoreError)
    /// Ctrl-C: the batch being written was rolled back; batches committed before it stay.
    case interrupted(file: String?)
    /// Ctrl-C while waiting for another import's lock: nothing was written.
    case interruptedWaiting(holder: String)
    /// The import lock stopped being this import's (the connection dropped and another import took it
    /// for a dead holder's); the batch being written was rolled back.
    case lockLost(reconnected: Bool)
    /// Another import holds this database's import lock and did not finish in time.
    case busy(holder: String, waitedSeconds: Int)
    /// An import stopped part-way: the files committed, the file that failed and how many of its
    /// conversations were committed before, the files never read.
    indirect case stopped(ImportError, committed: [String], failed: String?, keptOfFailed: Int, notRead: [String])

    /// The error that stopped the import, without the summary of files.
    public var underlying: ImportError {
        if case .stopped(let e, _, _, _, _) = self { return e.underlying }
        return self
    }

    /// Whether Ctrl-C stopped the import (while it waited for the lock or while it wrote).
    public var isInterruption: Bool {
        switch underlying {
        case .interrupted, .interruptedWaiting: return true
        default: return false
        }
    }

    /// The message the user sees, naming the file and the item.
    public var description: String {
        switch self {
        case .unsupportedSource(let path, let reason):
            return "import failed: \(path): \(reason) (expected an export .zip, an export folder, or a conversations JSON file)"
        case .unknownFormat(let name, let known):
            return "import failed: unknown source '\(name)' (chatbeto reads: \(known.joined(separator: ", ")))"
        case .noConversations(let path, let reason):
            return "import failed: \(path): \(reason)"
        case .unreadable(let path, let reason):
            return "import failed: \(path): \(reason)"
        case .invalidFile(let file, let offset, let reason):
            return "import failed: \(file), byte \(offset): \(reason)"
        case .invalidProjectsFile(let path, let reason):
            return "import failed: projects file \(path): \(reason)"
        case .interrupted(let file):
            return "import interrupted" + (file.map { " in \($0)" } ?? "") +
                "; the batch being written was rolled back. Run the same import again to resume (committed conversations are skipped)"
        case .interruptedWaiting(let holder):
            return "import interrupted while waiting for another import on this database to finish (\(holder)); " +
                "nothing was imported. Run it again when that one has finished"
        case .lockLost(let reconnected):
            return "import stopped: " + (reconnected ? "the connection to the server dropped, and meanwhile " : "") +
                "another import took this database's import lock; the batch being written was rolled back. " +
                "Run the same import again when that one has finished (committed conversations are skipped)"
        case .busy(let holder, let waited):
            return "import failed: another import is running on this database (\(holder)); waited \(waited) s. " +
                "Run it again when that one has finished"
        case .stopped(let error, let committed, let failed, let kept, let notRead):
            var lines = ["\(error)"]
            lines.append("committed: " + (committed.isEmpty ? "no files" : committed.joined(separator: ", ")))
            if let failed { lines.append("failed: \(failed) (\(ImportReport.kept(kept)))") }
            if !notRead.isEmpty { lines.append("not read: " + notRead.joined(separator: ", ")) }
            return lines.joined(separator: "\n")
        case .database(let file, let id, let underlying):
            var s = "import failed"
            if let file { s += ": \(file)" }
            if let id { s += ", conversation \(id)" }
            return s + ": \(underlying)"
        }
    }
}
