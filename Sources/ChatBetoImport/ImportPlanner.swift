import Foundation

/// Decides what each conversation of an export does to the database, before anything is written
/// (the whole of `--dry-run`): new, updated (its JSON changed), unchanged (same bytes as stored, or as
/// a copy of it an import left out or wrote over), or skipped (it exists only locally).
struct ImportPlanner {
    enum Action: String, Sendable, Equatable {
        case insert, update, unchanged, skipLocal
    }

    struct Existing: Sendable, Equatable {
        var contentHash: String?
        var origin: String
        /// The service it came from (`chatgpt`, `claude`, …): an export only speaks for its own.
        var provider = "chatgpt"
    }

    private(set) var existing: [String: Existing]
    /// Hashes of imported conversations (to their ids), so unchanged bytes are recognised without parsing them.
    let knownHashes: [String: String]
    /// Conversations read in this run: their `updated_at`, message count, and whether this run created
    /// them, to tell an older copy from a later one of a conversation an export holds twice.
    private var copies: [String: Copy] = [:]

    /// A copy of a conversation this run read.
    struct Copy: Equatable {
        var updateTime: String
        var messages: Int
        /// This run inserted it (it was not stored before), so a later copy may replace it whole.
        var createdHere: Bool
        /// What the report counted it as: a later copy takes its place (and the earlier is reported left out).
        var counted: Counted

        /// The report's counter a copy was added to.
        enum Counted: Equatable { case new, updated, unchanged }
    }

    /// What a copy of a conversation is next to the copies read before it in this run.
    enum CopyVerdict: Equatable {
        /// The first copy read in this run.
        case first
        /// An earlier copy is later: this one is left out.
        case older
        /// This copy is later than `earlier`, already written: it takes its place.
        case later(earlier: Copy)
    }

    /// `heldCopies`: per imported conversation, the hashes of copies of it earlier imports left out or
    /// wrote over (`import_copies`): the conversation holds them, so they are unchanged.
    init(existing: [String: Existing], heldCopies: [String: Set<String>] = [:]) {
        self.existing = existing
        self.heldCopies = heldCopies
        var hashes: [String: String] = [:]
        for (id, e) in existing where e.origin == "import" {
            if let h = e.contentHash { hashes[h] = id }
            for h in heldCopies[id] ?? [] { hashes[h] = id }
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
        if found.contentHash == contentHash || heldCopies[id]?.contains(contentHash) == true { return .unchanged }
        existing[id]?.contentHash = contentHash
        return .update
    }

    /// Notes that this run read a copy of conversation `id` with these bytes (after it was written, left
    /// out or found unchanged) and returns the hashes of this run's copies the conversation now holds
    /// besides its own content hash that are not remembered yet: an import of the same export finds
    /// them unchanged. `rewritten`: the conversation's row was deleted and written again (its remembered
    /// copies went with it).
    mutating func noteCopy(id: String, contentHash: String, rewritten: Bool = false) -> [String] {
        var run = runCopies[id, default: []]
        if !run.contains(contentHash) { run.append(contentHash) }
        runCopies[id] = run
        let current = existing[id]?.contentHash
        let held = rewritten ? [] : heldCopies[id, default: []]
        let new = run.filter { $0 != current && !held.contains($0) }
        heldCopies[id, default: []].formUnion(new)
        return new
    }

    /// Hashes of copies each conversation holds besides its own (remembered, or written over in this run).
    private var heldCopies: [String: Set<String>]
    /// Hashes of the copies of each conversation this run read, in order.
    private var runCopies: [String: [String]] = [:]

    /// Compares a copy with the copies of the same conversation this run read before (FORMAT-claude.md
    /// keeps the copy with the later `updated_at`, on a tie the one with more messages) and remembers it
    /// when it is kept. `stored` gives the time and message count of the stored conversation, asked only
    /// when a copy read before was unchanged (its bytes were not parsed).
    mutating func compareCopy(id: String, updateTime: String?, messages: Int, stored: () throws -> (updateTime: String, messages: Int)?) rethrows -> CopyVerdict {
        let time = updateTime ?? ""
        if let e = existing[id], e.origin != "import" { return .first }  // a local conversation: skipped anyway
        if unchangedCopies.remove(id) != nil, copies[id] == nil, let s = try stored() {
            copies[id] = Copy(updateTime: s.updateTime, messages: s.messages, createdHere: false, counted: .unchanged)
        }
        guard let seen = copies[id] else {
            let new = existing[id] == nil
            copies[id] = Copy(updateTime: time, messages: messages, createdHere: new, counted: new ? .new : .updated)
            return .first
        }
        if seen.updateTime > time || (seen.updateTime == time && seen.messages > messages) { return .older }
        copies[id] = Copy(updateTime: time, messages: messages, createdHere: seen.createdHere,
                          counted: seen.createdHere ? .new : .updated)
        return .later(earlier: seen)
    }

    /// Notes a conversation read unchanged (by its bytes' hash, unparsed): a second copy of it is then
    /// compared with the stored one.
    mutating func noteUnchanged(id: String) {
        if copies[id] == nil { unchangedCopies.insert(id) }
    }

    private var unchangedCopies: Set<String> = []
}
