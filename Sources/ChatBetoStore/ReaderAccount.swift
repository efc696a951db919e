import Foundation
import ChatBetoSupport

/// A MySQL account limited to SELECT on chatbeto's tables, so that read-only user SQL is refused by
/// the server itself (DDL included), not by inspecting the statement text. Granted table by table:
/// every table and view but `chatbeto_private` (whose secret keeps chatbeto's lock names from it).
struct ReaderAccount {
    let connection: MySQLConnection
    let passwordFile: URL?

    /// One account per database (`chatbeto_r_<hash>`), so databases sharing a server never change each
    /// other's reader password.
    static func user(for database: String) -> String {
        "chatbeto_r_" + String(FNV1a.hash(database), radix: 16)
    }

    /// Makes sure the account works with our password and sees exactly the tables it should, and
    /// returns how to connect with it.
    func ensure() throws -> ConnectionConfig {
        // Two chatbeto processes starting together must not each set their own password.
        guard let passwordFile else { return try ensureUnlocked() }
        try FileManager.default.createDirectory(at: passwordFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        return try FileLock(file: passwordFile.appendingPathExtension("lock")).withLock { try ensureUnlocked() }
    }

    private func ensureUnlocked() throws -> ConnectionConfig {
        let password = try loadOrCreatePassword()
        let config = connection.config
        var reader = config
        reader.user = ReaderAccount.user(for: config.database)
        reader.password = password
        let granted = try tables(seenBy: connection).subtracting([NamedLock.privateTable])
        // Already set up (the usual case): one cheap connect and one query, nothing changed on the server.
        if let probe = try? MySQLConnection(config: reader, connectTimeout: 2), (try? tables(seenBy: probe)) == granted {
            return reader
        }
        // Account names and privileges cannot be bound parameters; the password is our own hex string,
        // table names come from the server.
        let host = config.socket != nil || config.host == "localhost" ? "localhost" : "%"
        let account = "'\(reader.user)'@'\(host)'"
        do {
            try connection.execute(SQL.Reader.create(account, password: password))
            try connection.execute(SQL.Reader.setPassword(account, password: password))
        } catch var e as StoreError {
            e.sql = nil  // the statement holds the password
            throw e
        }
        do {
            try connection.execute(SQL.Reader.revokeDatabase(account, database: config.database))
        } catch let e as StoreError where e.code == .noSuchGrant {
            // No database-wide grant to take back (1141: there is no such grant).
        }
        for table in granted.sorted() {
            try connection.execute(SQL.Reader.grantSelect(account, database: config.database, table: table))
        }
        return reader
    }

    /// The names of the tables and views in chatbeto's database that `connection`'s account can see.
    private func tables(seenBy connection: MySQLConnection) throws -> Set<String> {
        Set(try connection.query(SQL.Reader.visibleTables, [.text(connection.config.database)]).rows.compactMap { $0.first?.textValue })
    }

    private func loadOrCreatePassword() throws -> String {
        // A file another user could have read (wrong owner or mode) is not used: a new password replaces it.
        if let file = passwordFile, let text = (try? OwnerOnly.read(file)) ?? nil {
            let p = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if p.count == 32, p.allSatisfy(\.isHexDigit) { return p }
        }
        var bytes = [UInt8](repeating: 0, count: 16)
        var generator = SystemRandomNumberGenerator()
        for i in bytes.indices { bytes[i] = UInt8.random(in: 0...255, using: &generator) }
        let password = bytes.map { String(format: "%02x", $0) }.joined()
        if let file = passwordFile {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try OwnerOnly.write(password, to: file)
        }
        return password
    }
}
