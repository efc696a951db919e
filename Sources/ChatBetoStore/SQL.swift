/// Every SQL statement chatbeto issues, in one place. Values are always bound (`?`), never interpolated.
/// Only syntax that MySQL 8.0+ and MariaDB 10.11+ both accept.
public enum SQL {
    /// Connection and transaction control. Identifiers and our own generated values only: these
    /// statements cannot take bound parameters.
    public enum Connection {
        static let utcTimeZone = "SET time_zone = '+00:00'"
        static let utf8mb4 = "SET NAMES utf8mb4 COLLATE utf8mb4_unicode_ci"
        static let start = "START TRANSACTION"
        static let commit = "COMMIT"
        public static let rollback = "ROLLBACK"
        public static let connectionID = "SELECT CONNECTION_ID()"
        static func createDatabase(_ name: String) -> String {
            "CREATE DATABASE IF NOT EXISTS `\(name)` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
        }
        /// Stops the statement running on another connection (Ctrl-C).
        public static func killQuery(_ id: Int64) -> String { "KILL QUERY \(id)" }
    }

    /// Setting up and recognising the private server (the password is a hex string chatbeto generates;
    /// it cannot be a bound parameter in ALTER USER).
    public enum PrivateServer {
        public static let dataDirectory = "SELECT @@datadir AS d"
        public static let identity = "SELECT secret FROM chatbeto_server.identity"
        /// Sets the private server's root password.
        public static func setRootPassword(_ password: String) -> String { "ALTER USER 'root'@'localhost' IDENTIFIED BY '\(password)'" }
        /// root@hostname, root@127.0.0.1, root@::1 and anonymous accounts from mariadb-install-db have no password.
        public static let dropOtherAccounts = "DELETE FROM mysql.global_priv WHERE (User = 'root' AND Host <> 'localhost') OR User = ''"
        public static let flushPrivileges = "FLUSH PRIVILEGES"
        public static let createDatabase = "CREATE DATABASE IF NOT EXISTS chatbeto_server"
        public static let createIdentity = "CREATE TABLE IF NOT EXISTS chatbeto_server.identity (secret CHAR(64) NOT NULL) ENGINE=InnoDB"
        public static let clearIdentity = "DELETE FROM chatbeto_server.identity"
        /// Marks the server as chatbeto's own.
        public static func insertIdentity(secret: String) -> Statement { Statement("INSERT INTO chatbeto_server.identity (secret) VALUES (?)", [.text(secret)]) }
    }

    /// The read-only account for user SQL (account names and passwords cannot be bound parameters;
    /// the password is a hex string chatbeto generates).
    public enum Reader {
        static func create(_ account: String, password: String) -> String { "CREATE USER IF NOT EXISTS \(account) IDENTIFIED BY '\(password)'" }
        static func setPassword(_ account: String, password: String) -> String { "ALTER USER \(account) IDENTIFIED BY '\(password)'" }
        /// Older versions granted the whole database (the private table included): taken back.
        static func revokeDatabase(_ account: String, database: String) -> String { "REVOKE SELECT, SHOW VIEW ON `\(database)`.* FROM \(account)" }
        /// One table at a time, so the reader never gets `chatbeto_private` (see NamedLock).
        static func grantSelect(_ account: String, database: String, table: String) -> String {
            "GRANT SELECT, SHOW VIEW ON `\(database)`.`\(table.replacingOccurrences(of: "`", with: "``"))` TO \(account)"
        }
        /// The tables and views the connected account sees in a database. Parameter: the database.
        static let visibleTables = "SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?"
        /// Parameters: the database, a table name.
        static let tableExists = "SELECT 1 AS found FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?"
    }

    /// Named server locks the reader cannot take (NamedLock): the name carries a secret kept in a
    /// table the reader has no grant on.
    public enum Locks {
        static let createPrivate = """
            CREATE TABLE IF NOT EXISTS chatbeto_private (
              name VARCHAR(64) NOT NULL,
              value VARCHAR(255) NOT NULL,
              PRIMARY KEY (name)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
              COMMENT='chatbeto secrets the read-only account must not read (never granted to it)'
            """
        /// Parameter: the secret's name (`lock_secret`, `reader_password`).
        static let privateValue = "SELECT value FROM chatbeto_private WHERE name = ?"
        /// Parameters: the secret's name, its value; keeps a value already there.
        static let insertPrivate = "INSERT IGNORE INTO chatbeto_private (name, value) VALUES (?, ?)"
        /// Parameters: the lock name, seconds to wait.
        public static func acquire(name: String, waitSeconds: Int) -> Statement { Statement("SELECT GET_LOCK(?, ?) AS got", [.text(name), .int(Int64(waitSeconds))]) }
        /// Releases a named lock.
        public static func release(name: String) -> Statement { Statement("SELECT RELEASE_LOCK(?) AS released", [.text(name)]) }
    }

    /// The schema version table.
    public enum Migrations {
        static let applied = "SELECT version FROM schema_migrations"
        static let record = "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, CURRENT_TIMESTAMP(6))"
        static let current = "SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations"
    }

    /// Sessions for user SQL: read-only unless the user turned writes on. Enforced by the server.
    public enum UserSQL {
        public static let readOnly = "SET SESSION TRANSACTION READ ONLY"
        public static let readWrite = "SET SESSION TRANSACTION READ WRITE"
        /// The reader's time limits, in seconds. Parameters: lock wait (metadata locks), lock wait
        /// (InnoDB rows), statement time (0 = none). MariaDB's statement limit covers every statement.
        static let limitsMariaDB = "SET SESSION lock_wait_timeout = ?, innodb_lock_wait_timeout = ?, max_statement_time = ?"
        /// MySQL 8 has `max_execution_time` (milliseconds, SELECT only) instead. Same parameters, the
        /// last in milliseconds.
        static let limitsMySQL = "SET SESSION lock_wait_timeout = ?, innodb_lock_wait_timeout = ?, max_execution_time = ?"
        /// The server's defaults again, after read-only user SQL ran on chatbeto's own connection.
        static let defaultLimitsMariaDB = "SET SESSION lock_wait_timeout = DEFAULT, innodb_lock_wait_timeout = DEFAULT, max_statement_time = DEFAULT"
        static let defaultLimitsMySQL = "SET SESSION lock_wait_timeout = DEFAULT, innodb_lock_wait_timeout = DEFAULT, max_execution_time = DEFAULT"
    }
}
