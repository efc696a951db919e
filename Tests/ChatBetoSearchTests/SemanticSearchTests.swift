@testable import ChatBetoOpenAI
@testable import ChatBetoSearch
import ChatBetoTestSupport
import Foundation
import Testing

/// The semantic path against the fake server, whose embeddings are a hash of the text: a message's own
/// text as the question is its exact nearest neighbour.
@Suite(.serialized) struct SemanticSearchTests {
    let fake: FakeOpenAIServer
    init() throws { fake = try FakeOpenAIServer() }

    func embedder(dimensions: Int = 64) throws -> OpenAIEmbedder {
        OpenAIEmbedder(client: try OpenAIClient(config: fake.config()), model: "text-embedding-3-small", dimensions: dimensions)
    }

    @Test func indexingIsIncrementalAndResumable() throws {
        let db = try TestServer.freshDatabase()
        let projects = try SearchFixture.load(db)
        var indexer = EmbeddingIndexer(connection: db.connection, model: "text-embedding-3-small", dimensions: 64)
        indexer.batchSize = 2
        // One project first: only its user/assistant messages (hidden and system ones are skipped).
        let first = try indexer.plan(projectID: projects["Viajes"])
        #expect(first.messageCount == 4)
        #expect(first.estimatedCost != nil)
        var progress: [Int] = []
        let report = try indexer.execute(first, embedder: try embedder()) { done, _ in progress.append(done) }
        #expect(report.messages == 4)
        #expect(progress == [2, 4])
        // The rest: only what is missing.
        let rest = try indexer.plan(projectID: nil)
        #expect(rest.messageCount == 5)
        _ = try indexer.execute(rest, embedder: try embedder())
        #expect(try indexer.plan(projectID: nil).messageCount == 0)
        // Another dimension count is another index.
        #expect(try EmbeddingIndexer(connection: db.connection, model: "text-embedding-3-small", dimensions: 32)
            .plan(projectID: nil).messageCount == 9)
    }

    @Test func aStoppedRunKeepsItsBatchesAndTheNextResumes() throws {
        let db = try TestServer.freshDatabase()
        try SearchFixture.load(db)
        var indexer = EmbeddingIndexer(connection: db.connection, model: "text-embedding-3-small", dimensions: 8)
        indexer.batchSize = 4
        var batches = 0
        let stopped = try indexer.execute(try indexer.plan(projectID: nil), embedder: try embedder(dimensions: 8),
                                          progress: { _, _ in batches += 1 }, shouldStop: { batches == 1 })
        #expect(stopped.interrupted)
        #expect(stopped.messages == 4)
        let rest = try indexer.plan(projectID: nil)
        #expect(rest.messageCount == 5)
        #expect(try indexer.execute(rest, embedder: try embedder(dimensions: 8)).interrupted == false)
        #expect(try indexer.plan(projectID: nil).messageCount == 0)
    }

    @Test func questionFindsTheMessageWithTheSameEmbedding() throws {
        let db = try TestServer.freshDatabase()
        let projects = try SearchFixture.load(db)
        let indexer = EmbeddingIndexer(connection: db.connection, model: "text-embedding-3-small", dimensions: 64)
        _ = try indexer.execute(try indexer.plan(projectID: nil), embedder: try embedder())
        let index = VectorIndex(model: "text-embedding-3-small", dimensions: 64)
        try index.refresh(from: db.connection)
        #expect(index.count == 9)
        let question = "El Prado abre a las diez; el cocido madrileño se come mejor en invierno."
        let vector = try embedder().embed([question]).vectors[0]
        let search = SemanticSearch(connection: db.connection, index: index)
        let hits = try search.search(queryVector: vector, filter: SearchFilter(limit: 3))
        #expect(hits.count == 3)
        #expect(hits[0].nodeID == "m2")
        #expect(abs(hits[0].score - 1) < 1e-4)
        #expect(hits[0].title == "Fin de semana en Madrid")
        // Filters apply before ranking.
        let code = try search.search(queryVector: vector, filter: SearchFilter(projectID: projects["Código"], limit: 5))
        #expect(code.allSatisfy { $0.conversationID == "c-python" })
        #expect(try search.search(queryVector: vector, filter: SearchFilter(role: "user", limit: 9)).allSatisfy { $0.role == "user" })
        // Refreshing reads nothing new.
        try index.refresh(from: db.connection)
        #expect(index.lastLoad.rows == 0)
    }

    @Test func longMessagesAreChunkedAndHitsPointToTheMessage() throws {
        let db = try TestServer.freshDatabase()
        let long = (0..<3).map { "Párrafo \($0): " + String(repeating: "texto largo ", count: 450) }.joined(separator: "\n\n")
        try SearchFixture.conversation(db, id: "c-long", title: "Largo", project: nil, created: "2024-01-01 00:00:00", messages: [
            .init(node: "x1", parent: nil, role: "user", text: long, time: "2024-01-01 00:00:00"),
        ])
        let indexer = EmbeddingIndexer(connection: db.connection, model: "text-embedding-3-small", dimensions: 16)
        let plan = try indexer.plan(projectID: nil)
        #expect(plan.chunkCount == 3)
        _ = try indexer.execute(plan, embedder: try embedder(dimensions: 16))
        let index = VectorIndex(model: "text-embedding-3-small", dimensions: 16)
        try index.refresh(from: db.connection)
        #expect(index.count == 3)
        let second = TextChunker.chunks(long)[1]
        let hits = try SemanticSearch(connection: db.connection, index: index)
            .search(queryVector: try embedder(dimensions: 16).embed([second]).vectors[0], filter: SearchFilter(limit: 5))
        #expect(hits.map(\.nodeID) == ["x1"])
    }
}
