import Foundation
import Testing
@testable import ChatBetoCore

@Suite struct UseCommandTests {
    @Test func useMakesAProjectCurrentAndSavesIt() throws {
        let h = try CommandHarness()
        let shown = try h.run("use Word")
        #expect(CommandHarness.text(shown) == "Using project 'Wordpress'.")
        #expect(h.context.state.project?.name == "Wordpress")
        // A new context over the same database resumes it.
        let next = try CommandHarness(database: h.database)
        try next.context.prepareSession()
        #expect(next.context.state.project?.name == "Wordpress")
    }

    @Test func useDashClearsProjectAndConversationAndTheClearingIsSaved() throws {
        let h = try CommandHarness()
        try h.run("use Wordpress")
        try h.run("open aaaa1111-0000-4000-8000-000000000001")
        #expect(h.context.state.conversation != nil)
        let next = try CommandHarness(database: h.database)
        #expect(CommandHarness.text(try next.run("use -")) == "No current project.")
        #expect(next.context.state.project == nil && next.context.state.conversation == nil)
        let third = try CommandHarness(database: h.database)
        try third.context.prepareSession()
        #expect(third.context.state.project == nil, "use - as the first command was undone by the restore")
        #expect(third.context.state.conversation == nil)
    }

    @Test func switchingProjectsForgetsTheConversationAndTheListing() throws {
        let h = try CommandHarness()
        try h.run("use Wordpress")
        try h.run("conversations")
        try h.run("open 1")
        #expect(!h.context.state.lastListing.isEmpty)
        try h.run("use ChatGPT")
        #expect(h.context.state.conversation == nil)
        #expect(h.context.state.lastListing.isEmpty)
    }

    @Test func anUnknownProjectIsAnErrorNamingIt() throws {
        let h = try CommandHarness()
        #expect(throws: (any Error).self) { try h.run("use Nowhere") }
        do { try h.run("use Nowhere") } catch { #expect(String(describing: error).contains("Nowhere")) }
        #expect(h.context.state.project == nil)
    }
}
