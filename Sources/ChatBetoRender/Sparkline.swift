/// One-line charts made of the eight block heights `▁▂▃▄▅▆▇█`, one character per value.
enum Sparkline {
    /// The block glyphs from lowest to highest.
    public static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// `values` scaled from the lower of 0 and their minimum up to their maximum, so counts keep
    /// zero as the floor. NaN prints as a space.
    public static func render(_ values: [Double]) -> String {
        let finite = values.filter(\.isFinite)
        guard let high = finite.max(), let low = finite.min() else {
            return String(repeating: " ", count: values.count)
        }
        return render(values, floor: min(0, low), ceiling: high)
    }

    /// `values` scaled so that `floor` (and below) is empty (a space: an empty month draws as
    /// nothing) and `ceiling` (and above) is `█`; any value above the floor gets at least `▁`, so
    /// "some" never looks like "none". NaN prints as a space.
    public static func render(_ values: [Double], floor: Double, ceiling: Double) -> String {
        String(values.map { block(for: $0, floor: floor, ceiling: ceiling) })
    }

    /// The glyph for one value (see `render(_:floor:ceiling:)`).
    public static func block(for value: Double, floor: Double, ceiling: Double) -> Character {
        if value.isNaN || value <= floor { return " " }
        guard ceiling > floor else { return blocks[blocks.count - 1] }
        let fraction = min(1, (value - floor) / (ceiling - floor))
        let level = max(0, Int((fraction * Double(blocks.count)).rounded(.up)) - 1)
        return blocks[level]
    }
}
