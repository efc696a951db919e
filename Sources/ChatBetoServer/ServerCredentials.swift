import ChatBetoSupport
import Foundation

/// What the home holds to reach its private server and to recognise it: root's password and an
/// identity token the server's own data also holds (`chatbeto_server.identity`). Kept in a 0600
/// option file, so `mariadb --defaults-extra-file=<home>/mysql/root.cnf -S <socket>` works too.
struct ServerCredentials: Equatable {
    var password: String
    var identity: String
    /// Whether the server's root account and identity row were set up from this file. Until then (a new
    /// data directory, or one made by an older chatbeto), root may still have no password.
    var provisioned: Bool

    static func generate() -> ServerCredentials {
        ServerCredentials(password: randomHex(bytes: 24), identity: randomHex(bytes: 32), provisioned: false)
    }

    static func randomHex(bytes: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<bytes).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    static func load(_ url: URL) throws -> ServerCredentials? {
        guard let text = try OwnerOnly.read(url) else { return nil }
        var values: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let eq = line.firstIndex(of: "=") else { continue }
            values[String(line[..<eq]).trimmingCharacters(in: .whitespaces)] =
                String(line[line.index(after: eq)...]).trimmingCharacters(in: .whitespaces)
        }
        guard let password = values["password"], let identity = values["identity"],
              !password.isEmpty, password.allSatisfy(\.isHexDigit), identity.count == 64, identity.allSatisfy(\.isHexDigit) else {
            throw ServerError.badCredentials(path: url.path)
        }
        return ServerCredentials(password: password, identity: identity, provisioned: values["provisioned"] == "yes")
    }

    func save(_ url: URL) throws {
        try OwnerOnly.write("""
            # chatbeto's private MariaDB: root's password and the identity of this home's server.
            # Only you may read this file (0600). Losing it locks chatbeto out of its own server.
            [client]
            user=root
            password=\(password)
            [chatbeto]
            identity=\(identity)
            provisioned=\(provisioned ? "yes" : "no")

            """, to: url)
    }
}
