import Foundation

/// Applies pending migrations in order and records each in `schema_migrations`.
struct Migrator {
    public let connection: MySQLConnection
    /// Brings the schema of this connection's database up to date.
    public init(connection: MySQLConnection) { self.connection = connection }

    /// Applies every migration the database lacks; returns the versions applied.
    @discardableResult
    public func migrate() throws -> [Int] {
        // Serialise concurrent shells starting on the same database, under a name user SQL cannot take.
        try NamedLock("migrate", on: connection).holding(
            waiting: 10, busy: StoreError(code: .none, message: "another chatbeto is migrating this database; try again in a moment")) {
            try applyPending()
        }
    }

    private func applyPending() throws -> [Int] {
        try connection.execute(Migrations.bookkeeping)
        let applied = try appliedVersions()
        var done: [Int] = []
        // By version, not list position: branches append their reserved versions (2, 3) after 4.
        for migration in Migrations.all.sorted(by: { $0.version < $1.version }) where !applied.contains(migration.version) {
            // GET_LOCK is local to one node of a Galera cluster: a chatbeto at another node may be applying the
            // same migration at once. Each statement is atomic, so one that fails because its table, column,
            // index or key already exists was applied by the other, whose DDL replicated here: go on with the
            // next, and let whichever records the version first record it. Nobody waits for anybody (waiting
            // for the other to record could wait for a process that had stopped).
            for statement in migration.statements {
                do { try connection.execute(statement) } catch let error as StoreError where Self.alreadyDone.contains(error.code) {}
            }
            if try record(migration) { done.append(migration.version) }
        }
        return done
    }

    /// Errors of a DDL statement or record that another migrator already applied: table, column, index
    /// or foreign key exists (1050, 1060, 1061, 1826), version already recorded (1062).
    static let alreadyDone: Set<MySQLErrorCode> = [.tableExists, .duplicateColumn, .duplicateKey, .duplicateForeignKey, .duplicateEntry]

    /// Records `migration`; false when another migrator recorded it first. Two nodes of a Galera cluster
    /// inserting the same version at once: certification refuses one (1213), and the winner's row may not
    /// have been applied here yet, so the loser looks again and retries until it sees the row or inserts it.
    private func record(_ migration: Migrations.Migration) throws -> Bool {
        var attempt = 0
        while true {
            do {
                try connection.query(SQL.Migrations.record, [.int(Int64(migration.version)), .text(migration.name)])
                return true
            } catch let error as StoreError where error.code == .duplicateEntry {
                return false
            } catch let error as StoreError where error.code == .deadlock && attempt < 100 {
                if try appliedVersions().contains(migration.version) { return false }
                attempt += 1
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
    }

    private func appliedVersions() throws -> Set<Int> {
        Set(try connection.query(SQL.Migrations.applied).rows.compactMap { $0.first?.int64Value }.map(Int.init))
    }

    /// The newest version this build knows.
    public static var latestVersion: Int { Migrations.all.map(\.version).max() ?? 0 }
}
