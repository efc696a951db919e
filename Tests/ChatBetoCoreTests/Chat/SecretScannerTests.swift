@testable import ChatBetoCore
@testable import ChatBetoOpenAI
import ChatBetoSupport
import Foundation
import Testing

/// The secret patterns on fixtures: each true positive is found with its kind and masked, each false
/// positive (look-alikes, placeholders, code reading a password from elsewhere) is not.
@Suite struct SecretScannerTests {
    let scanner = SecretScanner()

    static let truePositives: [(String, String, String)] = [
        ("OpenAI API key", "key: sk-proj-" + "Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe0f", "sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe0f"),
        ("OpenAI API key", "OPENAI_API_KEY=sk-" + "abcdefghijklmnopqrstuvwxyz0123456789ABCD", "sk-abcdefghijklmnopqrstuvwxyz0123456789ABCD"),
        ("Anthropic API key", "export ANTHROPIC_API_KEY='sk-ant-" + "api03-Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Jh1Gf0Ed-AAAA'", "sk-ant-api03-Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Jh1Gf0Ed-AAAA"),
        ("GitHub token", "git clone https://github.com/x/y with ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8", "ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8"),
        ("GitHub token", "token github_pat_" + "11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUV", "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUV"),
        ("AWS access key", "aws_access_key_id = AKIA" + "IOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLE"),
        ("AWS secret key", "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + "EXAMPLEKEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
        ("Slack token", "bot token xoxb-" + "123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx", "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx"),
        ("Slack webhook", "post to https://hooks.slack.com/services/" + "T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX now", "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"),
        ("Google API key", "maps key AIza" + "SyA1234567890abcdefghijklmnopqrstuv", "AIzaSyA1234567890abcdefghijklmnopqrstuv"),
        ("JSON Web Token", "Authorization: eyJhbGciOiJIUzI1NiJ9." + "eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
         "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"),
        ("private key block", "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA7\n-----END RSA PRIVATE KEY-----",
         "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA7\n-----END RSA PRIVATE KEY-----"),
        ("private key block", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA"),
        ("password in a URL", "DATABASE_URL=postgres://admin:hunter22@db.local:5432/app", "hunter22"),
        ("password in a URL", "mysql://root:S3cr3t!x@127.0.0.1/db", "S3cr3t!x"),
        ("password assignment", "db_password = \"Tr0ub4dor&3\"", "Tr0ub4dor&3"),
        ("password assignment", "password: correcthorse", "correcthorse"),
        ("password assignment", "PWD='p4ss-w0rd'", "p4ss-w0rd"),
    ]

    static let falsePositives: [String] = [
        "the sk-learn library and the sk-8 skateboard",
        "ask-me-anything-about-sk-shortkey",
        "ghp_short and github_pat_ alone",
        "AKIA is a prefix; AKIAshort too",
        "an xox pattern like xoxo hugs",
        "a JWT starts with eyJ, e.g. eyJhbGci…",
        "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEF\n-----END PUBLIC KEY-----",
        "-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIE\n-----END CERTIFICATE-----",
        "see https://example.com/path and http://user@host/x",
        "password = os.environ['DB_PASSWORD']",
        "password = getenv(\"PW\")",
        "pwd=$PWD and password=${PASSWORD}",
        "password: ********",
        "Enter your password: ",
        "password = password",
        "If you forget the password, reset it.",
    ]

    @Test func findsEveryKindOfSecretAndMasksIt() {
        for (kind, text, secret) in Self.truePositives {
            let found = scanner.scan(text)
            #expect(found.map(\.kind) == [kind], "\(kind) in \(text)")
            guard let f = found.first else { continue }
            #expect(String(text[f.range]) == secret)
            #expect(!f.excerpt.contains(secret) && !f.masked.contains(secret))
            #expect(!scanner.redact(text).contains(secret))
            #expect(scanner.redact(text).contains(SecretScanner.placeholder(kind)))
        }
    }

    @Test func leavesLookAlikesAlone() {
        for text in Self.falsePositives {
            #expect(scanner.scan(text).isEmpty, "false positive in \(text): \(scanner.scan(text).map(\.kind))")
        }
    }

    @Test func redactsSeveralSecretsInOneTextAndExcerptsHideTheirNeighbours() {
        let key = "sk-proj-" + "Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe0f"
        let text = "my key is \(key) and db postgres://admin:hunter22@db.local/x"
        let found = scanner.scan(text)
        #expect(found.map(\.kind) == ["OpenAI API key", "password in a URL"])
        #expect(found.allSatisfy { !$0.excerpt.contains(key) && !$0.excerpt.contains("hunter22") })
        #expect(scanner.redact(text) == "my key is [redacted OpenAI API key] and db postgres://admin:[redacted password in a URL]@db.local/x")
    }

    @Test func planRedactionChangesOnlyWhatIsSent() {
        let plan = SeedPlan.make(conversationID: "c", path: [storedMessage("n1", "user", "pw: postgres://a:b4dpass@h/x")],
                                 server: ServerThread(), seedTurns: nil)
        var plans = [plan]
        let found = SecretGate.findings(in: plans)
        #expect(found.map(\.nodeID) == ["n1"])
        SecretGate.redact(&plans, found)
        #expect(plans[0].items[0].text == "pw: postgres://a:[redacted password in a URL]@h/x")
    }

    @Test func modelCheckSuggestsTheClosestListedChatModel() {
        func m(_ id: String, _ shutdown: String? = nil) -> ModelInfo { .init(id: id, ownedBy: nil, created: nil, shutdownDate: shutdown) }
        let listed = [m("gpt-5.4"), m("gpt-5.4-mini"), m("gpt-4o", "2026-10-15"), m("text-embedding-3-small")]
        #expect(ModelCheck.problem(model: "gpt-5.4", listed: listed, today: "2026-12-01") == nil)
        #expect(ModelCheck.problem(model: "gpt-5-mini", listed: listed, today: "2026-12-01")
                == .modelUnavailable(model: "gpt-5-mini", reason: "is not offered by the server", suggestion: "gpt-5.4-mini"))
        #expect(ModelCheck.problem(model: "gpt-4o", listed: listed, today: "2026-12-01")
                == .modelUnavailable(model: "gpt-4o", reason: "was shut down on 2026-10-15", suggestion: "gpt-5.4"))
        #expect(ModelCheck.problem(model: "gpt-4o", listed: listed, today: "2026-10-14") == nil)
    }
}
