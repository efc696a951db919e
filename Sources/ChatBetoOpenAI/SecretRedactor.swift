/// Removes API keys from any text that may be shown, logged or traced.
public struct SecretRedactor: Sendable {
    /// Exact secrets to hide (the configured API key).
    public var secrets: [String]

    /// A redactor for these secrets (shorter than four characters are ignored).
    public init(secrets: [String]) { self.secrets = secrets.filter { $0.count >= 4 } }

    /// `text` with every known secret, every `Bearer <token>` and every `sk-…` token replaced by a mask.
    public func redact(_ text: String) -> String {
        var out = text
        for secret in secrets { out = out.replacingOccurrences(of: secret, with: SecretRedactor.mask(secret)) }
        return SecretRedactor.redactTokens(out)
    }

    /// Shows only enough of a key to recognise it: `sk-…wxyz` (nothing at all for short keys).
    public static func mask(_ secret: String) -> String {
        secret.count >= 20 ? "sk-…" + secret.suffix(4) : "***"
    }

    /// Masks `Bearer xyz` values and anything that looks like an OpenAI key (`sk-` + 16 or more key characters).
    static func redactTokens(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let range = rest.firstRange(of: "Bearer ") ?? nil {
            result += rest[..<range.upperBound]
            let tokenEnd = rest[range.upperBound...].firstIndex(where: { $0 == " " || $0 == "\n" || $0 == "\"" || $0 == "," }) ?? rest.endIndex
            if tokenEnd > range.upperBound { result += "***" }
            rest = rest[tokenEnd...]
        }
        result += rest
        return maskKeyLikeTokens(result)
    }

    private static func maskKeyLikeTokens(_ text: String) -> String {
        let keyChar: (Character) -> Bool = { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        var out = ""
        var i = text.startIndex
        while i < text.endIndex {
            let rest = text[i...]
            let boundaryOK = i == text.startIndex || !keyChar(text[text.index(before: i)])
            if boundaryOK, rest.hasPrefix("sk-") {
                let end = rest.firstIndex(where: { !keyChar($0) }) ?? text.endIndex
                let token = text[i..<end]
                if token.count >= 19 {
                    out += "sk-…" + token.suffix(4)
                    i = end
                    continue
                }
            }
            out.append(text[i])
            i = text.index(after: i)
        }
        return out
    }
}
