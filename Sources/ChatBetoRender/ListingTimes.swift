import ChatBetoStore

/// Listings (`conversations`, `projects`) show times to the minute: seconds and microseconds say
/// nothing to someone scanning a list, and the full values are a `sql` query away.
public enum ListingTimes {
    /// `rs` with every temporal value cut to `YYYY-MM-DD HH:MM`.
    public static func toMinute(_ rs: ResultSet) -> ResultSet {
        var out = rs
        out.rows = rs.rows.map { row in
            row.map { value in
                if case .temporal(let t) = value { return .temporal(String(t.prefix(16))) }
                return value
            }
        }
        return out
    }
}
