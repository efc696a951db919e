/// Rough token counts for previews and batching, without a tokenizer.
public enum TokenEstimate {
    /// About four characters per token (English-like text): good enough for a cost preview.
    public static func estimate(_ text: String) -> Int {
        text.isEmpty ? 0 : (text.count + 3) / 4
    }

    /// A conservative bound for staying under request limits: one token per three UTF-8 bytes
    /// (covers CJK, where a character is three bytes and roughly one token), never below the estimate.
    public static func upperBound(_ text: String) -> Int {
        max(estimate(text), (text.utf8.count + 2) / 3)
    }
}
