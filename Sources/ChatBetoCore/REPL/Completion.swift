/// One tab-completion candidate: the text that replaces the word, and what a listing shows beside it.
public struct Completion: Sendable, Equatable {
    /// The replacement for the word under the cursor (escaped as the line needs it).
    public var text: String
    /// Shown beside `text` when several candidates are listed (a conversation's title), already escaped.
    public var label: String?
    /// Whether a unique completion ends the word with a space (not for a directory, which goes on).
    public var endsWord: Bool

    /// A candidate that replaces the word with `text`.
    public init(_ text: String, label: String? = nil, endsWord: Bool = true) {
        self.text = text
        self.label = label
        self.endsWord = endsWord
    }
}
