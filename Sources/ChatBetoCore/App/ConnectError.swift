/// The database could not be reached; says where chatbeto tried and what to do.
public struct ConnectError: Error, CustomStringConvertible, Sendable {
    public var target: String
    public var underlying: String
    public var usingDSN: Bool

    /// The message the user sees.
    public var description: String {
        var s = "cannot connect to MySQL at \(target): \(underlying)"
        if usingDSN {
            s += "\n  check --dsn / CHATBETO_DSN (mysql://user:password@host:port/database), or unset it to use chatbeto's private server"
        } else {
            s += "\n  the private server could not be reached; 'chatbeto server status' shows its state"
        }
        return s
    }
}
