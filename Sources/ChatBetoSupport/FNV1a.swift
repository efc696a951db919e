/// FNV-1a, 64 bits: a short stable name derived from a string (account and file names), not a secret.
public enum FNV1a {
    /// The 64-bit FNV-1a hash of `text`'s UTF-8 bytes.
    public static func hash(_ text: String) -> UInt64 {
        var hash: UInt64 = 1469598103934665603
        for b in text.utf8 { hash = (hash ^ UInt64(b)) &* 1099511628211 }
        return hash
    }
}
