import ChatBetoOpenAI
import ChatBetoStore
import ChatBetoTestSupport
import Foundation
import Testing
@testable import ChatBetoCore

/// `index`: embeds what has no vector yet, after showing the cost and asking; the fake server's
/// /v1/embeddings answers (a deterministic vector per text, so a message's own text finds it).
@Suite struct IndexCommandTests {
    /// SmallHistory's user and assistant messages with text, the regenerated reply too; not the hidden system message.
    static let everyMessage = 8, wordpressMessages = 6

    private func stored(_ h: CommandHarness, dimensions: Int = 512) throws -> Int {
        Int(try h.database.connection.queryOne("SELECT COUNT(*) AS n FROM message_embeddings WHERE model = 'text-embedding-3-small' AND dimensions = ?",
                                               [.int(Int64(dimensions))])?.int("n") ?? -1)
    }
    /// The bodies the fake server received at /v1/embeddings.
    private func embeddingRequests(_ fake: FakeOpenAIServer) throws -> [JSONValue] {
        try fake.requests(to: "/embeddings").compactMap { JSONValue.parse(Data(($0["body"]?.string ?? "").utf8)) }
    }

    @Test func dryRunShowsTheScopeAndTheCostAndSendsNothing() throws {
        let fake = try FakeOpenAIServer()
        let h = try CommandHarness(openAI: fake.config())
        let result = try h.run("index --all --dry-run")
        guard case .report(let text, let json)? = result else { Issue.record("no report: \(String(describing: result))"); return }
        #expect(text.hasPrefix("dry run: \(Self.everyMessage) messages in all projects to embed (\(Self.everyMessage) chunks, about "))
        #expect(text.hasSuffix(" tokens) with text-embedding-3-small at 512 dimensions: about $0.0000"))
        let totals = try CommandHarness.json(result)
        #expect((totals["messages"] as? NSNumber)?.intValue == Self.everyMessage && (totals["chunks"] as? NSNumber)?.intValue == Self.everyMessage)
        #expect(((totals["tokens"] as? NSNumber)?.intValue ?? 0) > 0 && totals["cost_usd"] != nil, "\(json)")
        #expect(h.sink.questions.isEmpty)
        #expect(try fake.requests().isEmpty && stored(h) == 0)
    }

    @Test func theScopeIsTheNamedProjectElseTheCurrentOneElseEverything() throws {
        let h = try CommandHarness()
        #expect(CommandHarness.text(try h.run("index ChatGPT --dry-run")).hasPrefix("dry run: 1 messages in 'ChatGPT' to embed"))
        #expect(CommandHarness.text(try h.run("index --dry-run")).hasPrefix("dry run: \(Self.everyMessage) messages in all projects"))
        try h.run("use Wordpress")
        #expect(CommandHarness.text(try h.run("index --dry-run")).hasPrefix("dry run: \(Self.wordpressMessages) messages in 'Wordpress'"))
        #expect(CommandHarness.text(try h.run("index --all --dry-run")).hasPrefix("dry run: \(Self.everyMessage) messages in all projects"))
        try h.database.connection.query("INSERT INTO projects (id, name, name_source) VALUES (3, 'Empty one', 'user')")
        let empty = try h.run("index Empty one --dry-run")
        #expect(CommandHarness.text(empty) == "dry run: every message in 'Empty one' already has a text-embedding-3-small vector")
        #expect((try CommandHarness.json(empty)["messages"] as? NSNumber)?.intValue == 0)
    }

    @Test func decliningSendsNothingAndStoresNothing() throws {
        let fake = try FakeOpenAIServer()
        let h = try CommandHarness(openAI: fake.config())
        #expect(CommandHarness.text(try h.run("index --all")) == "nothing sent")
        #expect(h.sink.questions == ["Send them to the embeddings endpoint?"])
        #expect(h.sink.events.contains { if case .diagnostic(let d) = $0 { return d.hasPrefix("\(Self.everyMessage) messages in all projects to embed") }; return false })
        #expect(try fake.requests().isEmpty && stored(h) == 0)
    }

