import Foundation

/// A secret chatbeto keeps per database in `chatbeto_private`, the table the read-only account is never
/// granted: the lock secret (NamedLock) and the read-only account's password (ReaderAccount). Every
/// chatbeto on the database, whatever its home, reads the same value, so homes sharing a database agree.
enum PrivateSecret {
    /// The value stored as `name`, made on first use from `proposal` (two first uses at once agree:
    /// INSERT IGNORE, then read back).
    static func value(_ name: String, on connection: MySQLConnection, proposal: () -> String = randomHex) throws -> String {
        if let value = try? read(name, on: connection) { return value }
        try connection.execute(SQL.Locks.createPrivate)
        let mine = proposal()
        // On a Galera cluster two first uses at two nodes conflict at commit (certification fails with
        // 1213, a deadlock): the other node's value won, but its write set may not be applied here yet
        // when we read back, so the read is retried for a while before giving up.
        for attempt in 0..<50 {
            do {
                try connection.query(SQL.Locks.insertPrivate, [.text(name), .text(mine)])
            } catch let e as StoreError where e.code == .deadlock {}
            if let value = try read(name, on: connection) { return value }
            if attempt < 49 { usleep(100_000) }
        }
        throw StoreError(code: .none, message: "the \(name) in \(NamedLock.privateTable) could not be read back")
    }

    /// 32 random hex digits.
    static func randomHex() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    private static func read(_ name: String, on connection: MySQLConnection) throws -> String? {
        try connection.queryOne(SQL.Locks.privateValue, [.text(name)])?["value"].textValue
    }
}
