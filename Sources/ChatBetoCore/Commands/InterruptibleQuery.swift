import ChatBetoStore
import ChatBetoSupport
import Foundation

/// Runs user SQL so that Ctrl-C stops it: a watcher sends `KILL QUERY` from the main connection, as the
/// `mysql` client does.
struct InterruptibleQuery {
    let connection: MySQLConnection
    let killer: MySQLConnection

    func run(_ sql: String) throws -> ResultSet {
        let flag = CancellationFlag()
        // The kill goes through a connection of its own, so this works on chatbeto's own connection too.
        let threadID = try? connection.execute(SQL.Connection.connectionID).rows.first?.first?.int64Value
        let done = CancellationFlag()
        let config = killer.config
        let watcher = Thread {
            while !done.isCancelled {
                if flag.isCancelled, let id = threadID {
                    if let k = try? MySQLConnection(config: config) { _ = try? k.execute(SQL.Connection.killQuery(id)) }
                    return
                }
                usleep(20_000)
            }
        }
        if threadID != nil { watcher.start() }
        defer { done.cancel() }
        do {
            return try flag.raisedOnInterrupt { try connection.execute(sql) }
        } catch let e as StoreError where flag.isCancelled && (e.code == .queryInterrupted || e.isConnectionLost) {
            throw InterruptedError()
        }
    }
}

/// The user pressed Ctrl-C; the command stopped and the shell goes on.
public struct InterruptedError: Error, CustomStringConvertible {
    /// What the user sees: "interrupted", or what the command stopped doing and what it left.
    public let description: String
    /// The error a command throws when Ctrl-C stopped it.
    public init(_ description: String = "interrupted") { self.description = description }
}
