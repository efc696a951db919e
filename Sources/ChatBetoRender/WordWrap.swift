/// Fills styled words into lines of at most a given display width, breaking only between words.
/// A word wider than the whole line is the one thing cut (at the width, never mid-character).
public struct WordWrap {
    /// A run of text with the SGR codes it is drawn with (`["1"]` bold, `[]` plain).
    public struct Run: Sendable, Equatable {
        public var text: String
        public var codes: [String]
        /// A forced line break (Markdown hard break); `text` is ignored.
        public var isBreak: Bool

        /// A piece of text with its colour codes, or a line break.
        public init(_ text: String, codes: [String] = [], isBreak: Bool = false) {
            self.text = text; self.codes = codes; self.isBreak = isBreak
        }
    }

    public let width: Int
    public let colors: Colors

    /// A wrapper for this width and colours.
    public init(width: Int, colors: Colors) { self.width = max(1, width); self.colors = colors }

    /// `runs` as lines (no trailing newline), words separated by one space, styled per word.
    public func lines(_ runs: [Run]) -> [String] {
        var lines: [String] = []
        var line = "", lineWidth = 0
        var word: [(String, [String])] = [], wordWidth = 0

        func flushWord() {
            guard !word.isEmpty else { return }
            let pieces = word
            word = []
            let w = wordWidth
            wordWidth = 0
            if lineWidth > 0 && lineWidth + 1 + w > width {
                lines.append(line); line = ""; lineWidth = 0
            }
            if lineWidth > 0 { line += " "; lineWidth += 1 }
            if w <= width - lineWidth {
                for (text, codes) in pieces { line += colors.styled(text, codes: codes) }
                lineWidth += w
                return
            }
            // Longer than a whole line (a long URL): cut at the width.
            for (text, codes) in pieces {
                var chunk = ""
                for ch in text {
                    let cw = DisplayWidth.of(ch)
                    if lineWidth + cw > width && lineWidth > 0 {
                        line += colors.styled(chunk, codes: codes); chunk = ""
                        lines.append(line); line = ""; lineWidth = 0
                    }
                    chunk.append(ch); lineWidth += cw
                }
                line += colors.styled(chunk, codes: codes)
            }
        }

        for run in runs {
            if run.isBreak {
                flushWord()
                lines.append(line); line = ""; lineWidth = 0
                continue
            }
            var piece = ""
            for ch in run.text {
                if ch == " " || ch == "\n" {
                    if !piece.isEmpty { word.append((piece, run.codes)); wordWidth += DisplayWidth.of(piece); piece = "" }
                    flushWord()
                } else {
                    piece.append(ch)
                }
            }
            if !piece.isEmpty { word.append((piece, run.codes)); wordWidth += DisplayWidth.of(piece) }
        }
        flushWord()
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// Plain `text` wrapped at spaces (newlines kept as line breaks).
    public func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { lines([Run(String($0))]) }
    }
}
