import ChatBetoSupport

/// Ids of other providers made to fit the 64 characters chatbeto stores them in (`VARCHAR(64)`).
enum StoredID {
    /// `id` if it fits in 64 bytes; else its start and a hash of the whole, so two long ids that share their
    /// first 64 bytes stay two (cutting them merged both conversations, or made a node its own parent).
    static func fitting(_ id: String) -> String {
        guard id.utf8.count > 64 else { return id }
        var head = "", bytes = 0
        for ch in id {
            bytes += ch.utf8.count
            if bytes > 47 { break }
            head.append(ch)
        }
        let hash = String(FNV1a.hash(id), radix: 16)
        return head + "-" + String(repeating: "0", count: 16 - hash.count) + hash
    }
}
