/// Building blocks for writing compact JSON by hand: string quoting and number spelling.
///
/// Strings escape `"`, `\`, every control character (C1 and bidirectional controls too, so JSON on a
/// terminal cannot restyle it) and U+2028/U+2029 (which break JavaScript when JSON is embedded in a
/// script); everything else, including non-ASCII text, passes as UTF-8.
public enum JSONText {
    /// `s` as a JSON string literal, quotes included.
    public static func quoted(_ s: String) -> String {
        var out = "\""
        appendEscaped(s, to: &out)
        out.append("\"")
        return out
    }

    /// Appends the body of a JSON string literal for `s` (no surrounding quotes) to `out`.
    public static func appendEscaped(_ s: String, to out: inout String) {
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out.append("\\\"")
            case "\\": out.append("\\\\")
            case "\n": out.append("\\n")
            case "\r": out.append("\\r")
            case "\t": out.append("\\t")
            case "\u{08}": out.append("\\b")
            case "\u{0C}": out.append("\\f")
            case "\u{2028}": out.append("\\u2028")
            case "\u{2029}": out.append("\\u2029")
            default:
                if CellText.isControl(scalar) {
                    appendUnicodeEscape(scalar, to: &out)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
    }

    /// JSON text (from any encoder) with the raw control characters a terminal would act on written as
    /// `\uHHHH`: the same JSON value, safe to print. Encoders already escape C0 inside strings; C1 and
    /// bidirectional controls are legal raw in JSON strings and cannot occur outside them.
    public static func escapingTerminalControls(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: { CellText.isControl($0) && $0.value >= 0x20 }) else { return json }
        var out = ""
        for scalar in json.unicodeScalars {
            if CellText.isControl(scalar) && scalar.value >= 0x20 { appendUnicodeEscape(scalar, to: &out) } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    private static func appendUnicodeEscape(_ scalar: Unicode.Scalar, to out: inout String) {
        out.append("\\u")
        for shift in stride(from: 12, through: 0, by: -4) { out.append(hexDigit((scalar.value >> UInt32(shift)) & 0xF)) }
    }

    /// An integer as a JSON number.
    public static func number(_ n: Int64) -> String { String(n) }

    /// A double as a JSON number: integral values without a fraction (`3`, not `3.0`),
    /// others in Swift's shortest round-tripping form; NaN and infinities, which JSON cannot
    /// express, as `null`.
    public static func number(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return String(d)
    }

    /// Whether `s` is a number in JSON's grammar (`-?int frac? exp?`), e.g. a DECIMAL's text.
    public static func isNumber(_ s: String) -> Bool {
        var bytes = Array(s.utf8)[...]
        func digits() -> Int {
            var n = 0
            while let b = bytes.first, b >= 0x30, b <= 0x39 { bytes = bytes.dropFirst(); n += 1 }
            return n
        }
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        guard let lead = bytes.first else { return false }
        if lead == UInt8(ascii: "0") {
            bytes = bytes.dropFirst()
        } else if digits() == 0 {
            return false
        }
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            if digits() == 0 { return false }
        }
        if bytes.first == UInt8(ascii: "e") || bytes.first == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            if digits() == 0 { return false }
        }
        return bytes.isEmpty
    }

    private static func hexDigit(_ v: UInt32) -> String {
        String(UnicodeScalar(UInt8(v < 10 ? 0x30 + v : 0x61 + v - 10)))
    }
}
