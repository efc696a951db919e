@testable import ChatBetoImport
@testable import ChatBetoRender
@testable import ChatBetoStore
import Foundation
import Testing

@Suite struct ImportProgressTests {
    /// A progress bar writing into an array, on a clock the test moves.
    final class Screen: @unchecked Sendable {
        var writes: [String] = []
        var now: TimeInterval = 0
    }

    @Test func phasesReplaceTheRateAndTheLastLineCarriesTheRealCount() {
        let screen = Screen()
        let progress = ImportProgress(write: { screen.writes.append($0); return true }, width: { 100 }, clock: { screen.now })
        progress.start(totalBytes: 1_000_000)
        screen.now = 1
        progress.update(bytes: 1_000_000, conversations: 97)
        progress.update(bytes: 1_000_000, conversations: 99)  // within 0.1 s: not drawn
        progress.phase("committing", conversations: 99)
        screen.now = 2
        progress.finish(conversations: 100)
        #expect(screen.writes.count == 4)
        #expect(screen.writes[1].contains("99 conv  committing…") && !screen.writes[1].contains("MB/s"))
        #expect(screen.writes[2].contains("100%  1/1 MB  100 conv  done in 2.0s"))
        #expect(screen.writes[3] == "\r\u{1B}[K")
    }

    @Test func aPhaseFitsANarrowTerminal() {
        let line = ImportProgress.line(bytes: 5, totalBytes: 10, conversations: 12345, elapsed: 3, width: 30, phase: "naming projects")
        #expect(DisplayWidth.of(line) <= 30)
    }
}
