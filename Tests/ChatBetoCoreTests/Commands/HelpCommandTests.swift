import Foundation
import Testing
@testable import ChatBetoCore

@Suite struct HelpCommandTests {
    @Test func everyCommandHasASummarySentence() {
        for type in CommandTable.all {
            let s = type.spec
            #expect(s.summary.count >= 20, "\(s.name) has no real summary")
            #expect(s.summary.hasSuffix(".") || s.summary.hasSuffix(")"), "\(s.name): '\(s.summary)'")
            #expect(s.usage.hasPrefix(s.name), "\(s.name): usage '\(s.usage)'")
        }
    }

    @Test func helpListsEveryCommandWithItsUsageAndSummaryByCategory() throws {
        let h = try CommandHarness(history: false)
        let text = CommandHarness.text(try h.run("help"))
        for type in CommandTable.all {
            #expect(text.contains(type.spec.usage), "help leaves out \(type.spec.name)'s usage")
            #expect(text.contains(type.spec.summary), "help leaves out \(type.spec.name)'s summary")
        }
        // The line of `use` is its usage, padded, then its summary.
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("  use ") })
        #expect(line.hasSuffix("  " + UseCommand.spec.summary))
        let headings = CommandSpec.Category.allCases.map(\.rawValue)
        let positions = headings.compactMap { text.range(of: $0 + "\n")?.lowerBound }
        #expect(positions.count == headings.count && positions == positions.sorted())
    }

    @Test func helpForOneCommandGivesUsageSummaryAliasesAndDetails() throws {
        let h = try CommandHarness(history: false)
        let text = CommandHarness.text(try h.run("help find"))
        #expect(text.hasPrefix("usage: " + SearchCommand.spec.usage + "\n\n" + SearchCommand.spec.summary + "\n"))
        #expect(text.contains("aliases: find"))
        #expect(text.contains("--semantic"))
    }

    @Test func helpNeedsNoDatabase() throws {
        #expect(!HelpCommand.spec.usesSession && !QuitCommand.spec.usesSession && !SchemaCommand.spec.usesSession)
        #expect(UseCommand.spec.usesSession && SetCommand.spec.usesSession && AskCommand.spec.usesSession)
    }

    @Test func helpForAnUnknownCommandSuggestsTheClosest() throws {
        let h = try CommandHarness(history: false)
        do {
            try h.run("help serch")
            Issue.record("no error")
        } catch {
            #expect(String(describing: error).contains("search"))
        }
    }
}
