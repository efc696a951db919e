/// The `mysql` client's boxed table, fitted to a width: when the natural layout is wider, the widest
/// columns give way first and their long cells end in `…` (the whole value stays available in `\G`,
/// CSV and JSON). Cells must already be on one line; `nil` draws as a dimmed `NULL`.
struct BoxTable {
    public var headers: [String]
    public var rows: [[String?]]
    public var rightAligned: [Bool]
    /// Columns cut only when the others cannot give way enough (numbers and times: a cut one says nothing).
    public var keepWhole: [Bool]

    /// A table of these cells; numbers right-aligned, `keepWhole` columns never cut.
    public init(headers: [String], rows: [[String?]], rightAligned: [Bool], keepWhole: [Bool] = []) {
        self.headers = headers; self.rows = rows; self.rightAligned = rightAligned; self.keepWhole = keepWhole
    }

    /// The table as lines ending in newlines; `maxWidth` nil means as wide as the cells need.
    public func render(maxWidth: Int?, colors: Colors) -> String {
        var text = ""
        write(maxWidth: maxWidth, colors: colors) { text += $0 }
        return text
    }

    /// `render`'s lines handed to `out` one at a time (a table padded to a wide cell can be far larger
    /// than its cells).
    public func write(maxWidth: Int?, colors: Colors, to out: (String) -> Void) {
        guard !headers.isEmpty else { return }
        // Each cell's width, measured once: the layout needs them all, and padding each cell again.
        let cellWidths = rows.map { row in row.map { DisplayWidth.of($0 ?? CellText.nullText) } }
        var widths = headers.map(DisplayWidth.of)
        for row in cellWidths {
            for (i, w) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], w) }
        }
        if let maxWidth { widths = Self.fit(widths, into: maxWidth - (3 * widths.count + 1), keepWhole: keepWhole) }
        let border = "+" + widths.map { String(repeating: "-", count: $0 + 2) + "+" }.joined()
        out(border + "\n")
        out(line(headers.enumerated().map { i, name in
            Self.cell(name, width: widths[i], right: false, style: colors.bold)
        }))
        out(border + "\n")
        guard !rows.isEmpty else { return }
        for (row, rowWidths) in zip(rows, cellWidths) {
            out(line(widths.indices.map { i in
                let right = i < rightAligned.count && rightAligned[i]
                guard i < row.count, let text = row[i] else {
                    return Self.cell(CellText.nullText, width: widths[i], right: right, style: colors.dim)
                }
                return Self.cell(text, of: rowWidths[i], width: widths[i], right: right, style: { $0 })
            }))
        }
        out(border + "\n")
    }

    private func line(_ cells: [String]) -> String { "|" + cells.map { " " + $0 + " |" }.joined() + "\n" }

    /// `text` (`known` columns wide, when measured already) cut to `width` (with `…`) and padded, styled
    /// without the padding.
    private static func cell(_ text: String, of known: Int? = nil, width: Int, right: Bool, style: (String) -> String) -> String {
        let natural = known ?? DisplayWidth.of(text)
        let cut = natural <= width ? text : DisplayWidth.truncate(text, to: width)
        let spaces = DisplayWidth.spaces(width - (natural <= width ? natural : DisplayWidth.of(cut)))
        return right ? spaces + style(cut) : style(cut) + spaces
    }

    /// Column widths summing to at most `budget`: narrow columns keep their width, the others share
    /// what is left equally (water-filling); no column goes below 3 columns or its own width.
    static func fit(_ natural: [Int], into budget: Int, keepWhole: [Bool] = []) -> [Int] {
        guard natural.reduce(0, +) > budget, !natural.isEmpty else { return natural }
        let whole = natural.indices.filter { $0 < keepWhole.count && keepWhole[$0] }
        let rest = natural.indices.filter { !whole.contains($0) }
        let spare = budget - whole.map { natural[$0] }.reduce(0, +)
        if !whole.isEmpty, !rest.isEmpty, spare >= 6 * rest.count {
            var widths = natural
            for (i, w) in zip(rest, fit(rest.map { natural[$0] }, into: spare)) { widths[i] = w }
            return widths
        }
        var widths = natural
        var open = Set(natural.indices)
        var left = budget
        while !open.isEmpty {
            let share = left / open.count
            let narrow = open.filter { natural[$0] <= share }
            if narrow.isEmpty {
                var extra = left - share * open.count
                for i in open.sorted() {
                    widths[i] = max(min(3, natural[i]), share + (extra > 0 ? 1 : 0))
                    extra -= 1
                }
                break
            }
            for i in narrow { widths[i] = natural[i]; left -= natural[i]; open.remove(i) }
        }
        return widths
    }
}
