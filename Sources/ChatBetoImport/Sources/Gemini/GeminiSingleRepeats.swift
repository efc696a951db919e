import ChatBetoSupport
import Foundation

extension GeminiActivity {
    /// Numbers the prompts without an id that share a key (the same prompt sent again within one
    /// second), oldest first: the file is newest first, so a re-export (newer records in front) keeps
    /// the numbers, and the HTML page (no milliseconds, the same order) numbers them alike. A record
    /// repeated byte for byte is one prompt. Noted in file order, sealed, then asked. Keys and records
    /// are held as 64-bit fingerprints, a few bytes each whatever the prompt.
    struct SingleRepeats {
        /// Key → its first record, while noting.
        private var first: [UInt64: UInt64] = [:]
        /// Key → its distinct records in file order, for the keys held by more than one.
        private var distinct: [UInt64: [UInt64]] = [:]

        /// Notes a prompt without an id, in file order.
        mutating func note(_ e: Entry) {
            note(key: GeminiActivity.singleKeyHash(time: e.time, prompt: e.prompt), record: Self.record(e))
        }

        /// Notes a prompt by its key (`singleKeyHash`) and a fingerprint of its record.
        mutating func note(key: UInt64, record: UInt64) {
            if var list = distinct[key] {
                if !list.contains(record) { list.append(record); distinct[key] = list }
            } else if let earlier = first[key] {
                if earlier != record { distinct[key] = [earlier, record] }
            } else {
                first[key] = record
            }
        }

        /// Forgets the keys held once, after the last `note`.
        mutating func seal() { first = [:] }

        /// Whether no key is held by more than one distinct record (after `seal`).
        var isEmpty: Bool { distinct.isEmpty }

        /// Whether this key is held by more than one distinct record (after `seal`).
        func repeats(key: UInt64) -> Bool { distinct[key] != nil }

        /// 1 for the oldest distinct prompt with this key, 2 for the next, …
        func occurrence(of e: Entry) -> Int {
            guard let list = distinct[GeminiActivity.singleKeyHash(time: e.time, prompt: e.prompt)],
                  let i = list.firstIndex(of: Self.record(e)) else { return 1 }
            return list.count - i
        }

        /// The fingerprint of a record: of its JSON as parsed (members in any order), else of its time, prompt
        /// and answers (each with its length, so no two records read alike).
        static func record(_ e: Entry) -> UInt64 {
            if let raw = e.raw { return fingerprint(Data(raw.utf8)) }
            let fields = [e.time, e.prompt] + e.answers
            return fingerprint(Data(fields.map { "\($0.utf8.count):\($0)" }.joined().utf8))
        }

        /// The first 64 bits of `bytes`' content hash.
        static func fingerprint(_ bytes: Data) -> UInt64 { UInt64(ContentHash.hex(of: bytes).prefix(16), radix: 16) ?? 0 }
    }
}
