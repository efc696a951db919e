/// Where text leaves the cursor on a terminal that wraps long lines: used to erase text streamed to
/// the screen before drawing it again.
public enum TerminalRows {
    /// How many rows below the row where `text` started the cursor is after writing it on a terminal of
    /// `columns` columns (tabs count to the next multiple of 8, wide characters as two).
    public static func cursorRow(after text: String, columns: Int) -> Int {
        let cols = max(1, columns)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var row = 0
        for (i, line) in lines.enumerated() {
            var width = 0
            for ch in line { width = ch == "\t" ? (width / 8 + 1) * 8 : width + DisplayWidth.of(ch) }
            let used = width == 0 ? 1 : (width + cols - 1) / cols
            // A line that exactly fills its last row leaves the cursor there (pending wrap).
            row += i < lines.count - 1 ? used : used - 1
        }
        return row
    }
}
