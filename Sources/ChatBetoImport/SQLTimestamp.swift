import Foundation

/// Export times (unix seconds, sometimes ISO 8601 strings) as `DATETIME(6)` text in UTC.
enum SQLTimestamp {
    /// `2024-05-01 10:00:00.123456`, or nil for values that are not a time.
    static func from(_ value: Any?) -> String? {
        if let n = JSONAccess.number(value) { return JSONAccess.isBoolean(n) ? nil : format(unixSeconds: n.doubleValue) }
        switch value {
        case let s as String:
            if let d = Double(s) { return format(unixSeconds: d) }
            let iso = ISO8601DateFormatter()
            iso.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            if let date = iso.date(from: s) { return format(unixSeconds: date.timeIntervalSince1970) }
            iso.formatOptions = [.withInternetDateTime]
            return iso.date(from: s).flatMap { format(unixSeconds: $0.timeIntervalSince1970) }
        default:
            return nil
        }
    }

    /// Unix seconds as a number, for ordering leaves; nil when absent.
    static func seconds(_ value: Any?) -> Double? {
        if let n = JSONAccess.number(value), !JSONAccess.isBoolean(n) { return n.doubleValue }
        if let s = value as? String, let d = Double(s) { return d }
        return nil
    }

    static func format(unixSeconds t: Double) -> String? {
        guard t.isFinite, abs(t) < 253_402_300_800 else { return nil }
        return format(micros: Int64((t * 1_000_000).rounded()))
    }

    /// Microseconds since 1970 as `DATETIME(6)` text (exact: ISO strings with 6 fraction digits keep them all).
    static func format(micros: Int64) -> String? {
        var days = micros / 86_400_000_000
        var rest = micros % 86_400_000_000
        if rest < 0 { rest += 86_400_000_000; days -= 1 }
        // Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        guard (1000...9999).contains(year) else { return nil }
        let seconds = rest / 1_000_000
        let fraction = rest % 1_000_000
        return "\(year)-\(pad(month, 2))-\(pad(day, 2)) \(pad(seconds / 3600, 2)):\(pad(seconds / 60 % 60, 2)):\(pad(seconds % 60, 2)).\(pad(fraction, 6))"
    }

    private static func pad(_ v: Int64, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
