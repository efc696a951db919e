import Foundation

/// Decides what each conversation of an export does to the database, before anything is written
/// (the whole of `--dry-run`): new, updated (its JSON changed), unchanged (same bytes as stored),
/// or skipped (it exists only locally).
struct ImportPlanner {
    enum Action: String, Sendable, Equatable {
        case insert, update, unchanged, skipLocal
    }

    struct Existing: Sendable, Equatable {
        var contentHash: String?
        var origin: String
    }

    private(set) var existing: [String: Existing]
    /// Hashes of imported conversations (to their ids), so unchanged bytes are recognised without parsing them.
    let knownHashes: [String: String]
    /// Conversations read in this run: their `updated_at` and message count, to tell an older second copy.
    private var copies: [String: (updateTime: String, messages: Int)] = [:]

    init(existing: [String: Existing]) {
        self.existing = existing
        var hashes: [String: String] = [:]
        for (id, e) in existing where e.origin == "import" {
            if let h = e.contentHash { hashes[h] = id }
        }
        knownHashes = hashes
    }

    /// What to do with a parsed conversation; remembers the outcome so a repeat in the same run is unchanged.
    mutating func plan(id: String, contentHash: String) -> Action {
        guard let found = existing[id] else {
            existing[id] = Existing(contentHash: contentHash, origin: "import")
            return .insert
        }
        if found.origin != "import" { return .skipLocal }
        if found.contentHash == contentHash { return .unchanged }
        existing[id]?.contentHash = contentHash
        return .update
    }

    /// Whether a conversation this run already read holds a later copy (later `updated_at`, or the same
    /// and more messages): FORMAT-claude.md keeps the later copy of a uuid that appears twice.
    mutating func isOlderCopy(id: String, updateTime: String?, messages: Int) -> Bool {
        let time = updateTime ?? ""
        if let seen = copies[id], seen.updateTime > time || (seen.updateTime == time && seen.messages > messages) { return true }
        copies[id] = (time, messages)
        return false
    }
}
