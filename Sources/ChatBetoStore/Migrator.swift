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
            do {
                for statement in migration.statements { try connection.execute(statement) }
                try connection.query(SQL.Migrations.record, [.int(Int64(migration.version)), .text(migration.name)])
            } catch let error as StoreError where Self.alreadyDone.contains(error.code) {
                // GET_LOCK is local to one node of a Galera cluster: a chatbeto at another node got here first
                // (its DDL replicated, so ours failed). It records the migration when done; follow it.
                try waitUntilRecorded(migration.version, otherwise: error)
                continue
            }
            done.append(migration.version)
        }
        return done
    }

    /// Errors of a DDL statement or record that another migrator already applied: table, column, index
    /// or foreign key exists (1050, 1060, 1061, 1826), version already recorded (1062).
    static let alreadyDone: Set<MySQLErrorCode> = [.tableExists, .duplicateColumn, .duplicateKey, .duplicateForeignKey, .duplicateEntry]

    /// How long to follow a migrator at another node before giving up, in seconds.
    static let followTimeout: Double = 60

    private func appliedVersions() throws -> Set<Int> {
        Set(try connection.query(SQL.Migrations.applied).rows.compactMap { $0.first?.int64Value }.map(Int.init))
    }

    private func waitUntilRecorded(_ version: Int, otherwise error: StoreError) throws {
        let deadline = Date().addingTimeInterval(Self.followTimeout)
        while Date() < deadline {
            if try appliedVersions().contains(version) { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw error
    }

    /// The newest version this build knows.
    public static var latestVersion: Int { Migrations.all.map(\.version).max() ?? 0 }
}
