import Foundation
import Testing
@testable import ChatBetoCore
@testable import ChatBetoStore
import ChatBetoTestSupport

@Suite struct RecallCommandTests {
    @Test func parsesQuestionAndOptions() throws {
        var arguments = Arguments(command: RecallCommand.spec, words: ["how", "do", "cron", "jobs", "run", "--all", "--since", "2024-01-01", "--limit", "3", "--sources"])
        let recall = try RecallCommand(arguments: &arguments)
        #expect(recall == RecallCommand(question: "how do cron jobs run", all: true, since: "2024-01-01", limit: 3, sourcesOnly: true))
        var empty = Arguments(command: RecallCommand.spec, words: ["--all"])
        #expect(throws: ParseError.self) { try RecallCommand(arguments: &empty) }
    }

    @Test func sourcesShowsWidenedPassagesOfTheCurrentProjectWithoutAKey() throws {
        let h = try CommandHarness()
        try h.run("use Wordpress")
        let text = CommandHarness.text(try h.run("recall what was that hook --sources"))
        // The hit ("Check the save_post hook.") with the turns before and after it, one passage per conversation.
        #expect(text.contains("[1] \"Plugin fix\" (project Wordpress)"))
        #expect(text.contains("user: My plugin breaks on save") && text.contains("assistant: Check the save_post hook.")
                && text.contains("user: Thanks, fixed!"))
        #expect(!text.contains("[2]") && !text.contains("First answer (regenerated)"))
        #expect(text.contains("1 passage (~") && text.contains("tokens") && text.contains("nothing sent"))
        #expect(h.sink.questions.isEmpty)
        #expect(try h.context.catalog.listConversations(projectID: nil, orphansOnly: false, since: nil, limit: 100).rows.count == 4)
    }

    @Test func showNOpensCitationNAtItsMessage() throws {
        let h = try CommandHarness()
        try h.run("use Wordpress")
        try h.run("recall thanks fixed --sources")
        #expect(h.context.state.lastListing == [ListingEntry(conversationID: "aaaa1111-0000-4000-8000-000000000001", nodeID: "n4")])
        let shown = CommandHarness.text(try h.run("show 1"))
        #expect(shown.contains("▶ ") && shown.components(separatedBy: "▶ ")[1].contains("Thanks, fixed!"))
        #expect(shown.contains("(from message 2 of 3"))
        // A later listing of whole conversations forgets the anchors.
        try h.run("conversations")
        #expect(!h.context.state.lastListing.isEmpty && h.context.state.lastListing.allSatisfy { $0.nodeID == nil })
    }

    @Test func openNShowsCitationNAtItsMessageAndAskFollowsTheVisibleThread() throws {
        let fake = try FakeOpenAIServer()
        let h = try CommandHarness(openAI: fake.config())
        try h.run("use Wordpress")
        try h.run("recall what was that hook --sources")
        #expect(h.context.state.lastListing == [ListingEntry(conversationID: "aaaa1111-0000-4000-8000-000000000001", nodeID: "n3")])
        let opened = CommandHarness.text(try h.run("open 1"))
        #expect(h.context.state.conversation?.id == "aaaa1111-0000-4000-8000-000000000001")
        // The thread is shown with the cited message marked, as 'show 1' does.
        let marked = opened.components(separatedBy: "▶ ")
        #expect(marked.count == 2 && marked[0].contains("My plugin breaks on save"))
        #expect(marked.count == 2 && marked[1].contains("Check the save_post hook.") && !marked[1].contains("My plugin breaks"))
        #expect(opened.contains("Opened 'Plugin fix'") && opened.contains("last message"))
        // The cited message is not the thread's end: the next turn still follows the visible leaf (n4).
        h.sink.answers = [true]  // seed the server conversation with the thread
        try h.run("ask and then?")
        let thread = try Catalog(connection: h.database.connection).visibleThread(conversationID: "aaaa1111-0000-4000-8000-000000000001")
        #expect(thread.filter { !$0.isHidden }.map(\.nodeID).prefix(3) == ["n1", "n3", "n4"])
        #expect(thread.suffix(2).map { $0.text ?? "" } == ["and then?", "You said: and then?"])
        #expect(thread.suffix(2).first?.parentNodeID == "n4")
    }

    @Test func otherProjectsStayOutUnlessAll() throws {
        let h = try CommandHarness()
        try h.run("use ChatGPT")
        #expect(throws: RecallError.self) { try h.run("recall cron jobs --sources") }
        let everywhere = CommandHarness.text(try h.run("recall cron jobs --sources --all"))
        #expect(everywhere.contains("How do WP cron jobs run?"))
    }

    @Test func sendingWithoutAKeyFailsBeforeAskingAndStoresNothing() throws {
        let h = try CommandHarness()
        try h.run("use Wordpress")
        #expect(throws: ChatError.self) { try h.run("recall save hook") }
        #expect(h.sink.questions.isEmpty)
        #expect(try h.database.connection.query("SELECT COUNT(*) FROM conversations WHERE title LIKE 'Recall:%'").rows[0][0].int64Value == 0)
    }
}

@Suite struct RecallCitationsTests {
    @Test func findsEveryCitedNumberOnceInOrder() {
        #expect(RecallCitations.numbers(in: "Keep it cold [2]. Feed weekly [1][3], see [1, 4].") == [2, 1, 3, 4])
        #expect(RecallCitations.numbers(in: "No citations, an array a[i] and [x].") == [])
    }

    @Test func numbersBeyondThePassagesAreUnknown() {
        #expect(RecallCitations.unknown(in: "As said [1] and [7], also [0].", passages: 3) == [7, 0])
        #expect(RecallCitations.unknown(in: "[1][2][3]", passages: 3).isEmpty)
    }
}
