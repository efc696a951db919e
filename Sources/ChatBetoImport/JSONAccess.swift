import Foundation

/// Typed reads from `JSONSerialization` values, where every key is optional and any value may have an
/// unexpected type: a wrong type reads as absent.
enum JSONAccess {
    /// JSON `true`/`false` arrive as NSNumber with the C type `c`; numbers never do.
    static func isBoolean(_ n: NSNumber) -> Bool { n.objCType.pointee == CChar(UInt8(ascii: "c")) }

    static func string(_ v: Any?) -> String? { v as? String }

    static func object(_ v: Any?) -> [String: Any]? { v as? [String: Any] }

    static func array(_ v: Any?) -> [Any]? { v as? [Any] }

    /// The number `v` holds, else nil. Checks the dynamic type first: on Linux, casting a Swift `String`,
    /// dictionary or array to a class bridges it (a whole `NSDictionary` of boxed values for a message),
    /// which took a third of the import's parse time.
    static func number(_ v: Any?) -> NSNumber? {
        guard let v else { return nil }
        let type = type(of: v)
        if type is NSNumber.Type { return v as? NSNumber }
        if type == String.self || type == [String: Any].self || type == [Any].self || type is NSNull.Type { return nil }
        return v as? NSNumber  // a Swift number (values built in code) bridges
    }

    /// Whether `v` is JSON null (without bridging it, as `number`).
    static func isNull(_ v: Any?) -> Bool {
        guard let v else { return false }
        return type(of: v) is NSNull.Type
    }

    static func bool(_ v: Any?) -> Bool? {
        guard let n = number(v) else { return nil }
        return isBoolean(n) ? n.boolValue : nil
    }

    static func double(_ v: Any?) -> Double? {
        guard let n = number(v), !isBoolean(n) else { return nil }
        return n.doubleValue
    }

    /// A value as compact JSON text (for raw message JSON and the `extra` column).
    static func serialise(_ v: Any) -> String? {
        guard let data = try? JSONSerialization.data(withJSONObject: v, options: [.fragmentsAllowed, .withoutEscapingSlashes, .sortedKeys]) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
