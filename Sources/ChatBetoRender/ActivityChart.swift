/// Monthly activity (conversations or messages per month) as a chart that fits the screen:
/// one bar per month while they fit in `maxRows` lines, otherwise one sparkline per year.
public enum ActivityChart {
    /// Month initials heading the per-year view, one column per month.
    static let monthInitials = "JFMAMJJASOND"

    /// The chart of `months` (labels `YYYY-MM`, in any order for the per-year view) in at most
    /// `width` columns per line.
    ///
    /// Up to `maxRows` months are drawn as a `BarChart` in the order given. More months become
    /// a heading of month initials and one line per year, `2024 ▁▃▅█▇▆▅▄▃▂▁▁  1234` (the total
    /// is left out when the width is too short for it), scaled to
    /// the busiest month of all years so years compare; months missing inside the data's span
    /// count as zero, months outside it are blank. If a label is not `YYYY-MM`, the per-year view
    /// is impossible and all counts become one sparkline, wrapped to the width.
    public static func render(months: [(month: String, count: Int)], width: Int, maxRows: Int = 24,
                              colors: Colors = .none) -> String {
        guard !months.isEmpty, width > 0 else { return "" }
        if months.count <= maxRows {
            return BarChart.render(items: months.map { ($0.month, Double($0.count)) }, width: width, colors: colors)
        }
        var counts: [Int: Int] = [:]  // year * 12 + month index
        for entry in months {
            guard let key = monthKey(entry.month) else { return wrappedSparkline(months.map(\.count), width: width) }
            counts[key, default: 0] += entry.count
        }
        let first = counts.keys.min()!, last = counts.keys.max()!
        let ceiling = Double(counts.values.max() ?? 0)
        let years = (first / 12)...(last / 12)
        let totals = years.map { year in (0..<12).reduce(0) { $0 + (counts[year * 12 + $1] ?? 0) } }
        let totalWidth = totals.map { String($0).count }.max() ?? 1
        let yearWidth = years.map { String($0).count }.max() ?? 4

        // Totals go first when the width is short; then lines are cut.
        let showTotals = yearWidth + 1 + monthInitials.count + 2 + totalWidth <= width
        var lines = [String(repeating: " ", count: yearWidth + 1) + monthInitials]
        for (i, year) in years.enumerated() {
            var spark = ""
            for month in 0..<12 {
                let key = year * 12 + month
                if key < first || key > last {
                    spark.append(" ")
                } else {
                    spark.append(Sparkline.block(for: Double(counts[key] ?? 0), floor: 0, ceiling: ceiling))
                }
            }
            var line = DisplayWidth.pad(String(year), to: yearWidth) + " " + spark
            if showTotals {
                line += "  " + DisplayWidth.pad(String(totals[i]), to: totalWidth, alignment: .right)
            }
            lines.append(line)
        }
        return lines.map { line in
            var trimmed = line
            while trimmed.last == " " { trimmed.removeLast() }
            return (DisplayWidth.of(trimmed) > width ? DisplayWidth.truncate(trimmed, to: width) : trimmed) + "\n"
        }.joined()
    }

    /// `year * 12 + month - 1` for a `YYYY-MM` label (anything after the month is ignored).
    static func monthKey(_ label: String) -> Int? {
        let parts = label.split(separator: "-", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[0].count == 4, parts[1].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month) else { return nil }
        return year * 12 + month - 1
    }

    private static func wrappedSparkline(_ counts: [Int], width: Int) -> String {
        let spark = Array(Sparkline.render(counts.map(Double.init)))
        return stride(from: 0, to: spark.count, by: width).map { start in
            String(spark[start..<min(start + width, spark.count)]) + "\n"
        }.joined()
    }
}
