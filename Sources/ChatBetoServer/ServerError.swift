import Foundation

/// Errors managing the private server.
enum ServerError: Error, CustomStringConvertible, Sendable {
    case initialisationFailed(String)
    case didNotStart(log: String, tail: String)
    case didNotStop(pid: Int32)
    case foreignServer(socket: String, reason: String)
    case provisioningFailed(String)
    case badCredentials(path: String)
    case notStarted(home: String)

    /// The message the user sees.
    public var description: String {
        switch self {
        case .initialisationFailed(let why): return "could not initialise the private MariaDB data directory: \(why)"
        case .didNotStart(let log, let tail):
            return "the private MariaDB server did not start; see \(log)" + (tail.isEmpty ? "" : ":\n" + tail)
        case .didNotStop(let pid): return "the private MariaDB server (pid \(pid)) did not stop in time"
        case .foreignServer(let socket, let reason):
            return "the server at \(socket) is not the one this home created (\(reason)); chatbeto sent it nothing. " +
                "Stop that server (or remove the socket), then run chatbeto again"
        case .provisioningFailed(let why): return "could not secure the private MariaDB server's accounts: \(why)"
        case .badCredentials(let path):
            return "\(path) is damaged (no valid password and identity lines); restore it from a backup: without it chatbeto cannot reach its server"
        case .notStarted(let home): return "the private server of \(home) has not been started yet"
        }
    }
}
