import Foundation

/// A strict JSON parser (RFC 8259) over UTF-8 bytes that builds the same values `JSONSerialization`
/// does — `[String: Any]`, `[Any]`, `String`, `NSNumber` (booleans as `NSNumber(value: Bool)`),
/// `NSNull` — in one pass, without Foundation's intermediate tree. The import parses every
/// conversation with it: on this machine it took about half of the import's own CPU time with
/// `JSONSerialization`.
///
/// Like `JSONSerialization` it refuses what is not JSON: unescaped control characters, unknown escapes,
/// lone surrogates (`\ud800`), invalid UTF-8, leading zeros, trailing bytes, nesting deeper than
/// `maxDepth` (`JSONEscapeRepair` then decides what can be saved); and like it, it lets one trailing comma
/// in an object or array pass.
struct JSONBytesParser {
    /// Why the bytes are not JSON, and the byte offset where that was found.
    struct Failure: Error, CustomStringConvertible {
        let offset: Int
        let reason: String
        var description: String { "\(reason) at byte \(offset)" }
    }

    /// The deepest nesting accepted (as `JSONSerialization`'s).
    static let maxDepth = 512

    /// Where a value sits in a ChatGPT conversation, for recording each node's message bytes.
    private enum Slot {
        case other, conversation, mapping, node(String)
        /// An object of which only these members are built; the others are checked and skipped.
        case members(Set<String>)
    }

    // Internal rather than private for the skipping half in JSONBytesParser+Skip.swift; only this
    // type can make a parser (its init is private).
    let b: UnsafeRawBufferPointer
    var i = 0
    var depth = 0
    /// Node id → the byte range of its message object (`mapping.<node>.message`), when asked for.
    private var messageRanges: [String: Range<Int>] = [:]
    /// Scratch bytes for strings with escapes.
    private var scratch: [UInt8] = []

    private init(_ bytes: UnsafeRawBufferPointer) { b = bytes }

    /// Parses `data`, which must hold exactly one JSON value (whitespace around it allowed).
    static func parse(_ data: Data) throws -> Any {
        try data.withUnsafeBytes { bytes in
            var parser = JSONBytesParser(bytes)
            parser.skipSpace()
            let value = try parser.value()
            parser.skipSpace()
            if parser.i != bytes.count { throw parser.fail("unexpected bytes after the JSON value") }
            return value
        }
    }

    /// Parses one conversation object and finds each node's message in `data` on the way (`mapping.<node>.message`,
    /// when it is an object; the last of duplicate keys counts, as for the parsed value), so the raw message JSON
    /// is kept as exported without a second scan.
    static func parseConversation(_ data: Data) throws -> (value: Any, messageRanges: [String: Range<Int>]) {
        try data.withUnsafeBytes { bytes in
            var parser = JSONBytesParser(bytes)
            parser.skipSpace()
            let value = try parser.value(.conversation)
            parser.skipSpace()
            if parser.i != bytes.count { throw parser.fail("unexpected bytes after the JSON value") }
            return (value, parser.messageRanges)
        }
    }

    /// Parses `data` as `parse` does, but of a top-level object builds only the members named in `members`:
    /// the others are checked as strictly and skipped without building their values (a first pass that
    /// needs a few small members of large records).
    static func parse(_ data: Data, members: Set<String>) throws -> Any {
        try data.withUnsafeBytes { bytes in
            var parser = JSONBytesParser(bytes)
            parser.skipSpace()
            let value = try parser.value(.members(members))
            parser.skipSpace()
            if parser.i != bytes.count { throw parser.fail("unexpected bytes after the JSON value") }
            return value
        }
    }

    func fail(_ reason: String) -> Failure { Failure(offset: i, reason: reason) }

    mutating func skipSpace() {
        while i < b.count {
            switch b[i] {
            case 0x20, 0x0A, 0x0D, 0x09: i += 1
            default: return
            }
        }
    }

    private mutating func value(_ slot: Slot = .other) throws -> Any {
        guard i < b.count else { throw fail("unexpected end of data") }
        switch b[i] {
        case 0x7B: return try object(slot)
        case 0x5B: return try array()
        case 0x22: return try string()
        case 0x74: try literal("true"); return NSNumber(value: true)
        case 0x66: try literal("false"); return NSNumber(value: false)
        case 0x6E: try literal("null"); return NSNull()
        case 0x2D, 0x30...0x39: return try number()
        default: throw fail("unexpected character \(describe(b[i]))")
        }
    }

