import Foundation

/// A progress line: bytes and conversations done, rate and time left, redrawn at most ten times a
/// second through `write` (the shell passes its terminal's standard error; scripts get no progress).
/// After the rows of a batch are parsed, the line names what the import waits for ("writing",
/// "committing", "naming projects"), and it ends with the real conversation count ("done").
public final class ImportProgress {
    private let write: (String) -> Bool
    private let width: () -> Int
    private let clock: () -> TimeInterval
    private var started: TimeInterval = 0
    private var lastDraw: TimeInterval = -1
    private var totalBytes: Int64 = 0
    private var drawn = false
    private var lastBytes: Int64 = 0
    private var lastConversations = 0

    /// A progress bar drawn through `write` (false: nothing was written), `width` columns wide.
    public init(write: @escaping (String) -> Bool, width: @escaping () -> Int,
                clock: @escaping () -> TimeInterval = { ProcessInfo.processInfo.systemUptime }) {
        self.write = write
        self.width = width
        self.clock = clock
    }

    func start(totalBytes: Int64) {
        self.totalBytes = totalBytes
        started = clock()
    }

    func update(bytes: Int64, conversations: Int, force: Bool = false) {
        lastBytes = bytes
        lastConversations = conversations
        let now = clock()
        guard force || now - lastDraw >= 0.1 else { return }
        draw(now: now, phase: nil)
    }

    /// Names what the import is doing past the parsed bytes (always drawn: phases are few); the next
    /// `update` goes back to the plain line.
    func phase(_ name: String, conversations: Int) {
        lastConversations = conversations
        draw(now: clock(), phase: name)
    }

    /// Draws the last state with the final conversation count, then clears the line.
    func finish(conversations: Int? = nil) {
        if let conversations, lastDraw >= 0 {
            lastConversations = conversations
            draw(now: clock(), phase: "done")
        }
        if drawn { _ = write("\r\u{1B}[K") }
        drawn = false
    }

    private func draw(now: TimeInterval, phase: String?) {
        lastDraw = now
        let line = ImportProgress.line(bytes: lastBytes, totalBytes: totalBytes, conversations: lastConversations,
                                       elapsed: now - started, width: width(), phase: phase)
        drawn = write("\r" + line + "\u{1B}[K")
    }

    /// The progress line, at most `width` columns: `[#####-----]  45%  170/375 MB  2,345 conv  41.2 MB/s  5s left`,
    /// with `phase` (`committing…`) in place of the rate and time left.
    static func line(bytes: Int64, totalBytes: Int64, conversations: Int, elapsed: TimeInterval, width: Int,
                     phase: String? = nil) -> String {
        let fraction = totalBytes > 0 ? min(1, Double(bytes) / Double(totalBytes)) : 0
        let mb = { (b: Int64) in String(format: "%.0f", Double(b) / 1_000_000) }
        let rate = elapsed > 0 ? Double(bytes) / 1_000_000 / elapsed : 0
        var info = String(format: "%3.0f%%  ", fraction * 100) + "\(mb(bytes))/\(mb(totalBytes)) MB  \(conversations) conv"
        if let phase {
            info += "  " + phase + (phase == "done" ? String(format: " in %.1fs", elapsed) : "…")
        } else if elapsed >= 0.5 {
            info += String(format: "  %.1f MB/s", rate)
            if fraction > 0.01 && fraction < 1 {
                info += "  " + duration(elapsed * (1 - fraction) / fraction) + " left"
            }
        }
        // `info` is ASCII: its character count is its width in columns.
        let barWidth = min(30, width - info.count - 4)
        if barWidth >= 5 {
            let filled = Int((Double(barWidth) * fraction).rounded(.down))
            return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: barWidth - filled) + "]  " + info
        }
        let room = max(1, width - 1)
        return info.count <= room ? info : String(info.prefix(room - 1)) + "…"
    }

    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded(.up))
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m\(String(format: "%02d", s % 60))s" }
        return "\(s / 3600)h\(String(format: "%02d", s / 60 % 60))m"
    }
}
