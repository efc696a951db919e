@testable import ChatBetoCore
@testable import ChatBetoOpenAI
@testable import ChatBetoStore
import ChatBetoTestSupport
import Foundation
import Testing

@Suite struct TurnStoreTests {
    private func seeded() throws -> (Database, TurnStore) {
        let db = try TestServer.freshDatabase()
        let c = db.connection
        try c.query("INSERT INTO conversations (id, title, current_node) VALUES ('c', 'T', 'a1')")
        try c.query("""
            INSERT INTO messages (conversation_id, node_id, parent_node_id, visible_index, on_visible_path, role, text)
            VALUES ('c','u1',NULL,0,1,'user','q'), ('c','a1','u1',1,1,'assistant','r')
            """)
        return (db, TurnStore(connection: c))
    }

    @Test func appendedTurnsContinueTheLeafAndMoveCurrentNode() throws {
        let (db, store) = try seeded()
        var reply = NewMessage(role: "assistant", text: "answer", model: "gpt-5-mini")
        reply.responseID = "resp_1"
        reply.inputTokens = 10; reply.outputTokens = 3
        let ids = try store.append([NewMessage(role: "user", text: "next"), reply], conversationID: "c", parent: "a1")
        let thread = try Catalog(connection: db.connection).visibleThread(conversationID: "c")
        #expect(thread.map(\.nodeID) == ["u1", "a1"] + ids)
        #expect(thread[2].parentNodeID == "a1")
        #expect(thread[3].parentNodeID == ids[0])
        #expect(thread[3].modelSlug == "gpt-5-mini")
        let row = try #require(try db.connection.queryOne("SELECT response_id, input_tokens, output_tokens, is_incomplete FROM messages WHERE node_id = ?", [.text(ids[1])]))
        #expect(row.string("response_id") == "resp_1")
        #expect(row.int("input_tokens") == 10 && row.int("output_tokens") == 3 && row.int("is_incomplete") == 0)
        #expect(try store.serverThread(conversationID: "c").currentNode == ids[1])
    }

    @Test func aRegeneratedReplyIsASiblingAndTheOldOneLeavesTheVisiblePath() throws {
        let (db, store) = try seeded()
        var reply = NewMessage(role: "assistant", text: "partial")
        reply.isIncomplete = true
        reply.status = "cancelled"
        let ids = try store.append([reply], conversationID: "c", parent: "u1")
        let catalog = Catalog(connection: db.connection)
        #expect(try catalog.visibleThread(conversationID: "c").map(\.nodeID) == ["u1", ids[0]])
        let all = try catalog.allMessages(conversationID: "c")
        let new = try #require(all.first { $0.nodeID == ids[0] })
        #expect(new.childIndex == 1 && new.isIncomplete && new.status == "cancelled")
        #expect(all.first { $0.nodeID == "a1" }?.onVisiblePath == false)
    }

    @Test func serverThreadAndNewConversationsAreRecorded() throws {
        let (db, store) = try seeded()
        try store.setServerThread(conversationID: "c", threadID: "conv_9", seededNode: "a1")
        #expect(try store.serverThread(conversationID: "c") == ServerThread(id: "conv_9", seededNode: "a1", currentNode: "a1"))
        #expect(try store.unsynced(projectID: nil, limit: 10).isEmpty)
        let id = try store.createConversation(projectID: nil, title: "Fresh", model: "gpt-5-mini")
        let fresh = try #require(try Catalog(connection: db.connection).conversation(id: id))
        #expect(fresh.origin == "local" && fresh.title == "Fresh" && fresh.openAIConversationID == nil)
    }
}
