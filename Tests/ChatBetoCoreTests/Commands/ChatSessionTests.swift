@testable import ChatBetoExport
@testable import ChatBetoImport
@testable import ChatBetoOpenAI
@testable import ChatBetoRender
@testable import ChatBetoSearch
@testable import ChatBetoServer
@testable import ChatBetoStore
@testable import ChatBetoSupport
import ChatBetoTestSupport
import Foundation
import Testing
@testable import ChatBetoCore

/// A turn in-process: a context over a real MariaDB, OpenAI at the fake server, a recording sink.
@Suite struct ChatSessionTests {
    @Test func aTurnStreamsReplyEventsAndStoresBothTurns() throws {
        let fake = try FakeOpenAIServer()
        let h = try CommandHarness(openAI: fake.config())
        try h.run("open aaaa1111-0000-4000-8000-000000000002")
        try h.run("ask hello there")
        let events = h.sink.replyEvents
        #expect(events.first == .started(model: "gpt-5-mini"))
        #expect(h.sink.replyText == "You said: hello there")
        #expect(events.contains(.ended))
        guard case .finished(let model, let usage, let cost)? = events.last else { Issue.record("no finished event: \(events)"); return }
        #expect(model == "gpt-5-mini" && usage.outputTokens > 0)
        #expect(cost == ModelPricing.price(for: "gpt-5-mini")?.cost(inputTokens: usage.inputTokens, outputTokens: usage.outputTokens))
        let thread = try Catalog(connection: h.database.connection).visibleThread(conversationID: "aaaa1111-0000-4000-8000-000000000002")
        #expect(thread.suffix(2).map(\.role) == ["user", "assistant"])
        #expect(thread.suffix(2).map { $0.text ?? "" } == ["hello there", "You said: hello there"])
        #expect(try TurnStore(connection: h.database.connection).serverThread(conversationID: "aaaa1111-0000-4000-8000-000000000002").id != nil)
        #expect(h.sink.questions.isEmpty, "two messages are sent without asking")
    }

    @Test func askWithoutAConversationIsAnError() throws {
        let fake = try FakeOpenAIServer()
        let h = try CommandHarness(openAI: fake.config())
        #expect(throws: ChatError.self) { try h.run("ask hi") }
        #expect(h.sink.replyEvents.isEmpty)
    }

    @Test func askUsesTheConversationRestoredFromTheLastSession() throws {
        let fake = try FakeOpenAIServer()
        let first = try CommandHarness(openAI: fake.config())
        try first.run("open aaaa1111-0000-4000-8000-000000000002")
        let next = try CommandHarness(openAI: fake.config(), database: first.database)
        try next.run("ask again")
        #expect(next.sink.replyText == "You said: again")
    }

    @Test func decliningTheSeedingOfALongThreadSendsNothing() throws {
        let fake = try FakeOpenAIServer()
        let h = try CommandHarness(openAI: fake.config())
        try LongThread.load(into: h.database.connection, turns: 30)
        try h.run("open long-0000")
        h.sink.answers = [false, false]
        #expect(throws: ChatError.self) { try h.run("ask hi") }
        #expect(h.sink.questions.count == 2)
        #expect(h.sink.questions[0].hasPrefix("Seeding the new server conversation with 60 messages"))
        #expect(h.sink.questions[1].contains("last 20 turns"))
        #expect(try fake.requests(to: "/conversations").isEmpty)
        #expect(try fake.requests(to: "/responses").isEmpty)
    }
}

/// A conversation `long-0000` of `turns` user/assistant pairs, each message about 400 characters.
enum LongThread {
    static func load(into c: MySQLConnection, turns: Int) throws {
        try c.query("INSERT INTO conversations (id, title, current_node, message_count) VALUES ('long-0000', 'Long', ?, ?)",
                    [.text("m\(turns * 2 - 1)"), .int(Int64(turns * 2))])
        for i in 0..<(turns * 2) {
            let text = String(repeating: "word\(i) ", count: 60)
            try c.query("""
                INSERT INTO messages (conversation_id, node_id, parent_node_id, child_index, visible_index, role, content_type, text, is_hidden, on_visible_path, create_time)
                VALUES ('long-0000', ?, ?, 0, ?, ?, 'text', ?, 0, 1, '2024-05-01 10:00:00')
                """, [.text("m\(i)"), i == 0 ? .null : .text("m\(i - 1)"), .int(Int64(i)), .text(i % 2 == 0 ? "user" : "assistant"), .text(text)])
        }
    }
}
