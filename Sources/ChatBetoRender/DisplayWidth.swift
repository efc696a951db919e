/// Terminal column widths of text: East Asian wide characters and emoji take two columns,
/// combining marks, joiners and other zero-width characters none, everything else one.
///
/// Widths are measured per grapheme cluster so that an emoji sequence (ZWJ family, flag,
/// keycap, skin tone) counts as the two columns a modern terminal draws, not the sum of its parts.
public enum DisplayWidth {
    /// How `pad` places text inside the wider field.
    public enum Alignment: Sendable {
        case left, right
    }

    /// The number of terminal columns `s` occupies.
    public static func of(_ s: String) -> Int {
        var total = 0
        for character in s {
            total += of(character)
        }
        return total
    }

    /// The number of terminal columns one grapheme cluster occupies (0, 1 or 2 for most text).
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        // Fast path: printable ASCII.
        if scalars.count == 1, let only = scalars.first, only.value >= 0x20, only.value < 0x7F {
            return 1
        }
        if isEmojiCluster(scalars) { return 2 }
        var width = 0
        for scalar in scalars {
            width += of(scalar)
        }
        return width
    }

    /// The width of a single scalar taken on its own, in the manner of `wcwidth`.
    /// Control characters count as 0: renderers escape them before measuring.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control:
            return 0
        default:
            break
        }
        // Hangul medial vowels and final consonants join the leading consonant.
        if (0x1160...0x11FF).contains(v) || (0xD7B0...0xD7FF).contains(v) { return 0 }
        if v == 0x200B { return 0 }
        if scalar.properties.isEmojiPresentation || isEastAsianWide(v) { return 2 }
        return 1
    }

    /// `s` widened with spaces to `width` columns; text already as wide or wider is returned as is.
    public static func pad(_ s: String, to width: Int, alignment: Alignment = .left) -> String {
        let missing = width - of(s)
        guard missing > 0 else { return s }
        let spaces = Self.spaces(missing)
        return alignment == .left ? s + spaces : spaces + s
    }

    /// `count` spaces, written at once (`String(repeating:count:)` appends them one by one: a table padded
    /// to a 1 MB cell spent most of its time there).
    public static func spaces(_ count: Int) -> String {
        guard count > 0 else { return "" }
        return String(unsafeUninitializedCapacity: count) { buffer in
            buffer.initialize(repeating: 0x20)
            return count
        }
    }

    /// `s` cut to at most `width` columns, ending in `…` when something was removed.
    /// A wide character that would straddle the limit is dropped rather than split.
    public static func truncate(_ s: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if of(s) <= width { return s }
        let budget = width - 1  // room left for the ellipsis
        var result = ""
        var used = 0
        for character in s {
            let w = of(character)
            if used + w > budget { break }
            result.append(character)
            used += w
        }
        return result + "…"
    }

    private static func isEmojiCluster(_ scalars: Character.UnicodeScalarView) -> Bool {
        guard let first = scalars.first else { return false }
        if first.properties.isEmojiPresentation { return true }
        // Regional indicator pairs (flags).
        if (0x1F1E6...0x1F1FF).contains(first.value) { return true }
        // Text-default emoji made emoji by VS16 (❤️, ☺️) or a keycap (1️⃣).
        if first.properties.isEmoji, scalars.contains(where: { $0.value == 0xFE0F || $0.value == 0x20E3 }) {
            return true
        }
        return false
    }

    /// East Asian Width W or F (Unicode 15, ranges merged); emoji are handled by their property.
    private static func isEastAsianWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F,            // Hangul Jamo leading consonants
             0x2329...0x232A,            // angle brackets
             0x2E80...0x303E,            // CJK radicals, Kangxi, ideographic punctuation
             0x3041...0x33FF,            // kana, bopomofo, CJK compatibility
             0x3400...0x4DBF,            // CJK extension A
             0x4E00...0x9FFF,            // CJK unified ideographs
             0xA000...0xA4CF,            // Yi
             0xA960...0xA97F,            // Hangul Jamo extended A
             0xAC00...0xD7A3,            // Hangul syllables
             0xF900...0xFAFF,            // CJK compatibility ideographs
             0xFE10...0xFE19,            // vertical forms
             0xFE30...0xFE6F,            // CJK compatibility forms, small forms
             0xFF00...0xFF60,            // fullwidth forms
             0xFFE0...0xFFE6,            // fullwidth signs
             0x16FE0...0x16FE4,
             0x17000...0x18CFF,          // Tangut
             0x1AFF0...0x1B2FF,          // kana supplement and extensions, Nushu
             0x1F200...0x1F2FF,          // enclosed ideographic supplement
             0x20000...0x2FFFD,          // CJK extensions B–F
             0x30000...0x3FFFD:          // CJK extension G and later
            return true
        default:
            return false
        }
    }
}
