/// One sparkline per project over the same months, `Wordpress  ▁▃█▅▁  42`, fitted to a width:
/// the most recent months are kept when the span is wider than the screen.
public enum ProjectActivityChart {
    /// `series` maps a project to its (`YYYY-MM`, count) pairs; projects are drawn in the order given.
    public static func render(projects: [String], series: [String: [String: Int]], width: Int) -> String {
        let months = monthRange(series.values.flatMap(\.keys))
        guard !projects.isEmpty, !months.isEmpty, width > 0 else { return "" }
        let totals = projects.map { series[$0, default: [:]].values.reduce(0, +) }
        let totalWidth = totals.map { String($0).count }.max() ?? 1
        let labelWidth = min(projects.map(DisplayWidth.of).max() ?? 1, max(4, width / 4))
        let sparkWidth = max(1, width - labelWidth - totalWidth - 4)
        let shown = Array(months.suffix(sparkWidth))
        let ceiling = Double(series.values.flatMap(\.values).max() ?? 0)
        var out = DisplayWidth.truncate(DisplayWidth.pad("", to: labelWidth) + "  " + header(shown), to: width) + "\n"
        for (i, project) in projects.enumerated() {
            let counts = shown.map { Double(series[project]?[$0] ?? 0) }
            let spark = String(counts.map { $0 == 0 ? " " : Sparkline.block(for: $0, floor: 0, ceiling: ceiling) })
            let label = DisplayWidth.pad(DisplayWidth.truncate(project, to: labelWidth), to: labelWidth)
            out += label + "  " + spark + "  " + DisplayWidth.pad(String(totals[i]), to: totalWidth, alignment: .right) + "\n"
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
