import ChatBetoStore
import Foundation

/// How result values become text in the human-facing formats.
public enum CellText {
    /// What a table cell shows for NULL, as the `mysql` client does.
    static let nullText = "NULL"

    /// The value's text: blobs that are valid UTF-8 as that text, other blobs as `0x` and
    /// upper-case hex (like `mysql --binary-as-hex`); nil for NULL.
    static func text(_ value: SQLValue) -> String? {
        switch value {
        case .null:
            return nil
        case .blob(let bytes):
            if let s = String(bytes: bytes, encoding: .utf8) { return s }
            return hex(bytes)
        default:
            return value.textValue
        }
    }

    /// `bytes` as `0x` followed by two upper-case hex digits per byte.
    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        var out = [UInt8]("0x".utf8)
        out.reserveCapacity(2 + bytes.count * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `s` on one line with nothing that moves the cursor: newline, carriage return, tab and NUL
    /// as `\n`, `\r`, `\t`, `\0`, other control characters (ESC, BEL and C1 included, so stored text
    /// cannot restyle the terminal) as `\xHH`, and bidirectional controls (which reorder what
    /// follows) as `\uHHHH`. Backslashes are left alone, as in the `mysql` table view.
    public static func singleLine(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: isControl) else { return s }
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\n": out.append("\\n")
            case "\r": out.append("\\r")
            case "\t": out.append("\\t")
            case "\0": out.append("\\0")
            default:
                if isControl(scalar) {
                    out.append(hexEscape(scalar))
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// `s` with control characters other than newline and tab escaped as in `singleLine`,
    /// for layouts where a value may span lines (the vertical view, message text in `show`, chat
    /// replies, exports and messages printed to the terminal).
    public static func multiLine(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { isControl($0) && $0 != "\n" && $0 != "\t" }) else { return s }
        var out = ""
        for scalar in s.unicodeScalars {
            if scalar == "\n" || scalar == "\t" || !isControl(scalar) {
                out.unicodeScalars.append(scalar)
            } else if scalar == "\r" {
                out.append("\\r")
            } else if scalar == "\0" {
                out.append("\\0")
            } else {
                out.append(hexEscape(scalar))
            }
        }
        return out
    }

    /// `s` with every control character (as `isControl`) except those in `keeping` escaped as in
    /// `singleLine` (`\xHH`, `\uHHHH`), for CSV and TSV cells that must not restyle a terminal.
    static func escapingControls(_ s: String, keeping: Set<Unicode.Scalar>) -> String {
        guard s.unicodeScalars.contains(where: { isControl($0) && !keeping.contains($0) }) else { return s }
        var out = ""
        for scalar in s.unicodeScalars {
            if isControl(scalar) && !keeping.contains(scalar) { out.append(hexEscape(scalar)) } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// C0 and C1 control characters, DEL, and the invisible bidirectional controls (LRM, RLM, ALM,
    /// the embeddings, overrides and isolates U+202A–U+202E, U+2066–U+2069) that can make text
    /// read differently from what it is.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (v >= 0x7F && v < 0xA0) || isBidiControl(v)
    }

    static func isBidiControl(_ v: UInt32) -> Bool {
        v == 0x061C || v == 0x200E || v == 0x200F || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    /// `\xHH` for a control character, `\uHHHH` for a bidirectional control.
    private static func hexEscape(_ scalar: Unicode.Scalar) -> String {
        let digits = Array("0123456789ABCDEF")
        let v = scalar.value
        if v < 0x100 { return "\\x" + String(digits[Int(v >> 4)]) + String(digits[Int(v & 0xF)]) }
        return "\\u" + (0..<4).reversed().map { String(digits[Int((v >> (4 * UInt32($0))) & 0xF)]) }.joined()
    }
}
