@testable import ChatBetoRender
import Foundation
import Testing

extension Render {
    @Suite struct PagerTests {
        static let terminal = TerminalSize(columns: 80, rows: 24)

        @Test func commandComesFromPagerVariable() {
            #expect(Pager.fromEnvironment([:]).command == "less -FRX")
            #expect(Pager.fromEnvironment(["PAGER": "more"]).command == "more")
            #expect(Pager.fromEnvironment(["PAGER": "  "]) == .off)
        }

        @Test func pagesOnlyTallTextOnATerminal() {
            let pager = Pager(command: "less")
            let tall = String(repeating: "row\n", count: 30)
            let short = String(repeating: "row\n", count: 5)
            #expect(pager.shouldPage(tall, outputIsTTY: true, terminal: Self.terminal))
            #expect(!pager.shouldPage(short, outputIsTTY: true, terminal: Self.terminal))
            #expect(!pager.shouldPage(tall, outputIsTTY: false, terminal: Self.terminal))
            #expect(!Pager.off.shouldPage(tall, outputIsTTY: true, terminal: Self.terminal))
        }

        @Test func heightCountsWrappedLinesAndIgnoresColours() {
            #expect(Pager.height(of: "", columns: 80, limit: 100) == 1)
            #expect(Pager.height(of: "a\nb\n", columns: 80, limit: 100) == 2)
            #expect(Pager.height(of: "a\nb", columns: 80, limit: 100) == 2)
            #expect(Pager.height(of: String(repeating: "x", count: 161) + "\n", columns: 80, limit: 100) == 3)
            #expect(Pager.height(of: String(repeating: "日", count: 40) + "\n", columns: 80, limit: 100) == 1)
            #expect(Pager.height(of: Colors.ansi.red(String(repeating: "x", count: 80)), columns: 80, limit: 100) == 1)
            // A line needing the whole screen leaves no room for the prompt.
            let screenful = String(repeating: "row\n", count: 24)
            #expect(Pager(command: "less").shouldPage(screenful, outputIsTTY: true, terminal: Self.terminal))
            #expect(!Pager(command: "less").shouldPage(String(repeating: "row\n", count: 23), outputIsTTY: true, terminal: Self.terminal))
        }

        @Test func pipesTextIntoThePagerCommand() throws {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("pager-\(UUID().uuidString).txt")
            defer { try? FileManager.default.removeItem(at: file) }
            let text = "first line\n日本語 👍\n" + String(repeating: "x", count: 200_000) + "\n"
            #expect(Pager(command: "cat > '\(file.path)'").page(text) == .paged)
            #expect(try String(contentsOf: file, encoding: .utf8) == text)
        }

        @Test func pagerQuitEarlyIsNotAnError() {
            // The reader stops after one byte while megabytes are still coming: the writer must see
            // a broken pipe, not die of SIGPIPE.
            let text = String(repeating: "0123456789abcdef\n", count: 400_000)
            #expect(Pager(command: "head -c 1 >/dev/null").page(text) == .paged)
            #expect(Pager(command: "exit 0").page(text) == .paged)
        }

        @Test func missingPagerIsReportedSoTheCallerCanPrint() {
            let outcome = Pager(command: "chatbeto-no-such-pager-\(UUID().uuidString.prefix(8))").page("text\n")
            guard case .couldNotStart(let reason) = outcome else {
                Issue.record("expected couldNotStart, got \(outcome)")
                return
            }
            #expect(reason.contains("exit status 127"))
            #expect(Pager.off.page("text\n") == .couldNotStart("paging is off"))
        }
    }
}
