/// The `x-ratelimit-*` response headers (https://platform.openai.com/docs/guides/rate-limits), parsed leniently: every field is optional.
public struct RateLimitStatus: Sendable, Equatable {
    /// Requests allowed per window.
    public var limitRequests: Int?
    /// Tokens allowed per window.
    public var limitTokens: Int?
    /// Requests left in the window.
    public var remainingRequests: Int?
    /// Tokens left in the window.
    public var remainingTokens: Int?
    /// Seconds until the request limit resets.
    public var resetRequests: Double?
    /// Seconds until the token limit resets.
    public var resetTokens: Double?

    /// Reads the headers; nil when none of them is present.
    public init?(head: HTTPResponseHead) {
        func int(_ name: String) -> Int? { head[header: name].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } }
        limitRequests = int("x-ratelimit-limit-requests")
        limitTokens = int("x-ratelimit-limit-tokens")
        remainingRequests = int("x-ratelimit-remaining-requests")
        remainingTokens = int("x-ratelimit-remaining-tokens")
        resetRequests = head[header: "x-ratelimit-reset-requests"].flatMap(RateLimitStatus.seconds(goDuration:))
        resetTokens = head[header: "x-ratelimit-reset-tokens"].flatMap(RateLimitStatus.seconds(goDuration:))
        if [limitRequests, limitTokens, remainingRequests, remainingTokens].allSatisfy({ $0 == nil }),
           resetRequests == nil, resetTokens == nil { return nil }
    }

    /// Parses a Go-style duration such as `20ms`, `1s`, `6m0s`, `1h2m3.5s`; nil when malformed.
    public static func seconds(goDuration text: String) -> Double? {
        let units: [(String, Double)] = [("ms", 0.001), ("us", 0.000_001), ("µs", 0.000_001), ("ns", 1e-9),
                                         ("h", 3600), ("m", 60), ("s", 1)]
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        guard !rest.isEmpty else { return nil }
        if rest == "0" { return 0 }
        var total = 0.0
        while !rest.isEmpty {
            let number = rest.prefix { $0.isNumber || $0 == "." }
            guard let value = Double(number) else { return nil }
            rest = rest.dropFirst(number.count)
            guard let unit = units.first(where: { rest.hasPrefix($0.0) }) else { return nil }
            total += value * unit.1
            rest = rest.dropFirst(unit.0.count)
        }
        return total
    }
}
