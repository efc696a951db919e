import ChatBetoSupport

extension Arguments {
    /// `--provider chatgpt|claude|gemini|grok` (case-insensitive), or nil when absent.
    mutating func providerOption(_ name: String = "--provider") throws -> String? {
        guard let value = try option(name) else { return nil }
        guard let provider = Provider(rawValue: value.lowercased()) else {
            throw usageError("\(name) takes one of \(Provider.names), not '\(value)'")
        }
        return provider.rawValue
    }
}
