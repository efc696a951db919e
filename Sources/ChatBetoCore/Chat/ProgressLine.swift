import ChatBetoRender
import Foundation

/// A progress bar on standard error, redrawn in place on a terminal; silent otherwise.
struct ProgressLine {
    let total: Int
    let console: Console
    private(set) var done = 0
    private let enabled = Terminal.isTTY(Terminal.standardError)
    private var lastDraw = Date.distantPast

    init(total: Int, console: Console) { self.total = total; self.console = console }

    mutating func advance() {
        done += 1
        guard enabled, done == total || Date().timeIntervalSince(lastDraw) > 0.1 else { return }
        lastDraw = Date()
        let width = 30
        let filled = total == 0 ? width : width * done / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        console.writeError("\r\u{1B}[K\(bar) \(done)/\(total)")
    }

    func finish() { if enabled { console.writeError("\r\u{1B}[K") } }
}
