import Foundation

/// Typed reads from `JSONSerialization` values, where every key is optional and any value may have an
/// unexpected type: a wrong type reads as absent.
enum JSONAccess {
    /// JSON `true`/`false` arrive as NSNumber with the C type `c`; numbers never do.
    static func isBoolean(_ n: NSNumber) -> Bool { n.objCType.pointee == CChar(UInt8(ascii: "c")) }

    static func string(_ v: Any?) -> String? { v as? String }

    static func object(_ v: Any?) -> [String: Any]? { v as? [String: Any] }

    static func array(_ v: Any?) -> [Any]? { v as? [Any] }

    static func bool(_ v: Any?) -> Bool? {
        guard let n = v as? NSNumber else { return nil }
        return isBoolean(n) ? n.boolValue : nil
    }

    static func double(_ v: Any?) -> Double? {
        guard let n = v as? NSNumber, !isBoolean(n) else { return nil }
        return n.doubleValue
    }

    /// A value as compact JSON text (for raw message JSON and the `extra` column).
    static func serialise(_ v: Any) -> String? {
        guard let data = try? JSONSerialization.data(withJSONObject: v, options: [.fragmentsAllowed, .withoutEscapingSlashes, .sortedKeys]) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