    @Test func confirmedItEmbedsEverythingOnceAndTheNextRunHasNothingToDo() throws {
        let fake = try FakeOpenAIServer()
        let h = try CommandHarness(openAI: fake.config())
        h.sink.answers = [true]
        let done = CommandHarness.text(try h.run("index --all"))
        #expect(done.hasPrefix("embedded \(Self.everyMessage) messages (\(Self.everyMessage) chunks) in 1 request, "), "\(done)")
        #expect(try stored(h) == Self.everyMessage)
        let bodies = try embeddingRequests(fake)
        #expect(bodies.count == 1)
        #expect(bodies.first?["model"]?.string == "text-embedding-3-small" && bodies.first?["dimensions"]?.int == 512)
        let inputs = Set(bodies.first?["input"]?.array?.compactMap(\.string) ?? [])
        #expect(inputs.contains("First answer (regenerated)") && inputs.contains("¿Qué es un ñandú? 🥘") && !inputs.contains(""))
        #expect(h.sink.events.contains(.progress(.advance(done: Self.everyMessage, total: Self.everyMessage, unit: "messages"))))
        #expect(h.sink.events.last == .progress(.finish))
        #expect(CommandHarness.text(try h.run("index --all")) == "every message in all projects already has a text-embedding-3-small vector")
        #expect(try embeddingRequests(fake).count == 1 && h.sink.questions.count == 1)
        // Other dimensions are another index.
        try h.run("set embedding-dimensions 64")
        #expect(CommandHarness.text(try h.run("index --all --dry-run")).hasPrefix("dry run: \(Self.everyMessage) messages in all projects"))
    }

    @Test func afterAChatTurnOnlyTheNewMessagesAreEmbeddedAndSemanticSearchFindsThem() throws {
        let home = try TemporaryFolder("index")
        let fake = try FakeOpenAIServer()
        let h = try CommandHarness(home: home, openAI: fake.config())
        try h.run("use Wordpress")
        h.sink.answers = [true, true]
        try h.run("index")
        #expect(try stored(h) == Self.wordpressMessages)
        try h.run("open aaaa1111-0000-4000-8000-000000000002")
        try h.run("ask what about wp-cli")
        let again = CommandHarness.text(try h.run("index"))
        #expect(again.hasPrefix("embedded 2 messages (2 chunks) in 1 request,"), "\(again)")
        #expect(Set(try embeddingRequests(fake).last?["input"]?.array?.compactMap(\.string) ?? []) == ["what about wp-cli", "You said: what about wp-cli"])
        let found = CommandHarness.rows(try h.run("search --semantic You said: what about wp-cli"))
        #expect(found.first?[1] == "aaaa1111-0000-4000-8000-000000000002" && found.first?[5] == "assistant", "\(found)")
        #expect(h.context.state.lastListing.first?.conversationID == "aaaa1111-0000-4000-8000-000000000002")
    }

    @Test func withoutAKeyItSaysSoBeforeAskingAndNothingIsStored() throws {
        let h = try CommandHarness()
        h.sink.answers = [true]
        #expect(throws: ChatError.self) { try h.run("index --all") }
        #expect(h.sink.questions.isEmpty, "asked before finding there is no key: \(h.sink.questions)")
        #expect(try stored(h) == 0)
    }

    @Test func anUnknownProjectAndUnknownOptionsAreErrors() throws {
        let h = try CommandHarness()
        #expect(h.failure("index Nowhere")?.contains("'Nowhere'") == true)
        #expect(throws: ParseError.self) { try h.run("index --everything") }
        #expect(throws: ParseError.self) { try h.run("index Wordpress --dryrun") }
        #expect(h.sink.questions.isEmpty)
    }
}
