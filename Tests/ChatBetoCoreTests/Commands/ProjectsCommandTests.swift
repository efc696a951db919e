import ChatBetoStore
import ChatBetoTestSupport
import Foundation
import Testing
@testable import ChatBetoCore

/// `projects`: every project with its conversation count and last activity, most recently active first.
@Suite struct ProjectsCommandTests {
    /// The rows by column name (id, name, chatgpt_project_id, name_source, conversations, last_activity, provider).
    private func projects(_ h: CommandHarness) throws -> (rows: [[String: String]], summary: String?) {
        let result = try h.run("projects")
        guard case .rows(let rs, let summary)? = result else { throw CocoaError(.coderValueNotFound) }
        return (CommandHarness.rows(result).map { Dictionary(uniqueKeysWithValues: zip(rs.columns.map(\.name), $0)) }, summary)
    }

    @Test func listsEachProjectWithItsConversationsAndLastActivity() throws {
        let h = try CommandHarness()
        let (rows, summary) = try projects(h)
        #expect(summary == "2 projects")
        #expect(rows.map { $0["name"] } == ["Wordpress", "ChatGPT"])
        #expect(rows.map { $0["conversations"] } == ["2", "1"], "the orphan belongs to neither")
        #expect(rows.map { $0["last_activity"] } == ["2024-05-02 09:00", "2023-01-01 08:30"])
        #expect(rows.map { $0["name_source"] } == ["user", "provisional"])
        #expect(rows.map { $0["chatgpt_project_id"] } == ["g-p-695c5d2ac4f481918ad844d64d343add", "g-p-11111111111181911111111111111111"])
        #expect(rows.allSatisfy { $0["provider"] == "chatgpt" })
    }

    @Test func aNewConversationMovesItsProjectToTheTop() throws {
        let h = try CommandHarness()
        try h.run("use ChatGPT")
        try h.run("new Fresh start")
        let rows = try projects(h).rows
        #expect(rows.map { $0["name"] } == ["ChatGPT", "Wordpress"])
        #expect(rows.first?["conversations"] == "2")
        #expect((rows.first?["last_activity"] ?? "") > "2024-05-02 09:00")
    }

    @Test func aRenameShowsWithItsSourceAndAnEmptyProjectComesLast() throws {
        let h = try CommandHarness()
        try h.run("project name ChatGPT Recipes")
        try h.database.connection.query("INSERT INTO projects (id, name, name_source) VALUES (3, 'Empty one', 'provisional')")
        let (rows, summary) = try projects(h)
        #expect(summary == "3 projects")
        #expect(rows.map { $0["name"] } == ["Wordpress", "Recipes", "Empty one"])
        #expect(rows[1]["name_source"] == "user")
        #expect(rows[2]["conversations"] == "0" && rows[2]["last_activity"] == "NULL")
    }

    @Test func anEmptyStoreHasNoProjects() throws {
        let h = try CommandHarness(history: false)
        let (rows, summary) = try projects(h)
        #expect(rows.isEmpty && summary == "0 projects")
    }

    @Test func argumentsAreUsageErrors() throws {
        let h = try CommandHarness()
        #expect(throws: ParseError.self) { try h.run("projects Wordpress") }
        #expect(h.failure("projects --all")?.contains("unknown option '--all'") == true)
        #expect(throws: ParseError.self) { try h.run("projects --provider") }
    }
}