    mutating func literal(_ word: StaticString) throws {
        let n = word.utf8CodeUnitCount
        guard i + n <= b.count, memcmp(b.baseAddress! + i, word.utf8Start, n) == 0 else { throw fail("invalid literal") }
        i += n
    }

    mutating func nest() throws {
        depth += 1
        if depth > JSONBytesParser.maxDepth { throw fail("nested deeper than \(JSONBytesParser.maxDepth) levels") }
    }

    private mutating func object(_ slot: Slot) throws -> [String: Any] {
        try nest()
        defer { depth -= 1 }
        i += 1
        var result: [String: Any] = [:]
        skipSpace()
        if i < b.count, b[i] == 0x7D { i += 1; return result }
        while true {
            guard i < b.count, b[i] == 0x22 else { throw fail("expected a string key") }
            let key = try string()
            skipSpace()
            guard i < b.count, b[i] == 0x3A else { throw fail("expected ':' after an object key") }
            i += 1
            skipSpace()
            switch slot {
            case .other:
                result[key] = try value()
            case .members(let kept):
                if kept.contains(key) { result[key] = try value() } else { try skipValue() }
            case .conversation:
                if key == "mapping" { messageRanges.removeAll() }
                result[key] = try value(key == "mapping" ? .mapping : .other)
            case .mapping:
                messageRanges[key] = nil
                result[key] = try value(.node(key))
            case .node(let id):
                let start = i
                result[key] = try value()
                if key == "message" { messageRanges[id] = b[start] == 0x7B ? start..<i : nil }
            }
            skipSpace()
            guard i < b.count else { throw fail("unexpected end of data in an object") }
            if b[i] == 0x2C {
                i += 1
                skipSpace()
                // One trailing comma, as JSONSerialization allows.
                if i < b.count, b[i] == 0x7D { i += 1; return result }
                continue
            }
            if b[i] == 0x7D { i += 1; return result }
            throw fail("expected ',' or '}' in an object")
        }
    }

    private mutating func array() throws -> [Any] {
        try nest()
        defer { depth -= 1 }
        i += 1
        var result: [Any] = []
        skipSpace()
        if i < b.count, b[i] == 0x5D { i += 1; return result }
        while true {
            result.append(try value())
            skipSpace()
            guard i < b.count else { throw fail("unexpected end of data in an array") }
            if b[i] == 0x2C {
                i += 1
                skipSpace()
                if i < b.count, b[i] == 0x5D { i += 1; return result }
                continue
            }
            if b[i] == 0x5D { i += 1; return result }
            throw fail("expected ',' or ']' in an array")
        }
    }

    static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The index of the first quote, backslash or control character at or after `start` (or the end),
    /// or-ing the bytes before it into `high` (non-ASCII when `high & highBits != 0`). Eight bytes at a
    /// time while none is special (the "has a byte less than n" bit trick).
    func plainRun(from start: Int, high: inout UInt64) -> Int {
        var j = start
        let ones: UInt64 = 0x0101_0101_0101_0101
        while j + 8 <= b.count {
            let w = b.loadUnaligned(fromByteOffset: j, as: UInt64.self)
            let quote = w ^ (ones &* 0x22), backslash = w ^ (ones &* 0x5C)
            let special = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((w &- ones &* 0x20) & ~w)
            if special & JSONBytesParser.highBits != 0 { break }
            high |= w
            j += 8
        }
        while j < b.count {
            let c = b[j]
            if c == 0x22 || c == 0x5C || c < 0x20 { break }
            high |= UInt64(c)
            j += 1
        }
        return j
    }

