import Foundation

/// Tells what the first bytes of a file are, for formats that recognise files by content and for the
/// message about a file no format reads: the keys of a JSON document's objects, without parsing it whole.
enum JSONShape {
    /// "an empty file", "a JSON array of objects with keys uuid, name, …", "a JSON object with keys …",
    /// "a text file that is not JSON (it starts "…")", "a binary file (it starts with bytes 89 50 4e 47)".
    static func describe(_ head: Data) -> String {
        guard let first = head.first(where: { !isSpace($0) }) else {
            return head.isEmpty ? "an empty file" : "a file of white space"
        }
        switch first {
        case UInt8(ascii: "["):
            let keys = self.keys(head, depth: 2)
            if keys.isEmpty {
                return head.drop { isSpace($0) }.dropFirst().first(where: { !isSpace($0) }) == UInt8(ascii: "]")
                    ? "an empty JSON array" : "a JSON array that does not hold objects"
            }
            return "a JSON array of objects with keys " + list(keys)
        case UInt8(ascii: "{"):
            let keys = self.keys(head, depth: 1)
            return keys.isEmpty ? "an empty JSON object" : "a JSON object with keys " + list(keys)
        default:
            let sample = head.prefix(24)
            if let text = String(data: sample, encoding: .utf8), !text.contains(where: { $0.isASCII && $0.asciiValue! < 9 }) {
                return "a text file that is not JSON (it starts \"\(text.prefix(20).replacingOccurrences(of: "\n", with: " "))\")"
            }
            return "a binary file (it starts with bytes " + head.prefix(4).map { String(format: "%02x", $0) }.joined(separator: " ") + ")"
        }
    }

    /// The distinct keys of the objects at `depth` (1: the top-level object's, 2: those of a top-level
    /// array's objects) in the order they first appear, at most `limit`.
    static func keys(_ head: Data, depth: Int, limit: Int = 8) -> [String] {
        keys(head, depths: depth...depth, limit: limit)
    }

    /// The distinct keys of the objects at any of `depths`, in the order they first appear, at most `limit`.
    static func keys(_ head: Data, depths target: ClosedRange<Int>, limit: Int) -> [String] {
        var keys: [String] = []
        var depth = 0
        var inString = false
        var escaped = false
        var start = 0
        var pending: String?
        let bytes = [UInt8](head)
        for (i, b) in bytes.enumerated() {
            if inString {
                if escaped { escaped = false } else if b == UInt8(ascii: "\\") { escaped = true } else if b == UInt8(ascii: "\"") {
                    inString = false
                    if target.contains(depth) { pending = String(decoding: bytes[start..<i], as: UTF8.self) }
                }
                continue
            }
            switch b {
            case UInt8(ascii: "\""): inString = true; start = i + 1; continue
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
            case UInt8(ascii: ":"):
                if let key = pending, !keys.contains(key) {
                    keys.append(key)
                    if keys.count == limit { return keys }
                }
            default:
                if isSpace(b) { continue }
            }
            pending = nil
        }
        return keys
    }

    /// Whether an object at one of `depths` has `key` among the first keys of the head.
    static func has(_ key: String, in head: Data, depths: ClosedRange<Int>) -> Bool {
        keys(head, depths: depths, limit: 256).contains(key)
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }

    private static func list(_ keys: [String]) -> String {
        keys.prefix(6).joined(separator: ", ") + (keys.count > 6 ? ", …" : "")
    }
}
