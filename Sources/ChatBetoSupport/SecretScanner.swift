import Foundation

/// Finds secrets in text before it leaves the machine (seeding, `sync`, `recall`): API keys and tokens
/// of the common shapes, private key blocks, passwords in URLs and `password=` assignments. Local and
/// pure; each pattern runs only on texts holding its cheap literal hint, so a 2,000-message thread
/// scans in milliseconds (scripts/bench-secret-scan).
public struct SecretScanner: Sendable {
    /// One kind of secret: a name shown to the user, a literal every match contains (lowercased), and a
    /// regular expression whose first capture group that took part (or else the whole match) is the part to hide.
    public struct Pattern: Sendable {
        public let name: String
        /// The regex runs only when the text holds one of these (lowercased) and every one of `requires`.
        let hints: [String]
        let requires: [String]
        let regex: NSRegularExpression

        init(_ name: String, hints: [String], requires: [String] = [], _ expression: String, caseInsensitive: Bool = false) {
            self.name = name
            self.hints = hints
            self.requires = requires
            // The expressions are constants of this file; a broken one is a programming error caught by its tests.
            regex = try! NSRegularExpression(pattern: expression, options: caseInsensitive ? [.caseInsensitive] : [])
        }
    }

    /// One secret found: what it is and where it is in the text it was found in.
    public struct Finding: Sendable, Equatable {
        /// "OpenAI API key", "password in a URL", …
        public var kind: String
        /// The secret's characters in the scanned text.
        public var range: Range<String.Index>
        /// The secret with all but its first and last few characters hidden: `sk-p…Ab7c`.
        public var masked: String
        /// A short excerpt of the text around the secret, the secret masked, on one line.
        public var excerpt: String
    }

