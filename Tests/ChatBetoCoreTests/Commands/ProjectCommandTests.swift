import ChatBetoStore
import ChatBetoTestSupport
import Foundation
import Testing
@testable import ChatBetoCore

/// `project name …` and `project instructions …`: what the store holds afterwards and what the session sees.
@Suite struct ProjectCommandTests {
    private func stored(_ h: CommandHarness, id: Int) throws -> (name: String?, source: String?, instructions: String?) {
        let row = try h.database.connection.queryOne("SELECT name, name_source, instructions FROM projects WHERE id = ?", [.int(Int64(id))])
        return (row?.string("name"), row?.string("name_source"), row?.string("instructions"))
    }

    @Test func nameByGizmoIDStoresTheNameAsTheUsers() throws {
        let h = try CommandHarness()
        let result = try h.run("project name g-p-11111111111181911111111111111111 Spanish cooking")
        #expect(CommandHarness.text(result) == "Project 'ChatGPT' is now named 'Spanish cooking'.")
        let after = try stored(h, id: 2)
        #expect(after.name == "Spanish cooking" && after.source == "user")
        #expect(try stored(h, id: 1).name == "Wordpress")
    }

    @Test func renamingTheCurrentProjectRenamesItInTheSessionAndUseFindsTheNewName() throws {
        let h = try CommandHarness()
        try h.run("use Wordpress")
        try h.run("project name Wordpress \"WP plugins\"")
        #expect(h.context.state.project?.name == "WP plugins")
        #expect(h.failure("use Wordpress")?.contains("Wordpress") == true)
        #expect(CommandHarness.text(try h.run("use WP plugins")) == "Using project 'WP plugins'.")
        #expect(CommandHarness.summary(try h.run("conversations")) == "2 conversations in 'WP plugins'")
    }

    @Test func instructionsAreSavedShownAndClearedWithADash() throws {
        let h = try CommandHarness()
        try h.run("use Wordpress")
        #expect(CommandHarness.text(try h.run("project instructions Wordpress")) == "(no instructions)")
        #expect(CommandHarness.text(try h.run("project instructions Wordpress Answer in Spanish.")) == "Instructions of 'Wordpress' saved.")
        #expect(try stored(h, id: 1).instructions == "Answer in Spanish.")
        #expect(h.context.state.project?.instructions == "Answer in Spanish.", "the current project's next turn sends them")
        #expect(CommandHarness.text(try h.run("project instructions Wordpress")) == "Answer in Spanish.")
        #expect(CommandHarness.text(try h.run("project instructions Wordpress -")) == "Instructions of 'Wordpress' cleared.")
        #expect(try stored(h, id: 1).instructions == nil)
        #expect(h.context.state.project?.instructions == nil)
    }

    @Test func instructionsOfAnotherProjectLeaveTheCurrentOneAlone() throws {
        let h = try CommandHarness()
        try h.run("use Wordpress")
        try h.run("project instructions ChatGPT Be brief.")
        #expect(try stored(h, id: 2).instructions == "Be brief.")
        #expect(h.context.state.project?.instructions == nil)
    }

    @Test func badNamesAndMissingWordsAreUsageErrorsThatChangeNothing() throws {
        let h = try CommandHarness()
        let long = String(repeating: "x", count: 256)
        for line in ["project", "project frob Wordpress", "project name Wordpress", "project name", "project instructions",
                     "project name Wordpress \"   \"", "project name Wordpress \(long)", "project name Wordpress New --force"] {
            #expect(throws: ParseError.self, "\(line)") { try h.run(line) }
        }
        #expect(h.failure("project frob Wordpress")?.contains("unknown action 'frob'") == true)
        #expect(h.failure("project name Wordpress \(long)")?.contains("1–255 characters") == true)
        #expect(try stored(h, id: 1).name == "Wordpress")
        try h.run("project name Wordpress \(String(repeating: "y", count: 255))")
        #expect(try stored(h, id: 1).name?.count == 255)
    }

    @Test func anUnknownOrAmbiguousProjectIsNamed() throws {
        let h = try CommandHarness()
        #expect(h.failure("project name Nowhere Else")?.contains("'Nowhere'") == true)
        let ambiguous = h.failure("project instructions g-p- Hi")
        #expect(ambiguous?.contains("matches several projects") == true)
        #expect(ambiguous?.contains("Wordpress") == true && ambiguous?.contains("ChatGPT") == true)
        #expect(try stored(h, id: 1).instructions == nil && stored(h, id: 2).instructions == nil)
    }
}
