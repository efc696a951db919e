/// Where and as whom to call the OpenAI API.
public struct OpenAIConfig: Sendable, Equatable {
    /// The official default base URL.
    public static let defaultBaseURL = "https://api.openai.com/v1"

    /// The secret key, sent only in the `Authorization: Bearer` header.
    public var apiKey: String
    /// Base URL without a trailing slash, e.g. `https://api.openai.com/v1`.
    public var baseURL: String
    /// Sent as `OpenAI-Organization` when set.
    public var organization: String?
    /// Sent as `OpenAI-Project` when set.
    public var project: String?

    /// The API key, base URL, and the organization and project the requests name.
    public init(apiKey: String, baseURL: String = OpenAIConfig.defaultBaseURL,
                organization: String? = nil, project: String? = nil) {
        self.apiKey = apiKey
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base.isEmpty ? OpenAIConfig.defaultBaseURL : base
        self.organization = organization
        self.project = project
    }

    /// Reads `OPENAI_API_KEY`, `OPENAI_BASE_URL`, `OPENAI_ORG_ID` and `OPENAI_PROJECT_ID` like the
    /// official clients: nil without a key; an empty base URL falls back to the default.
    public static func fromEnvironment(_ env: [String: String]) -> OpenAIConfig? {
        guard let key = env["OPENAI_API_KEY"], !key.isEmpty else { return nil }
        func nonEmpty(_ name: String) -> String? { env[name].flatMap { $0.isEmpty ? nil : $0 } }
        return OpenAIConfig(apiKey: key, baseURL: nonEmpty("OPENAI_BASE_URL") ?? defaultBaseURL,
                            organization: nonEmpty("OPENAI_ORG_ID"), project: nonEmpty("OPENAI_PROJECT_ID"))
    }

    /// Headers every request carries (auth, optional organization and project, JSON content type).
    func standardHeaders() -> [(String, String)] {
        var h = [("Authorization", "Bearer \(apiKey)"), ("Content-Type", "application/json"),
                 ("User-Agent", "chatbeto")]
        if let organization { h.append(("OpenAI-Organization", organization)) }
        if let project { h.append(("OpenAI-Project", project)) }
        return h
    }
}

/// Printing, debug-printing or dumping a config never shows the key.
extension OpenAIConfig: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The config with the key masked.
    public var description: String {
        var parts = ["apiKey: \(SecretRedactor.mask(apiKey))", "baseURL: \(baseURL)"]
        if let organization { parts.append("organization: \(organization)") }
        if let project { parts.append("project: \(project)") }
        return "OpenAIConfig(" + parts.joined(separator: ", ") + ")"
    }
    /// The same as `description`, so debugging never shows the key.
    public var debugDescription: String { description }
    /// A mirror without the key, so dumping never shows it.
    public var customMirror: Mirror {
        Mirror(self, children: ["apiKey": SecretRedactor.mask(apiKey), "baseURL": baseURL,
                                "organization": organization as Any, "project": project as Any])
    }
}
