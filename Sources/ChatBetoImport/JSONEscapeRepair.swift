import Foundation

/// Repairs the string escapes a JSON parser refuses, so one bad character does not cost a whole
/// conversation: a lone surrogate (`\ud800` without its pair) or an unknown escape (`\x`) becomes
/// U+FFFD (`\ufffd`), and a raw control character inside a string is escaped. Everything else is
/// copied unchanged. Used only after a parse failed, so valid files pay nothing.
enum JSONEscapeRepair {
    /// The repaired bytes and how many escapes were replaced (0: nothing to repair).
    static func repair(_ data: Data) -> (data: Data, replaced: Int) {
        let bytes = [UInt8](data)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + 16)
        let replacement = Array(#"\ufffd"#.utf8)
        var replaced = 0
        var inString = false
        var i = 0
        func hex4(_ at: Int) -> Int? {
            guard at + 4 <= bytes.count else { return nil }
            var v = 0
            for b in bytes[at..<at + 4] {
                guard let d = Character(Unicode.Scalar(b)).hexDigitValue else { return nil }
                v = v * 16 + d
            }
            return v
        }
        while i < bytes.count {
            let b = bytes[i]
            if !inString {
                if b == 0x22 { inString = true }
                out.append(b); i += 1; continue
            }
            if b == 0x22 { inString = false; out.append(b); i += 1; continue }
            if b < 0x20 {
                out += Array(String(format: "\\u%04x", Int(b)).utf8); replaced += 1; i += 1; continue
            }
            guard b == 0x5C, i + 1 < bytes.count else { out.append(b); i += 1; continue }
            let e = bytes[i + 1]
            switch e {
            case 0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74:
                out += [b, e]; i += 2
            case 0x75:
                guard let v = hex4(i + 2) else { out += replacement; replaced += 1; i += 2; continue }
                if (0xD800...0xDBFF).contains(v) {
                    if i + 11 < bytes.count + 0, bytes[i + 6] == 0x5C, bytes[i + 7] == 0x75, let low = hex4(i + 8), (0xDC00...0xDFFF).contains(low) {
                        out += bytes[i..<i + 12]; i += 12
                    } else {
                        out += replacement; replaced += 1; i += 6
                    }
                } else if (0xDC00...0xDFFF).contains(v) {
                    out += replacement; replaced += 1; i += 6
                } else {
                    out += bytes[i..<i + 6]; i += 6
                }
            default:
                out += replacement; replaced += 1; i += 2
            }
        }
        return (Data(out), replaced)
    }
}
