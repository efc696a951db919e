import Foundation
import ChatBetoSupport

/// A MySQL account limited to SELECT on chatbeto's tables, so that read-only user SQL is refused by
/// the server itself (DDL included), not by inspecting the statement text. Granted table by table:
/// every table and view but `chatbeto_private` (whose secret keeps chatbeto's lock names from it, and
/// which holds this account's own password).
struct ReaderAccount {
    let connection: MySQLConnection
    /// The home's file that held the password before it moved into the database; read once to carry it
    /// over, never written. Its `.lock` beside it serialises processes of one home setting up the account.
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

    /// The account's password, kept in `chatbeto_private` so every home on this database uses the same
    /// one (a home never resets it under another). A home made by an older chatbeto kept it in its own
    /// file: on first use that one is proposed, so the account keeps working for it.
    private func loadOrCreatePassword() throws -> String {
        try PrivateSecret.value("reader_password", on: connection) {
            // A file another user could have read (wrong owner or mode) is not used.
            if let file = passwordFile, let text = (try? OwnerOnly.read(file)) ?? nil {
                let p = text.trimmingCharacters(in: .whitespacesAndNewlines)
                if p.count == 32, p.allSatisfy(\.isHexDigit) { return p }
            }
            return PrivateSecret.randomHex()
        }
    }
}
