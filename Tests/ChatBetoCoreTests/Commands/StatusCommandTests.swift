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

@Suite struct StatusCommandTests {
    private func status(_ h: CommandHarness) throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: CommandHarness.rows(try h.run("status")).map { ($0[0], $0[1]) })
    }

    @Test func statusNamesTheConnectionSchemaAndWhereTheUserIs() throws {
        let h = try CommandHarness()
        try h.run("use Wordpress")
        let rows = try status(h)
        #expect(rows["connection"] == h.database.connection.config.displayName)
        #expect(rows["schema version"] == String(try h.database.schemaVersion()))
        #expect(rows["project"] == "Wordpress")
        #expect(rows["conversation"] == "(none)")
        #expect(rows["OpenAI"] == "no OPENAI_API_KEY")
        #expect(rows["sql writes"]?.hasPrefix("refused") == true)
    }

    @Test func statusShowsTheRestoredSessionAndTheKey() throws {
        let first = try CommandHarness()
        try first.run("open cccc3333-0000-4000-8000-000000000004")
        let next = try CommandHarness(openAI: OpenAIConfig(apiKey: "sk-x", baseURL: "http://127.0.0.1:9/v1"), database: first.database)
        let rows = try status(next)
        #expect(rows["conversation"] == "Orphan talk (cccc3333-0000-4000-8000-000000000004)")
        #expect(rows["OpenAI"] == "key set, http://127.0.0.1:9/v1")
    }
}