    /// The patterns searched, most specific first (a span matched by one is not reported again).
    public static let patterns: [Pattern] = [
        Pattern("private key block", hints: ["-----begin"],
                #"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----|\z)"#),
        Pattern("Anthropic API key", hints: ["sk-ant-"], #"(?<![A-Za-z0-9_-])sk-ant-[A-Za-z0-9_-]{20,}"#),
        Pattern("OpenAI API key", hints: ["sk-"], #"(?<![A-Za-z0-9_-])sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}"#),
        Pattern("GitHub token", hints: ["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"],
                #"(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{60,})"#),
        Pattern("AWS access key", hints: ["akia", "asia"], #"(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])"#),
        Pattern("AWS secret key", hints: ["aws"],
                #"(?i:aws_?secret(?:_access)?_?key)["']?\s*[:=]\s*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])"#),
        Pattern("Slack token", hints: ["xox"], #"(?<![A-Za-z0-9])xox[abposr]-[A-Za-z0-9-]{10,}"#),
        Pattern("Slack webhook", hints: ["hooks.slack.com"], #"https://hooks\.slack\.com/services/[A-Za-z0-9/_-]{20,}"#),
        Pattern("Google API key", hints: ["aiza"], #"(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])"#),
        Pattern("JSON Web Token", hints: ["eyj"],
                #"(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"#),
        Pattern("password in a URL", hints: ["://"], requires: ["@"],
                #"[A-Za-z][A-Za-z0-9+.-]*://[^\s:/@"'<>]+:([^\s/@"'<>]{3,})@[^\s/"'<>]+"#),
        Pattern("password assignment", hints: ["pass", "pwd", "secret"],
                #"\b(?:password|passwd|pwd|pass|secret|client_secret|db_pass(?:word)?)["']?\s*[:=]\s*(?:"([^"\s]{4,})"|'([^'\s]{4,})'|([^\s"',;<>(){}\[\]]{4,}))"#,
                caseInsensitive: true),
    ]

    /// Values that look like an assignment but are not a secret (`password = os.environ[…]`, `********`).
    static let placeholderValues: Set<String> = ["password", "none", "null", "nil", "true", "false", "xxxx", "xxxxxx",
                                                 "xxxxxxxx", "****", "******", "********", "changeme", "example",
                                                 "redacted", "required", "optional", "string", "undefined"]

    /// A scanner with the built-in patterns.
    public init() {}

    /// Every secret in `text`, in order of position.
    public func scan(_ text: String) -> [Finding] {
        guard text.utf8.count >= 8 else { return [] }
        // One pass over the bytes finds the hints; the regular expressions run only where a hint is.
        let present = Self.hintsPresent(in: text)
        let holds = { (hint: String) in present.contains(hint) }
        let candidates = Self.patterns.filter { $0.hints.contains(where: holds) && $0.requires.allSatisfy(holds) }
        guard !candidates.isEmpty else { return [] }
        let ns = text as NSString
        var found: [(NSRange, String)] = []
        for pattern in candidates {
            for match in pattern.regex.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
                let range = (1..<max(1, match.numberOfRanges)).lazy.map { match.range(at: $0) }.first { $0.location != NSNotFound } ?? match.range
                guard range.length > 0 else { continue }
                let value = ns.substring(with: range)
                if pattern.name == "password assignment" && !Self.looksLikePassword(value) { continue }
                if found.contains(where: { NSIntersectionRange($0.0, range).length > 0 }) { continue }
                found.append((range, pattern.name))
            }
        }
        let ranges: [(Range<String.Index>, String)] = found.sorted { $0.0.location < $1.0.location }.compactMap { nsRange, kind in
            Range(nsRange, in: text).map { ($0, kind) }
        }
        return ranges.map { range, kind in
            Finding(kind: kind, range: range, masked: Self.mask(String(text[range])),
                    excerpt: Self.excerpt(text, around: range, hiding: ranges.map(\.0)))
        }
    }

    /// Every hint and requirement of the patterns (lowercase).
    static let allHints: [String] = Array(Set(patterns.flatMap { $0.hints + $0.requires }))

    /// The hints the text holds, case-insensitively.
    static func hintsPresent(in text: String) -> Set<String> { ByteSearch.present(allHints, in: text.lowercased()) }

    /// `text` with each finding replaced by `[redacted <kind>]` (what is sent instead of the secret).
    public func redact(_ text: String, findings: [Finding]? = nil) -> String {
        let findings = findings ?? scan(text)
        var out = text
        for f in findings.reversed() { out.replaceSubrange(f.range, with: Self.placeholder(f.kind)) }
        return out
    }

    /// The placeholder sent instead of a secret of `kind`.
    public static func placeholder(_ kind: String) -> String { "[redacted \(kind)]" }

    /// The first 4 and last 4 characters of a long secret, nothing of a short one.
    public static func mask(_ secret: String) -> String {
        // A key block shows only its BEGIN line.
        if secret.hasPrefix("-----BEGIN") { return String(secret.prefix(while: { !$0.isNewline }).prefix(40)) + " …" }
        let flat = secret.replacingOccurrences(of: "\n", with: " ")
        guard flat.count >= 16 else { return String(repeating: "*", count: min(flat.count, 8)) }
        return flat.prefix(4) + "…" + flat.suffix(4)
    }

    static func looksLikePassword(_ value: String) -> Bool {
        let v = value.lowercased()
        if placeholderValues.contains(v) || v.allSatisfy({ $0 == "*" || $0 == "x" || $0 == "." }) { return false }
        // Code that reads a password from somewhere else is not one: `password=getenv`, `pwd=$PWD`, `pass=input(`.
        if v.hasPrefix("$") || v.hasPrefix("%") || v.hasPrefix("{{") || v.hasPrefix("<") { return false }
        if v.contains("(") || v.contains("env") || v.hasPrefix("self.") || v.hasPrefix("os.") || v.hasPrefix("config.") { return false }
        return true
    }

    /// About 30 characters either side of the secret, every secret in it masked, newlines as spaces.
    static func excerpt(_ text: String, around range: Range<String.Index>, hiding secrets: [Range<String.Index>]) -> String {
        var start = text.index(range.lowerBound, offsetBy: -30, limitedBy: text.startIndex) ?? text.startIndex
        var end = text.index(range.upperBound, offsetBy: 30, limitedBy: text.endIndex) ?? text.endIndex
        // Never cut another secret in half: widen to take it whole (it is masked below).
        for s in secrets {
            if s.contains(start) { start = s.lowerBound }
            if s.contains(end) { end = s.upperBound }
        }
        var out = start > text.startIndex ? "…" : ""
        var i = start
        for s in secrets where s.lowerBound >= start && s.upperBound <= end {
            out += String(text[i..<s.lowerBound]) + mask(String(text[s]))
            i = s.upperBound
        }
        out += String(text[i..<end]) + (end < text.endIndex ? "…" : "")
        return String(out.map { $0.isNewline || $0 == "\t" ? " " : $0 })
    }
}
