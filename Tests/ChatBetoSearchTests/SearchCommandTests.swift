@testable import ChatBetoSearch
@testable import ChatBetoStore
import ChatBetoTestSupport
import Foundation
import Testing

/// The commands as a user runs them: the built binary against a fixture database.
@Suite(.serialized) struct SearchCommandTests {
    @Test func searchNumbersHitsForShowAndHighlightsMatches() throws {
        let dsn = try SearchFixture.dsn()
        let r = try Binary.run(["--dsn", dsn], stdin: "search --all cafe lisboa\nshow 1\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("1. Viaje a Lisboa · Viajes · 2024-03-02 · "))
        #expect(r.stdout.contains("**café**") && r.stdout.contains("**Lisboa**"))
        #expect(r.stdout.contains("A Brasileira"))
    }

    @Test func searchAsJSONAndParseErrors() throws {
        let dsn = try SearchFixture.dsn()
        let r = try Binary.run(["--dsn", dsn], stdin: "search --all latte --role user --format json\n")
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 1)
        #expect(rows[0]["node_id"] as? String == "k1")
        #expect(rows[0]["role"] as? String == "user")
        let bad = try Binary.run(["--dsn", dsn], stdin: "search the of\n")
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("stop words"))
    }

    @Test func indexThenSemanticAndHybridSearch() throws {
        let fake = try FakeOpenAIServer()
        let dsn = try SearchFixture.dsn()
        let env = ["OPENAI_API_KEY": FakeOpenAIServer.apiKey, "OPENAI_BASE_URL": fake.baseURL]
        let r = try Binary.run(["--dsn", dsn, "--yes"], stdin: """
            set embedding-dimensions 64
            index --all
            search --all --semantic A cortado has less milk than a latte. --limit 2 --format json
            search --all --hybrid cortado --limit 3
            """, environment: env)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("9 messages in all projects to embed"))
        #expect(r.stdout.contains("\"node_id\":\"k2\""))
        #expect(r.stdout.contains("1. Café con leche"))
    }

    @Test func indexInAScriptWithoutYesShowsTheCostAndSendsNothing() throws {
        let dsn = try SearchFixture.dsn()
        let r = try Binary.run(["--dsn", dsn, "--verbose"], stdin: "index --all\nindex --all --dry-run\n",
                               environment: ["OPENAI_API_KEY": "sk-unused", "OPENAI_BASE_URL": "http://127.0.0.1:9/v1"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("9 messages in all projects to embed"))
        #expect(r.stderr.contains("about $0.0000"))
        #expect(r.stdout.contains("nothing sent"))
        #expect(r.stdout.contains("9 messages in all projects to embed"))
    }

    @Test func statsTimelineAndExport() throws {
        let dsn = try SearchFixture.dsn()
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString)")
        let r = try Binary.run(["--dsn", dsn], stdin: """
            stats --format json
            timeline Viajes
            export 2 --format json
            export Viajes --format markdown --out \(out.path)
            """)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\"conversations\":4"))
        #expect(r.stdout.contains("2024-06  "))
        #expect(r.stdout.contains("\"mapping\""))
        #expect(r.stdout.contains("\"title\" : \"Fin de semana en Madrid\""))
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(files == ["2024-03-02-viaje-a-lisboa-c-lisboa.md", "2024-06-10-fin-de-semana-en-madrid-c-madrid.md", "index.md"])
        try? FileManager.default.removeItem(at: out)
    }
}
