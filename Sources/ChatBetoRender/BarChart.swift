import Foundation

/// Horizontal bar charts for statistics: one line per item, `label  ███████▍  value`.
enum BarChart {
    /// Eighth-block glyphs for the partial cell at the end of a bar, index = eighths (1...7).
    static let partials: [Character] = [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// The chart of `items` in at most `width` display columns per line.
    ///
    /// Labels are padded by display width (and cut with `…` when they would take more than a
    /// third of the width); values are printed right-aligned after the bars; bars are scaled to
    /// the largest value with eighth-cell precision, and a positive value always shows at least a
    /// sliver. Negative and NaN values draw no bar. Colours, when on, only tint the bars.
    public static func render(items: [(label: String, value: Double)], width: Int, colors: Colors = .none) -> String {
        guard !items.isEmpty, width > 0 else { return "" }
        let labels = items.map { CellText.singleLine($0.label) }
        let values = items.map { formatValue($0.value) }
        let valueWidth = values.map(DisplayWidth.of).max() ?? 0
        let longestLabel = labels.map(DisplayWidth.of).max() ?? 0
        // Labels yield to the bars: at most a third of the line, less if that is all there is.
        var labelWidth = min(longestLabel, max(1, width / 3))
        var barWidth = width - labelWidth - valueWidth - 2
        if barWidth < 1 {
            labelWidth = max(1, labelWidth + barWidth - 1)
            barWidth = max(0, width - labelWidth - valueWidth - 2)
        }
        let largest = items.map(\.value).filter { $0.isFinite }.max() ?? 0

        var out = ""
        for (i, item) in items.enumerated() {
            let label = DisplayWidth.pad(DisplayWidth.truncate(labels[i], to: labelWidth), to: labelWidth)
            let bar = self.bar(item.value, largest: largest, cells: barWidth)
            let gap = String(repeating: " ", count: barWidth - bar.count)
            let value = DisplayWidth.pad(values[i], to: valueWidth, alignment: .right)
            let plain = label + " " + bar + gap + " " + value
            if DisplayWidth.of(plain) > width {
                out += DisplayWidth.truncate(plain, to: width) + "\n"
            } else {
                out += label + " " + colors.cyan(bar) + gap + " " + value + "\n"
            }
        }
        return out
    }

    /// A bar of `value` scaled so that `largest` fills `cells` cells.
    static func bar(_ value: Double, largest: Double, cells: Int) -> String {
        guard cells > 0, largest > 0, value.isFinite, value > 0 else { return "" }
        var eighths = Int((min(value, largest) / largest * Double(cells * 8)).rounded())
        eighths = max(1, eighths)
        var bar = String(repeating: "█", count: eighths / 8)
        if eighths % 8 > 0 { bar.append(partials[eighths % 8]) }
        return bar
    }

    /// A chart value as printed: whole numbers without a fraction, others with up to two decimals
    /// (two significant digits below 0.01).
    static func formatValue(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "∞" : "-∞") }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        // Small values keep two significant digits rather than rounding to a misleading 0.
        if abs(value) < 0.01 { return String(format: "%.2g", value) }
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
