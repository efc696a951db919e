import Foundation

/// How result values become text in the human-facing formats.
enum CellText {
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
    /// as `\n`, `\r`, `\t`, `\0`, other control characters (ESC included, so stored text cannot
    /// restyle the terminal) as `\xHH`. Backslashes are left alone, as in the `mysql` table view.
    static func singleLine(_ s: String) -> String {
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
    /// for layouts (the vertical view) where a value may span lines.
    static func multiLine(_ s: String) -> String {
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

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0)
    }

    private static func hexEscape(_ scalar: Unicode.Scalar) -> String {
        let digits = Array("0123456789ABCDEF")
        return "\\x" + String(digits[Int(scalar.value >> 4)]) + String(digits[Int(scalar.value & 0xF)])
    }
}
