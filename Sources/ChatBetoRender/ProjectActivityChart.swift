/// One sparkline per project over the same months, `Wordpress  ▁▃█▅▁  42 (max 17)`, fitted to a width:
/// the most recent months are kept when the span is wider than the screen. Each project's line is
/// scaled to its own busiest month, which the `max` figure names (so a quiet project still shows its
/// shape); months without conversations are blank.
public enum ProjectActivityChart {
    /// `series` maps a project to its (`YYYY-MM`, count) pairs; projects are drawn in the order given.
    public static func render(projects: [String], series: [String: [String: Int]], width: Int) -> String {
        let months = monthRange(series.values.flatMap(\.keys))
        guard !projects.isEmpty, !months.isEmpty, width > 0 else { return "" }
        let totals = projects.map { series[$0, default: [:]].values.reduce(0, +) }
        let peaks = projects.map { series[$0, default: [:]].values.max() ?? 0 }
        let totalWidth = totals.map { String($0).count }.max() ?? 1
        let peakWidth = peaks.map { String($0).count }.max() ?? 1
        let labelWidth = min(projects.map(DisplayWidth.of).max() ?? 1, max(4, width / 4))
        // The `(max N)` goes first when the width is short; then the oldest months.
        var sparkWidth = width - labelWidth - totalWidth - peakWidth - 10
        let showPeak = sparkWidth >= min(months.count, 6)
        if !showPeak { sparkWidth = width - labelWidth - totalWidth - 4 }
        let shown = Array(months.suffix(max(1, sparkWidth)))
        var out = DisplayWidth.truncate(DisplayWidth.pad("", to: labelWidth) + "  " + header(shown), to: width) + "\n"
        for (i, project) in projects.enumerated() {
            let counts = shown.map { Double(series[project]?[$0] ?? 0) }
            let spark = Sparkline.render(counts, floor: 0, ceiling: Double(peaks[i]))
            let label = DisplayWidth.pad(DisplayWidth.truncate(project, to: labelWidth), to: labelWidth)
            var line = label + "  " + spark + "  " + DisplayWidth.pad(String(totals[i]), to: totalWidth, alignment: .right)
            if showPeak { line += " (max " + DisplayWidth.pad(String(peaks[i]), to: peakWidth, alignment: .right) + ")" }
            out += DisplayWidth.truncate(line, to: width) + "\n"
        }
        return out
    }

    /// First and last month over the sparklines' columns, `2023-01 … 2024-12`, cut to fit.
    static func header(_ months: [String]) -> String {
        guard let first = months.first, let last = months.last else { return "" }
        let text = months.count >= first.count + last.count + 1
            ? first + String(repeating: " ", count: months.count - first.count - last.count) + last
            : first
        return String(text.prefix(max(months.count, first.count)))
    }

    /// Every month from the earliest to the latest label, as `YYYY-MM`.
    static func monthRange(_ labels: [String]) -> [String] {
        let keys = labels.compactMap(ActivityChart.monthKey)
        guard let lo = keys.min(), let hi = keys.max() else { return [] }
        return (lo...hi).map { key in
            let year = key / 12, month = key % 12 + 1
            return "\(year)-" + (month < 10 ? "0" : "") + String(month)
        }
    }
}