    /// A string starting at the quote under `i`.
    private mutating func string() throws -> String {
        let start = i + 1
        // Fast path: no escapes.
        var high: UInt64 = 0
        let j = plainRun(from: start, high: &high)
        guard j < b.count else { i = j; throw fail("unterminated string") }
        if b[j] == 0x22 {
            i = j + 1
            let bytes = UnsafeRawBufferPointer(rebasing: b[start..<j])
            return high & JSONBytesParser.highBits == 0 ? String(decoding: bytes, as: UTF8.self) : try makeString(bytes, at: start)
        }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeRawBufferPointer(rebasing: b[start..<j]))
        i = j
        while true {
            guard i < b.count else { throw fail("unterminated string") }
            let c = b[i]
            if c == 0x22 { i += 1; break }
            if c < 0x20 { throw fail("unescaped control character in a string") }
            if c != 0x5C { scratch.append(c); i += 1; continue }
            guard i + 1 < b.count else { throw fail("unterminated string") }
            let e = b[i + 1]
            switch e {
            case 0x22, 0x5C, 0x2F: scratch.append(e)
            case 0x62: scratch.append(0x08)
            case 0x66: scratch.append(0x0C)
            case 0x6E: scratch.append(0x0A)
            case 0x72: scratch.append(0x0D)
            case 0x74: scratch.append(0x09)
            case 0x75:
                let unit = try hex4(at: i + 2)
                var scalar = unit
                if (0xD800...0xDBFF).contains(unit) {
                    guard i + 11 < b.count, b[i + 6] == 0x5C, b[i + 7] == 0x75 else { throw fail("lone surrogate \\u\(String(unit, radix: 16))") }
                    let low = try hex4(at: i + 8)
                    guard (0xDC00...0xDFFF).contains(low) else { throw fail("lone surrogate \\u\(String(unit, radix: 16))") }
                    scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                } else if (0xDC00...0xDFFF).contains(unit) {
                    throw fail("lone surrogate \\u\(String(unit, radix: 16))")
                }
                appendUTF8(scalar)
                i += 6
                continue
            default:
                throw fail("unknown escape \\\(describe(e))")
            }
            i += 2
        }
        return try scratch.withUnsafeBytes { try makeString($0, at: start) }
    }

    private func makeString(_ bytes: UnsafeRawBufferPointer, at offset: Int) throws -> String {
        // ASCII (most keys and much text) needs no validation.
        var ascii = true
        for c in bytes where c >= 0x80 { ascii = false; break }
        if ascii { return String(decoding: bytes, as: UTF8.self) }
        guard let s = String(validating: bytes, as: UTF8.self) else { throw Failure(offset: offset, reason: "invalid UTF-8 in a string") }
        return s
    }

    func hex4(at start: Int) throws -> UInt32 {
        guard start + 4 <= b.count else { throw Failure(offset: start, reason: "truncated \\u escape") }
        var v: UInt32 = 0
        for k in start..<start + 4 {
            let c = b[k]
            let d: UInt8
            switch c {
            case 0x30...0x39: d = c - 0x30
            case 0x41...0x46: d = c - 0x41 + 10
            case 0x61...0x66: d = c - 0x61 + 10
            default: throw Failure(offset: k, reason: "invalid \\u escape")
            }
            v = v << 4 | UInt32(d)
        }
        return v
    }

    private mutating func appendUTF8(_ v: UInt32) {
        switch v {
        case 0..<0x80: scratch.append(UInt8(v))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | v >> 6)); scratch.append(UInt8(0x80 | v & 0x3F))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | v >> 12)); scratch.append(UInt8(0x80 | v >> 6 & 0x3F)); scratch.append(UInt8(0x80 | v & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | v >> 18)); scratch.append(UInt8(0x80 | v >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | v >> 6 & 0x3F)); scratch.append(UInt8(0x80 | v & 0x3F))
        }
    }

    /// A number: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`; integers that fit stay integers.
    mutating func number() throws -> NSNumber {
        let start = i
        if b[i] == 0x2D { i += 1 }
        func digits() -> Int {
            let from = i
            while i < b.count, (0x30...0x39).contains(b[i]) { i += 1 }
            return i - from
        }
        guard i < b.count, (0x30...0x39).contains(b[i]) else { throw fail("invalid number") }
        if b[i] == 0x30 {
            i += 1
            if i < b.count, (0x30...0x39).contains(b[i]) { throw fail("leading zero in a number") }
        } else {
            _ = digits()
        }
        var integral = true
        if i < b.count, b[i] == 0x2E {
            i += 1
            integral = false
            guard digits() > 0 else { throw fail("invalid number") }
        }
        if i < b.count, b[i] == 0x65 || b[i] == 0x45 {
            i += 1
            integral = false
            if i < b.count, b[i] == 0x2B || b[i] == 0x2D { i += 1 }
            guard digits() > 0 else { throw fail("invalid number") }
        }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
        if integral, let n = Int64(text) { return NSNumber(value: n) }
        guard let d = Double(text), d.isFinite else { i = start; throw fail("number out of range") }
        return NSNumber(value: d)
    }

    func describe(_ c: UInt8) -> String {
        if c >= 0x21 && c < 0x7F { return "'\(Character(Unicode.Scalar(c)))'" }
        return "byte 0x" + String(c, radix: 16)
    }
}
