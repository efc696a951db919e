import Foundation

/// A MySQL account limited to SELECT on chatbeto's database, so that read-only user SQL is refused by
/// the server itself (DDL included), not by inspecting the statement text.
struct ReaderAccount {
    static let user = "chatbeto_reader"
    let connection: MySQLConnection
    let passwordFile: URL?

    /// Creates or refreshes the account and returns how to connect with it.
    func ensure() throws -> ConnectionConfig {
        let password = try loadOrCreatePassword()
        let config = connection.config
        // Account names and privileges cannot be bound parameters; the password is our own hex string.
        let host = config.socket != nil || config.host == "localhost" ? "localhost" : "%"
        let account = "'\(ReaderAccount.user)'@'\(host)'"
        try connection.execute(SQL.Reader.create(account, password: password))
        try connection.execute(SQL.Reader.setPassword(account, password: password))
        try connection.execute(SQL.Reader.grantSelect(account, database: config.database))
        var reader = config
        reader.user = ReaderAccount.user
        reader.password = password
        return reader
    }

    private func loadOrCreatePassword() throws -> String {
        if let file = passwordFile, let text = try? String(contentsOf: file, encoding: .utf8) {
            let p = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if p.count == 32, p.allSatisfy(\.isHexDigit) { return p }
        }
        var bytes = [UInt8](repeating: 0, count: 16)
        for i in bytes.indices { bytes[i] = UInt8.random(in: 0...255) }
        let password = bytes.map { String(format: "%02x", $0) }.joined()
        if let file = passwordFile {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: file.path, contents: Data(password.utf8), attributes: [.posixPermissions: 0o600])
        }
        return password
    }
}
