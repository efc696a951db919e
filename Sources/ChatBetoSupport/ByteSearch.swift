internal import CChatBetoSystem

/// Substring search over UTF-8 bytes with the C library's `memmem` (the thin wrapper that keeps C calls
/// out of the scanner): fast in every build, with no bridging to NSString.
enum ByteSearch {
    /// Which of `needles` occur in `text` (compared byte for byte).
    static func present(_ needles: [String], in text: String) -> Set<String> {
        var text = text
        return text.withUTF8 { hay in
            var found = Set<String>()
            guard let base = hay.baseAddress else { return found }
            for needle in needles {
                let hit = needle.utf8.withContiguousStorageIfAvailable { n in
                    memmem(base, hay.count, n.baseAddress, n.count) != nil
                } ?? false
                if hit { found.insert(needle) }
            }
            return found
        }
    }
}
