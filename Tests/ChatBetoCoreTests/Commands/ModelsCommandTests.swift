@testable import ChatBetoOpenAI
@testable import ChatBetoStore
import ChatBetoTestSupport
import Foundation
import Testing
@testable import ChatBetoCore

/// `models` in-process: what `GET /v1/models` answered, as rows with the selected model marked, and
/// the errors without a key or with a wrong one.
@Suite struct ModelsCommandTests {
    @Test func modelsTakesNoArguments() throws {
        #expect(throws: ParseError.usage(command: "models", problem: "too many arguments: 'all'", usage: "models")) {
            try CommandParser.parse("models all", vertical: false)
        }
    }

    @Test func modelsListsWhatTheServerOffersSortedWithTheSelectedOneMarked() throws {
        let fake = try FakeOpenAIServer()
        let h = try CommandHarness(openAI: fake.config())
        let result = try h.run("models")
        #expect(try fake.calls() == ["GET /models"])
        #expect(try fake.requests().first?["headers"]?["Authorization"]?.string == "Bearer \(FakeOpenAIServer.apiKey)")
        #expect(CommandHarness.rows(result) == [
            ["gpt-5-mini", "system", "NULL", "*"], ["gpt-5-nano", "system", "NULL", ""],
            ["gpt-5.4", "openai", "NULL", ""], ["gpt-5.4-mini", "openai", "NULL", ""],
            ["text-embedding-3-large", "system", "NULL", ""], ["text-embedding-3-small", "system", "NULL", ""],
        ])
        guard case .rows(let rs, let summary)? = result else { Issue.record("not rows"); return }
        #expect(rs.columns.map(\.name) == ["model", "owned_by", "shutdown", "selected"])
        #expect(summary == "6 models (selected: gpt-5-mini)")
    }

    @Test func theShutdownDateIsShownAndSetModelMovesTheMark() throws {
        let fake = try FakeOpenAIServer()
        try fake.configure(["models": [
            ["id": "gpt-old", "object": "model", "created": 1, "owned_by": "openai", "shutdown_date": "2025-01-31"],
            ["id": "gpt-5-mini", "object": "model", "created": 2, "owned_by": "system", "shutdown_date": .null],
        ]])
        let h = try CommandHarness(openAI: fake.config())
        try h.run("set model gpt-old")
        let result = try h.run("models")
        #expect(CommandHarness.rows(result) == [["gpt-5-mini", "system", "NULL", ""], ["gpt-old", "openai", "2025-01-31", "*"]])
        guard case .rows(_, let summary)? = result else { Issue.record("not rows"); return }
        #expect(summary == "2 models (selected: gpt-old)")
    }

    @Test func aModelPastItsShutdownIsRefusedByTheNextAskAndNothingIsSent() throws {
        let fake = try FakeOpenAIServer()
        try fake.configure(["models": [
            ["id": "gpt-old", "object": "model", "created": 1, "owned_by": "openai", "shutdown_date": "2025-01-31"],
            ["id": "gpt-5-mini", "object": "model", "created": 2, "owned_by": "system", "shutdown_date": .null],
        ]])
        let h = try CommandHarness(openAI: fake.config())
        try h.run("open \(SmallHistory.orphan)")
        try h.run("set model gpt-old")
        #expect(throws: ChatError.modelUnavailable(model: "gpt-old", reason: "was shut down on 2025-01-31", suggestion: "gpt-5-mini")) {
            try h.run("ask hi")
        }
        #expect(try fake.calls() == ["GET /models"])
        try h.run("set model gpt-5-mini")
        try h.run("ask hi")
        #expect(try fake.posted(to: "/responses").map { $0["model"]?.string } == ["gpt-5-mini"])
    }

    @Test func withoutAKeyModelsNamesOpenAIAPIKeyAndShowsNothing() throws {
        let h = try CommandHarness()
        let (context, sink) = h.contextWithLiveOpenAI(environment: [:])
        do {
            try context.execute(try CommandParser.parse("models", vertical: false))
            Issue.record("models ran without a key")
        } catch let error as ChatError {
            #expect(error == .noAPIKey)
            #expect(error.description.hasPrefix("no OpenAI API key: set OPENAI_API_KEY"))
        }
        #expect(sink.results.isEmpty)
    }

    @Test func theKeyAndBaseURLComeFromTheEnvironmentAndAWrongKeyIsNamedButNotShown() throws {
        let fake = try FakeOpenAIServer()
        let h = try CommandHarness()
        let (context, sink) = h.contextWithLiveOpenAI(environment: ["OPENAI_API_KEY": FakeOpenAIServer.apiKey, "OPENAI_BASE_URL": fake.baseURL])
        try context.execute(try CommandParser.parse("models", vertical: false))
        #expect(CommandHarness.rows(sink.results.last).count == 6)

        let wrongKey = "sk-wrong-9876543210abcdefWRONG"
        let (wrong, wrongSink) = h.contextWithLiveOpenAI(environment: ["OPENAI_API_KEY": wrongKey, "OPENAI_BASE_URL": fake.baseURL])
        do {
            try wrong.execute(try CommandParser.parse("models", vertical: false))
            Issue.record("a wrong key listed models")
        } catch let error as OpenAIError {
            #expect(error.status == 401)
            #expect(error.description.contains("invalid_api_key"))
            #expect(!error.description.contains(wrongKey) && !String(reflecting: error).contains(wrongKey))
        }
        #expect(wrongSink.results.isEmpty)
    }
}
