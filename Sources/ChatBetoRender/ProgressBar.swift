/// A one-line progress bar, `[#####-----]  512/1024 messages  50%`, fitted to a width.
public enum ProgressBar {
    /// A progress line: bar, counts and unit, fitted to `width`.
    public static func line(done: Int, total: Int, unit: String, width: Int) -> String {
        let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 1
        let tail = "  \(done)/\(total) \(unit)  \(Int((fraction * 100).rounded(.down)))%"
        let barWidth = max(0, min(40, width - tail.count - 2))
        let filled = Int((Double(barWidth) * fraction).rounded(.down))
        return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: barWidth - filled) + "]" + tail
    }
}
