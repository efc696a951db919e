/// What the user typed, quoted back in a message: a name or query of a hundred thousand characters
/// (pasted by mistake, or hostile) is cut, so the message stays readable and says what to do.
public enum Echo {
    /// `text` itself when it has at most `limit` characters; else its start, `…` and its length.
    public static func short(_ text: String, limit: Int = 80) -> String {
        guard text.count > limit else { return text }
        return String(text.prefix(limit)) + "… (\(text.count) characters)"
    }
}
