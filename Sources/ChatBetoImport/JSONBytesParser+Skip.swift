import Foundation

/// The skipping half of `JSONBytesParser`: a value checked exactly as strictly as `value()` checks it,
/// without building it (`parse(_:members:)` builds only the members it is asked for).
extension JSONBytesParser {
    /// Checks the value under `i` as `value()` would and moves past it, building nothing.
    mutating func skipValue() throws {
        guard i < b.count else { throw fail("unexpected end of data") }
        switch b[i] {
        case 0x7B: try skipContainer(object: true)
        case 0x5B: try skipContainer(object: false)
        case 0x22: try skipString()
        case 0x74: try literal("true")
        case 0x66: try literal("false")
        case 0x6E: try literal("null")
        case 0x2D, 0x30...0x39: _ = try number()
        default: throw fail("unexpected character \(describe(b[i]))")
        }
    }

    /// An object or array skipped as `object` and `array` read them (one trailing comma allowed).
    mutating func skipContainer(object: Bool) throws {
        try nest()
        defer { depth -= 1 }
        let close: UInt8 = object ? 0x7D : 0x5D
        let what = object ? "an object" : "an array"
        i += 1
        skipSpace()
        if i < b.count, b[i] == close { i += 1; return }
        while true {
            if object {
                guard i < b.count, b[i] == 0x22 else { throw fail("expected a string key") }
                try skipString()
                skipSpace()
                guard i < b.count, b[i] == 0x3A else { throw fail("expected ':' after an object key") }
                i += 1
                skipSpace()
            }
            try skipValue()
            skipSpace()
            guard i < b.count else { throw fail("unexpected end of data in \(what)") }
            if b[i] == 0x2C {
                i += 1
                skipSpace()
                if i < b.count, b[i] == close { i += 1; return }
                continue
            }
            if b[i] == close { i += 1; return }
            throw fail(object ? "expected ',' or '}' in an object" : "expected ',' or ']' in an array")
        }
    }

    /// A string checked as `string()` checks it (escapes, surrogate pairs, control characters, UTF-8) and skipped.
    mutating func skipString() throws {
        let start = i + 1
        var high: UInt64 = 0
        var j = start
        while true {
            j = plainRun(from: j, high: &high)
            guard j < b.count else { i = j; throw fail("unterminated string") }
            let c = b[j]
            if c == 0x22 { break }
            i = j
            if c < 0x20 { throw fail("unescaped control character in a string") }
            guard j + 1 < b.count else { throw fail("unterminated string") }
            switch b[j + 1] {
            case 0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74:
                j += 2
            case 0x75:
                let unit = try hex4(at: j + 2)
                if (0xD800...0xDBFF).contains(unit) {
                    guard j + 11 < b.count, b[j + 6] == 0x5C, b[j + 7] == 0x75 else { throw fail("lone surrogate \\u\(String(unit, radix: 16))") }
                    guard (0xDC00...0xDFFF).contains(try hex4(at: j + 8)) else { throw fail("lone surrogate \\u\(String(unit, radix: 16))") }
                    j += 12
                } else if (0xDC00...0xDFFF).contains(unit) {
                    throw fail("lone surrogate \\u\(String(unit, radix: 16))")
                } else {
                    j += 6
                }
            default:
                throw fail("unknown escape \\\(describe(b[j + 1]))")
            }
        }
        i = j + 1
        // Escapes are ASCII, so the string's bytes are valid UTF-8 exactly when these are.
        if high & JSONBytesParser.highBits != 0, String(validating: UnsafeRawBufferPointer(rebasing: b[start..<j]), as: UTF8.self) == nil {
            throw Failure(offset: start, reason: "invalid UTF-8 in a string")
        }
    }

}
