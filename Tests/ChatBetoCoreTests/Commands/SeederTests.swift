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

@Suite struct SeederTests {
    private func plan(_ db: Database, seedTurns: Int? = nil) throws -> SeedPlan {
        let store = TurnStore(connection: db.connection)
        let path = try Catalog(connection: db.connection).visibleThread(conversationID: "long-0000")
        return SeedPlan.make(conversationID: "long-0000", path: path, server: try store.serverThread(conversationID: "long-0000"), seedTurns: seedTurns)
    }

    @Test func seedingCreatesTheServerConversationInBatchesAndRecordsWhereItStands() throws {
        let fake = try FakeOpenAIServer()
        let db = try TestServer.freshDatabase()
        try LongThread.load(into: db.connection, turns: 30)
        let p = try plan(db)
        #expect(p.action == .create && p.items.count == 60)
        let outcome = Seeder.send(p, client: try OpenAIClient(config: fake.config()))
        #expect(outcome.error == nil && outcome.sentItems == 60)
        try Seeder.record(outcome, plan: p, store: TurnStore(connection: db.connection))
        let server = try TurnStore(connection: db.connection).serverThread(conversationID: "long-0000")
        #expect(server.id == outcome.threadID && server.id != nil)
        #expect(server.seededNode == "m59")
        #expect(try fake.requests(to: "/conversations").count == 3, "one create (20 items) and two appends")
        #expect(try plan(db).action == .upToDate)
    }

    @Test func theSeedingCostIsTheModelsInputPriceForTheEstimatedTokens() throws {
        let db = try TestServer.freshDatabase()
        try LongThread.load(into: db.connection, turns: 30)
        let p = try plan(db)
        #expect(p.estimatedTokens > 5_000)
        let price = try #require(ModelPricing.price(for: "gpt-5-mini"))
        let expected = Double(p.estimatedTokens) * price.inputPerMillion / 1_000_000
        let cost = try #require(p.cost(model: "gpt-5-mini"))
        #expect(cost > 0.001)
        #expect(abs(cost - expected) < 1e-12)
        #expect(p.summary(model: "gpt-5-mini").contains(String(format: "about $%.4f with gpt-5-mini", expected)))
    }

    @Test func theQuestionBeforeSeedingShowsTheCost() throws {
        let fake = try FakeOpenAIServer()
        let h = try CommandHarness(openAI: fake.config())
        try LongThread.load(into: h.database.connection, turns: 30)
        try h.run("open long-0000")
        h.sink.answers = [false, false]
        _ = try? h.run("ask hi")
        let p = try plan(h.database)
        let cost = try #require(p.cost(model: "gpt-5-mini"))
        #expect(cost > 0.001)
        #expect(h.sink.questions.first?.contains(String(format: "about $%.4f", cost)) == true, "\(h.sink.questions)")
    }
}
