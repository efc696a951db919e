/// Applies pending migrations in order and records each in `schema_migrations`.
public struct Migrator {
    public let connection: MySQLConnection
    public init(connection: MySQLConnection) { self.connection = connection }

    /// Applies every migration the database lacks; returns the versions applied.
    @discardableResult
    public func migrate() throws -> [Int] {
        // Serialise concurrent shells starting on the same database, under a name user SQL cannot take.
        try NamedLock("migrate", on: connection).holding(
            waiting: 10, busy: StoreError(code: 0, message: "another chatbeto is migrating this database; try again in a moment")) {
            try applyPending()
        }
    }

    private func applyPending() throws -> [Int] {
        try connection.execute(Migrations.bookkeeping)
        let applied = Set(try connection.query(SQL.Migrations.applied).rows.compactMap { $0.first?.int64Value }.map(Int.init))
        var done: [Int] = []
        // By version, not list position: branches append their reserved versions (2, 3) after 4.
        for migration in Migrations.all.sorted(by: { $0.version < $1.version }) where !applied.contains(migration.version) {
            for statement in migration.statements { try connection.execute(statement) }
            try connection.query(SQL.Migrations.record, [.int(Int64(migration.version)), .text(migration.name)])
            done.append(migration.version)
        }
        return done
    }

    /// The newest version this build knows.
    public static var latestVersion: Int { Migrations.all.map(\.version).max() ?? 0 }
}
