@testable import ChatBetoOpenAI
@testable import ChatBetoStore
import Testing

@Suite struct OpenAIValuesTests {
    @Test func configFromEnvironmentLikeTheOfficialClients() {
        #expect(OpenAIConfig.fromEnvironment([:]) == nil)
        #expect(OpenAIConfig.fromEnvironment(["OPENAI_API_KEY": ""]) == nil)
        let plain = OpenAIConfig.fromEnvironment(["OPENAI_API_KEY": "sk-1", "OPENAI_BASE_URL": ""])
        #expect(plain == OpenAIConfig(apiKey: "sk-1", baseURL: "https://api.openai.com/v1"))
        let full = OpenAIConfig.fromEnvironment(["OPENAI_API_KEY": "sk-1", "OPENAI_BASE_URL": "http://127.0.0.1:9/v1/",
                                                 "OPENAI_ORG_ID": "org_1", "OPENAI_PROJECT_ID": "proj_1"])
        #expect(full?.baseURL == "http://127.0.0.1:9/v1" && full?.organization == "org_1" && full?.project == "proj_1")
        let headers = Dictionary(uniqueKeysWithValues: full!.standardHeaders())
        #expect(headers["OpenAI-Organization"] == "org_1" && headers["OpenAI-Project"] == "proj_1")
    }

    @Test func exportRolesMapToAPIRoles() {
        #expect(InputMessage.fromExport(role: "user", text: "hi") == InputMessage(role: .user, text: "hi"))
        #expect(InputMessage.fromExport(role: "assistant", text: "yo") == InputMessage(role: .assistant, text: "yo"))
        #expect(InputMessage.fromExport(role: "system", text: "be nice")?.role == .developer)
        #expect(InputMessage.fromExport(role: "tool", text: "result") == nil)
        #expect(InputMessage.fromExport(role: "user", text: "  \n") == nil)
        let json = InputMessage(role: .assistant, text: "x").json
        #expect(json == ["type": "message", "role": "assistant", "content": "x"] && json["id"] == nil)
    }

    @Test func pricingKnowsSnapshotsButNotUnknownModels() throws {
        let mini = try #require(ModelPricing.price(for: "gpt-4o-mini-2024-07-18"))
        #expect(mini == ModelPricing.defaults["gpt-4o-mini"])
        #expect(ModelPricing.price(for: "gpt-5-mini") == ModelPricing.defaults["gpt-5-mini"])
        #expect(ModelPricing.price(for: "gpt-5.4") == nil)
        #expect(ModelPricing.price(for: "gpt-5-turbo-ultra") == nil)
        #expect(ModelPricing.price(for: "custom", in: ["custom": .init(inputPerMillion: 1, outputPerMillion: 2)]) != nil)
        let p = ModelPricing(inputPerMillion: 2, outputPerMillion: 8)
        #expect(p.cost(inputTokens: 1_000_000, outputTokens: 500_000) == 6)
        #expect(p.estimatedCost(ofInput: String(repeating: "a", count: 4000)) == 0.002)
    }

    @Test func tokenEstimates() {
        #expect(TokenEstimate.estimate("") == 0)
        #expect(TokenEstimate.estimate("abcd") == 1 && TokenEstimate.estimate("abcde") == 2)
        #expect(TokenEstimate.upperBound("日本語") >= 3)
    }

    @Test func embeddingBatchesRespectCountAndTokenLimits() {
        let many = Array(repeating: "word", count: 5000)
        #expect(OpenAIClient.embeddingBatches(many) == [0..<2048, 2048..<4096, 4096..<5000])
        let big = Array(repeating: String(repeating: "x", count: 300_000), count: 7)  // 100k tokens each by the bound
        #expect(OpenAIClient.embeddingBatches(big) == [0..<3, 3..<6, 6..<7])
        #expect(OpenAIClient.embeddingBatches([]) == [])
    }

    @Test func rateLimitHeadersAreParsedLeniently() throws {
        #expect(RateLimitStatus.seconds(goDuration: "20ms") == 0.02)
        #expect(RateLimitStatus.seconds(goDuration: "6m0s") == 360)
        #expect(RateLimitStatus.seconds(goDuration: "1h2m3.5s") == 3723.5)
        #expect(RateLimitStatus.seconds(goDuration: "0") == 0)
        #expect(RateLimitStatus.seconds(goDuration: "soon") == nil && RateLimitStatus.seconds(goDuration: "5") == nil)
        let status = try #require(RateLimitStatus(head: HTTPResponseHead(status: 200, headers: [
            "X-RateLimit-Remaining-Tokens": "149984", "x-ratelimit-reset-tokens": "6m0s", "x-ratelimit-limit-requests": "junk"])))
        #expect(status.remainingTokens == 149_984 && status.resetTokens == 360 && status.limitRequests == nil)
        #expect(RateLimitStatus(head: HTTPResponseHead(status: 200, headers: ["content-type": "x"])) == nil)
    }

    @Test func printingConfigsAndRequestsNeverShowsTheKey() {
        let key = "sk-proj-printme-0123456789abcdef"
        let config = OpenAIConfig(apiKey: key, organization: "org_1")
        let request = HTTPRequest(method: "GET", url: "https://api.openai.com/v1/models", headers: config.standardHeaders())
        for text in ["\(config)", String(reflecting: config), "\(request)", String(reflecting: request)] {
            #expect(!text.contains(key), "\(text)")
        }
        var dumped = ""
        dump(config, to: &dumped)
        dump(request, to: &dumped)
        #expect(!dumped.contains(key) && dumped.contains("org_1") && dumped.contains("/v1/models"))
    }
}
