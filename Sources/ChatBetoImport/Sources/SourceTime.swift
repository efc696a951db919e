import Foundation

/// The times other providers write: ISO 8601 with `Z` or an offset and up to 9 fraction digits,
/// MongoDB extended JSON (`{"$date": {"$numberLong": "ms"}}`, `{"$date": "ISO"}`), and epoch numbers.
/// Always returned as `DATETIME(6)` text in UTC, microseconds kept.
enum SourceTime {
    /// A time value in any of the shapes above, or nil.
    static func from(_ value: Any?) -> String? {
        switch value {
        case let s as String:
            return iso(s) ?? SQLTimestamp.from(s)
        case let n as NSNumber where !JSONAccess.isBoolean(n):
            // Epoch milliseconds are common in MongoDB dumps; seconds below 10^11 (year 5138).
            let t = n.doubleValue
            return SQLTimestamp.format(unixSeconds: abs(t) >= 1e11 ? t / 1000 : t)
        case let o as [String: Any]:
            if let date = o["$date"] {
                if let inner = date as? [String: Any], let ms = inner["$numberLong"] {
                    if let s = ms as? String, let v = Int64(s) { return SQLTimestamp.format(micros: v * 1000) }
                    if let n = ms as? NSNumber { return SQLTimestamp.format(micros: n.int64Value * 1000) }
                    return nil
                }
                if let n = date as? NSNumber { return SQLTimestamp.format(micros: n.int64Value * 1000) }
                return from(date)
            }
            return nil
        default:
            return nil
        }
    }

    /// `2026-09-21T14:13:20.123456Z`, `…+00:00`, `…T14:13:20Z` → `2026-09-21 14:13:20.123456`.
    static func iso(_ s: String) -> String? {
        let b = Array(s.utf8)
        func digits(_ at: Int, _ n: Int) -> Int64? {
            guard at + n <= b.count else { return nil }
            var v: Int64 = 0
            for i in at..<(at + n) {
                guard b[i] >= 48 && b[i] <= 57 else { return nil }
                v = v * 10 + Int64(b[i] - 48)
            }
            return v
        }
        guard b.count >= 19, b[4] == 45, b[7] == 45, b[10] == 84 || b[10] == 32, b[13] == 58, b[16] == 58,
              let year = digits(0, 4), let month = digits(5, 2), let day = digits(8, 2),
              let hour = digits(11, 2), let minute = digits(14, 2), let second = digits(17, 2),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
        var i = 19
        var micros: Int64 = 0
        if i < b.count, b[i] == 46 {
            i += 1
            var scale: Int64 = 100_000
            while i < b.count, b[i] >= 48, b[i] <= 57 {
                micros += Int64(b[i] - 48) * scale
                scale /= 10
                i += 1
            }
        }
        var offsetSeconds: Int64 = 0
        if i < b.count {
            if b[i] == 90 || b[i] == 122 {
                i += 1
            } else if b[i] == 43 || b[i] == 45 {
                let sign: Int64 = b[i] == 45 ? -1 : 1
                guard let oh = digits(i + 1, 2) else { return nil }
                var om: Int64 = 0
                if i + 3 < b.count, b[i + 3] == 58, let m = digits(i + 4, 2) { om = m; i += 6 } else if let m = digits(i + 3, 2) { om = m; i += 5 } else { i += 3 }
                offsetSeconds = sign * (oh * 3600 + om * 60)
            } else {
                return nil
            }
        }
        guard i == b.count else { return nil }
        // Days from civil (H. Hinnant), as SQLTimestamp does the inverse.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        return SQLTimestamp.format(micros: seconds * 1_000_000 + micros)
    }
}
