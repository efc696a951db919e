import ChatBetoStore

/// The session row with its settings decoded (ChatBetoStore keeps them as JSON text).
extension SessionStore {
    /// The last session's context.
    func latest() throws -> (projectID: Int64?, conversationID: String?, settings: Settings?)? {
        guard let row = try latestSaved() else { return nil }
        return (row.projectID, row.conversationID, Settings.decoded(row.settingsJSON))
    }

    /// Starts this shell's session row.
    func begin(projectID: Int64?, conversationID: String?, settings: Settings) throws -> Int64 {
        try begin(projectID: projectID, conversationID: conversationID, settingsJSON: settings.encoded())
    }

    /// Records the current context.
    func save(id: Int64, projectID: Int64?, conversationID: String?, settings: Settings) throws {
        try save(id: id, projectID: projectID, conversationID: conversationID, settingsJSON: settings.encoded())
    }
}
