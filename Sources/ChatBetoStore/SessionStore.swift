/// Persists the session (project, conversation, settings) so a new shell resumes where the last one was.
public struct SessionStore {
    public let connection: MySQLConnection
    /// Saves and restores the shell session over this connection.
    public init(connection: MySQLConnection) { self.connection = connection }

    /// The last session's context.
    public func latestSaved() throws -> (projectID: Int64?, conversationID: String?, settingsJSON: String?)? {
        guard let r = try connection.queryOne(SQL.Sessions.latest) else { return nil }
        return (r.int("project_id"), r.string("conversation_id"), r.string("settings"))
    }

    /// Starts this shell's session row.
    public func begin(projectID: Int64?, conversationID: String?, settingsJSON: String) throws -> Int64 {
        let rs = try connection.query(SQL.Sessions.insert, [.optional(projectID.map(Int.init)), .optional(conversationID), .text(settingsJSON)])
        return Int64(rs.lastInsertID)
    }

    /// Records the current context in this shell's row.
    public func save(id: Int64, projectID: Int64?, conversationID: String?, settingsJSON: String) throws {
        try connection.query(SQL.Sessions.update, [.optional(projectID.map(Int.init)), .optional(conversationID), .text(settingsJSON), .int(id)])
    }
}
