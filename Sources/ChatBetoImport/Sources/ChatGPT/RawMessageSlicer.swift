import Foundation

/// Finds each message's original JSON bytes inside a conversation's bytes (`mapping.<node>.message`),
/// so the raw message is stored exactly as exported instead of being re-serialised (which cost three
/// quarters of the parse time).
enum RawMessageSlicer {
    /// Node id → the message's JSON text, for every node whose message is not null.
    static func messages(in data: Data) -> [String: String] {
        data.withUnsafeBytes { bytes in
            var result: [String: String] = [:]
            guard let start = firstNonSpace(bytes, 0), bytes[start] == UInt8(ascii: "{"),
                  let mapping = members(bytes, objectAt: start).last(where: { $0.key == "mapping" })?.value,
                  bytes[mapping.lowerBound] == UInt8(ascii: "{") else { return result }
            for node in members(bytes, objectAt: mapping.lowerBound) where bytes[node.value.lowerBound] == UInt8(ascii: "{") {
                guard let message = members(bytes, objectAt: node.value.lowerBound).last(where: { $0.key == "message" })?.value,
                      bytes[message.lowerBound] == UInt8(ascii: "{") else { continue }
                result[node.key] = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[message]), as: UTF8.self)
            }
            return result
        }
    }

    /// The conversation's top-level members other than `excluded`, as a JSON object in their original bytes;
    /// nil when there are none.
    static func otherMembers(in data: Data, excluding excluded: Set<String>) -> String? {
        data.withUnsafeBytes { bytes in
            guard let start = firstNonSpace(bytes, 0), bytes[start] == UInt8(ascii: "{") else { return nil }
            var seen: Set<String> = []
            var parts: [String] = []
            for m in members(bytes, objectAt: start).reversed() where !excluded.contains(m.key) && seen.insert(m.key).inserted {
                let key = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[m.keyRange]), as: UTF8.self)
                parts.append(key + ": " + String(decoding: UnsafeRawBufferPointer(rebasing: bytes[m.value]), as: UTF8.self))
            }
            return parts.isEmpty ? nil : "{" + parts.reversed().joined(separator: ", ") + "}"
        }
    }

    /// The members of the object starting at `start`: key and the byte range of its value.
    static func members(_ b: UnsafeRawBufferPointer, objectAt start: Int) -> [(key: String, keyRange: Range<Int>, value: Range<Int>)] {
        var out: [(key: String, keyRange: Range<Int>, value: Range<Int>)] = []
        var i = start + 1
        while true {
            guard let k = firstNonSpace(b, i) else { return out }
            if b[k] == UInt8(ascii: "}") || b[k] != UInt8(ascii: "\"") { return out }
            let keyEnd = stringEnd(b, k)
            guard keyEnd <= b.count else { return out }
            let key = decodeKey(b, k..<keyEnd)
            guard let colon = firstNonSpace(b, keyEnd), b[colon] == UInt8(ascii: ":"),
                  let v = firstNonSpace(b, colon + 1) else { return out }
            let vEnd = valueEnd(b, v)
            guard vEnd <= b.count else { return out }
            out.append((key, k..<keyEnd, v..<vEnd))
            guard let next = firstNonSpace(b, vEnd) else { return out }
            if b[next] != UInt8(ascii: ",") { return out }
            i = next + 1
        }
    }

    private static func firstNonSpace(_ b: UnsafeRawBufferPointer, _ from: Int) -> Int? {
        var i = from
        while i < b.count {
            switch b[i] {
            case 0x20, 0x0A, 0x0D, 0x09: i += 1
            default: return i
            }
        }
        return nil
    }

    /// Index after the closing quote of the string starting at `start`.
    private static func stringEnd(_ b: UnsafeRawBufferPointer, _ start: Int) -> Int {
        var i = start + 1
        while i < b.count {
            let c = b[i]
            if c == 0x5C { i += 2; continue }
            if c == 0x22 { return i + 1 }
            i += 1
        }
        return b.count + 1
    }

    /// Index after the value starting at `start`.
    private static func valueEnd(_ b: UnsafeRawBufferPointer, _ start: Int) -> Int {
        switch b[start] {
        case 0x22: return stringEnd(b, start)
        case 0x7B, 0x5B:
            var depth = 0
            var i = start
            while i < b.count {
                let c = b[i]
                if c == 0x22 { i = stringEnd(b, i); continue }
                if c == 0x7B || c == 0x5B { depth += 1 } else if c == 0x7D || c == 0x5D {
                    depth -= 1
                    if depth == 0 { return i + 1 }
                }
                i += 1
            }
            return b.count + 1
        default:
            var i = start
            while i < b.count {
                switch b[i] {
                case 0x2C, 0x7D, 0x5D, 0x20, 0x0A, 0x0D, 0x09: return i
                default: i += 1
                }
            }
            return i
        }
    }

    private static func decodeKey(_ b: UnsafeRawBufferPointer, _ range: Range<Int>) -> String {
        let raw = UnsafeRawBufferPointer(rebasing: b[range])
        if !raw.contains(0x5C) { return String(decoding: raw.dropFirst().dropLast(), as: UTF8.self) }
        let data = Data(raw)
        return (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) as? String) ?? String(decoding: raw, as: UTF8.self)
    }
}
