import ChatBetoStore
import Foundation

/// Conversations an export holds more than once: which copy is kept, and the copies remembered so that
/// importing the same export again finds every one of them unchanged.
extension Importer {
    static let olderCopyReason = "an older copy of a conversation the export holds twice; the later one is kept"

    /// What becomes of one copy.
    enum CopyOutcome {
        /// An older copy: reported and remembered, not written.
        case leftOut
        /// Written (new, merged or unchanged as planned), in place of `replacing` when this run wrote that copy.
        case write(replacing: ImportPlanner.Copy?)
    }

    /// Weighs a Claude copy against the copies of its conversation read before in this run (FORMAT-claude.md:
    /// the later `updated_at` is kept, on a tie the one with more messages). A copy that supersedes an
    /// earlier one takes that one's place in the report's counts (the earlier is reported left out).
    func weigh(_ c: ConversationRecord, file: String, planner: inout ImportPlanner, writer: ImportWriter?,
               report: inout ImportReport) throws -> CopyOutcome {
        let verdict = try planner.compareCopy(id: c.id, updateTime: c.updateTime, messages: c.messages.count) {
            try storedCopy(id: c.id)
        }
        if verdict != .first {
            report.skipped.append(ImportReport.Skip(conversationID: c.id, file: file, offset: 0, reason: Importer.olderCopyReason))
        }
        switch verdict {
        case .first:
            return .write(replacing: nil)
        case .older:
            try remember(planner.noteCopy(id: c.id, contentHash: c.contentHash), of: c.id, writer: writer)
            return .leftOut
        case .later(let earlier):
            switch earlier.counted {
            case .new: report.conversationsNew -= 1
            case .updated: report.conversationsUpdated -= 1
            case .unchanged: report.conversationsUnchanged -= 1
            }
            return .write(replacing: earlier.createdHere ? earlier : nil)
        }
    }

    /// Stores the hashes of copies of conversation `id` it now holds besides its own (nothing in a dry run).
    func remember(_ hashes: [String], of id: String, writer: ImportWriter?) throws {
        guard writer != nil else { return }
        for hash in hashes { try connection.query(SQL.Import.rememberCopy(conversationID: id, contentHash: hash)) }
    }

    /// The stored conversation's update time and message count (a copy read unchanged in this run).
    private func storedCopy(id: String) throws -> (updateTime: String, messages: Int)? {
        guard let row = try connection.queryOne(SQL.Import.storedConversation(id: id)) else { return nil }
        return (row.string("update_time") ?? "", Int(row.int("message_count") ?? 0))
    }
}
