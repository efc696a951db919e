import Foundation

/// The `messages.word_count` of a text, computed by chatbeto instead of the server (migration 5): the
/// same value the former STORED generated column gave, so `stats` totals do not change.
///
/// The column's definition was: 0 when the text is NULL or `TRIM(text) = ''`, else
/// `CHAR_LENGTH(TRIM(REPLACE(text, '\n', ' '))) - CHAR_LENGTH(REPLACE(…, ' ', '')) + 1`, that is the spaces
/// and line breaks inside the text, without the leading and trailing ones, plus one. `TRIM` removes
/// spaces only, and `= ''` compares in `utf8mb4_unicode_ci`, where a text made only of characters the
/// collation ignores (controls, combining marks, zero-width and some other spaces) equals ''. Those
/// characters are listed below, as measured on MariaDB 10.11 over every code point up to U+2FFFF and
/// spot checks above (supplementary characters are never ignored).
public enum MessageWordCount {
    /// The word count `text` is stored with.
    public static func of(_ text: String?) -> Int {
        guard let text else { return 0 }
        let utf8 = text.utf8
        // TRIM(text) = '': what is left between the leading and trailing spaces is all ignorable.
        // Most texts start with a visible ASCII character or a tab … carriage return, all weighted.
        var maybeBlank = true
        for byte in utf8 {
            if (0x21...0x7E).contains(byte) || (0x09...0x0D).contains(byte) { maybeBlank = false; break }
            if byte >= 0x80 { break }
        }
        if maybeBlank, text.unicodeScalars.allSatisfy({ $0 == " " || isIgnorable($0.value) }) { return 0 }
        var start = utf8.startIndex, end = utf8.endIndex
        while start < end, utf8[start] == 0x20 || utf8[start] == 0x0A { start = utf8.index(after: start) }
        while end > start {
            let before = utf8.index(before: end)
            guard utf8[before] == 0x20 || utf8[before] == 0x0A else { break }
            end = before
        }
        var separators = 0
        for byte in utf8[start..<end] where byte == 0x20 || byte == 0x0A { separators += 1 }
        return separators + 1
    }

    /// The same count as SQL over the column `text` (the former generated column's expression), for rows
    /// that user SQL wrote without a `word_count`.
    public static let sql = """
        CASE WHEN text IS NULL OR TRIM(text) = '' THEN 0 ELSE CHAR_LENGTH(TRIM(REPLACE(text, '\\n', ' '))) \
        - CHAR_LENGTH(REPLACE(REPLACE(TRIM(REPLACE(text, '\\n', ' ')), ' ', ''), '\\n', '')) + 1 END
        """

    /// Whether `utf8mb4_unicode_ci` gives the code point no weight.
    static func isIgnorable(_ scalar: UInt32) -> Bool {
        var low = 0, high = ignorable.count - 1
        while low <= high {
            let mid = (low + high) / 2
            if scalar < ignorable[mid].lowerBound { high = mid - 1 } else if scalar > ignorable[mid].upperBound { low = mid + 1 } else { return true }
        }
        return false
    }

    /// Code points `utf8mb4_unicode_ci` ignores, in order.
    static let ignorable: [ClosedRange<UInt32>] = [
        0x0000...0x0008, 0x000E...0x0020, 0x007F...0x0084, 0x0086...0x00A0, 0x0300...0x0357, 0x035D...0x0362,
        0x0483...0x0486, 0x0488...0x0489, 0x0591...0x05A1, 0x05A3...0x05B9, 0x05BB...0x05BD, 0x05BF...0x05BF,
        0x05C1...0x05C2, 0x05C4...0x05C4, 0x0600...0x0603, 0x0610...0x0615, 0x064B...0x0658, 0x0670...0x0670,
        0x06D6...0x06E4, 0x06E7...0x06E8, 0x06EA...0x06ED, 0x070F...0x070F, 0x0711...0x0711, 0x0730...0x074A,
        0x0901...0x0903, 0x093C...0x093C, 0x0951...0x0954, 0x0981...0x0983, 0x09BC...0x09BC, 0x0A01...0x0A03,
        0x0A3C...0x0A3C, 0x0A70...0x0A71, 0x0A81...0x0A83, 0x0ABC...0x0ABC, 0x0B01...0x0B03, 0x0B3C...0x0B3C,
        0x0B82...0x0B82, 0x0C01...0x0C03, 0x0C82...0x0C83, 0x0CBC...0x0CBC, 0x0D02...0x0D03, 0x0D82...0x0D83,
        0x0E47...0x0E4B, 0x0E4E...0x0E4E, 0x0EC8...0x0ECB, 0x0F18...0x0F19, 0x0F35...0x0F35, 0x0F37...0x0F37,
        0x0F39...0x0F39, 0x0F7E...0x0F7F, 0x0F82...0x0F83, 0x0F86...0x0F87, 0x0FC6...0x0FC6, 0x1036...0x1038,
        0x17C6...0x17D1, 0x17D3...0x17D3, 0x17DD...0x17DD, 0x180B...0x180E, 0x1939...0x193B, 0x2000...0x200F,
        0x202A...0x202F, 0x205F...0x2063, 0x206A...0x206F, 0x20D0...0x20EA, 0x3000...0x3000, 0x302A...0x302F,
        0x3099...0x309A, 0xFB1E...0xFB1E, 0xFC5E...0xFC63, 0xFCF2...0xFCF4, 0xFE00...0xFE0F, 0xFE20...0xFE23,
        0xFE70...0xFE74, 0xFE76...0xFE7F, 0xFEFF...0xFEFF, 0xFF9E...0xFF9F, 0xFFF9...0xFFFB,
    ]
}
