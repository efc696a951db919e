import ChatBetoStore
import ChatBetoTestSupport
import Foundation
import Testing
@testable import ChatBetoCore

/// `export`: a conversation as Markdown, HTML or ChatGPT-shaped JSON (on stdout or to a file), a project
/// to a folder with an index; what it writes after `project` renames and `sql` moves.
@Suite struct ExportCommandTests {
    @Test func markdownOnStdoutIsTheVisibleThreadAndAllBranchesAddsTheRegeneration() throws {
        let h = try CommandHarness()
        let result = try h.run("export \(SmallHistory.pluginFix)")
        guard case .document(let text, let data)? = result else { Issue.record("no document: \(String(describing: result))"); return }
        #expect(data == nil)
        #expect(text.hasPrefix("# Plugin fix\n\n- Conversation: `\(SmallHistory.pluginFix)`\n- Project: Wordpress\n- Created: 2024-05-01 10:00:00 UTC\n"))
        let sections = text.components(separatedBy: "\n### ").dropFirst().map { $0.prefix { $0 != "\n" } }
        #expect(sections == ["User · 2024-05-01 10:00", "Assistant · 2024-05-01 10:00", "User · 2024-05-01 10:00"])
        #expect(text.contains("My plugin breaks on save") && text.contains("Check the save_post hook.") && text.contains("Thanks, fixed!"))
        #expect(!text.contains("First answer (regenerated)"))
        let all = CommandHarness.text(try h.run("export \(SmallHistory.pluginFix) --all-branches"))
        #expect(all.contains("First answer (regenerated)"))
        #expect(all.contains("Assistant · 2024-05-01 10:00 · other branch"))
    }

    @Test func jsonCarriesTheWholeTreeInChatGPTsShape() throws {
        let h = try CommandHarness()
        let text = CommandHarness.text(try h.run("export \(SmallHistory.pluginFix) --format json"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["id"] as? String == SmallHistory.pluginFix && object["title"] as? String == "Plugin fix")
        #expect(object["current_node"] as? String == "n4")
        let mapping = try #require(object["mapping"] as? [String: [String: Any]])
        #expect(Set(mapping.keys) == ["n0", "n1", "n2", "n3", "n4"], "JSON always keeps every branch")
        #expect(mapping["n1"]?["children"] as? [String] == ["n2", "n3"])
        #expect(mapping["n4"]?["parent"] as? String == "n3")
    }

    @Test func outWritesTheFileAndSaysSo() throws {
        let h = try CommandHarness()
        let folder = try TemporaryFolder("export")
        let stdout = CommandHarness.text(try h.run("export \(SmallHistory.cronJobs) --format html"))
        #expect(stdout.hasPrefix("<!DOCTYPE html>") && stdout.contains("DISABLE_WP_CRON"))
        let message = CommandHarness.text(try h.run("export \(SmallHistory.cronJobs) --format html --out \(folder.path("cron.html"))"))
        #expect(message == "wrote Cron jobs to \(folder.path("cron.html"))")
        #expect(try folder.read("cron.html") == stdout)
    }

    @Test func withoutATargetItIsTheCurrentConversationOrARowOfTheLastListing() throws {
        let h = try CommandHarness()
        #expect(h.failure("export")?.contains("no current conversation") == true)
        try h.run("open \(SmallHistory.cronJobs)")
        #expect(CommandHarness.text(try h.run("export")).hasPrefix("# Cron jobs\n"))
        try h.run("conversations --all")
        #expect(CommandHarness.text(try h.run("export 3")).hasPrefix("# Café ñandú 🥘\n"))
        #expect(h.failure("export 9")?.contains("the last listing has 4 rows") == true)
    }

    @Test func aProjectGoesToAFolderWithOneFilePerConversationAndAnIndex() throws {
        let h = try CommandHarness()
        let folder = try TemporaryFolder("export")
        let message = CommandHarness.text(try h.run("export Wordpress --out \(folder.path("wp"))"))
        #expect(message == "wrote 2 conversations of 'Wordpress' and an index to \(folder.path("wp"))")
        #expect(try folder.files(in: "wp") == ["2024-03-01-cron-jobs-aaaa1111.md", "2024-05-01-plugin-fix-aaaa1111.md", "index.md"])
        #expect(try folder.read("wp/index.md") == """
            # Wordpress

            - 2024-03-01 [Cron jobs](2024-03-01-cron-jobs-aaaa1111.md)
            - 2024-05-01 [Plugin fix](2024-05-01-plugin-fix-aaaa1111.md)

            """)
        #expect(try folder.read("wp/2024-05-01-plugin-fix-aaaa1111.md") == CommandHarness.text(try h.run("export \(SmallHistory.pluginFix)")))
    }

    @Test func afterARenameAndAMoveTheExportFollowsTheStore() throws {
        let h = try CommandHarness()
        let folder = try TemporaryFolder("export")
        try h.run("project name Wordpress \"WP plugins\"")
        try h.run("set sql-write on")
        try h.run("UPDATE conversations SET project_id = 2 WHERE id = '\(SmallHistory.cronJobs)'")
        #expect(throws: LookupError.self) { try h.run("export Wordpress --out \(folder.path("old"))") }
        #expect(!FileManager.default.fileExists(atPath: folder.path("old")))
        let message = CommandHarness.text(try h.run("export WP plugins --format json --out \(folder.path("wp"))"))
        #expect(message.hasPrefix("wrote 1 conversation of 'WP plugins' and an index"))
        #expect(try folder.files(in: "wp") == ["2024-05-01-plugin-fix-aaaa1111.json", "index.json"])
        try h.run("export ChatGPT --out \(folder.path("moved"))")
        #expect(try folder.files(in: "moved") == ["2023-01-01-cafe-nandu-bbbb2222.md", "2024-03-01-cron-jobs-aaaa1111.md", "index.md"])
        #expect(try folder.read("moved/2024-03-01-cron-jobs-aaaa1111.md").contains("\n- Project: ChatGPT\n"))
        #expect(try folder.read("moved/index.md").hasPrefix("# ChatGPT\n"))
        #expect(CommandHarness.text(try h.run("export \(SmallHistory.pluginFix)")).contains("\n- Project: WP plugins\n"))
    }

    @Test func aFolderThatCannotBeMadeIsNamedAndNothingIsWritten() throws {
        let h = try CommandHarness()
        let folder = try TemporaryFolder("export")
        try Data("a file".utf8).write(to: folder.url.appendingPathComponent("taken"))
        let error = h.failure("export Wordpress --out \(folder.path("taken/wp"))")
        #expect(error?.hasPrefix("export: \(folder.path("taken/wp"))") == true, "\(error ?? "no error")")
        #expect(h.failure("export \(SmallHistory.pluginFix) --out \(folder.path("taken/one.md"))")?.contains(folder.path("taken/one.md")) == true)
        #expect(try folder.files() == ["taken"])
    }

    @Test func badArgumentsAreUsageErrors() throws {
        let h = try CommandHarness()
        #expect(h.failure("export \(SmallHistory.pluginFix) --format pdf")?.contains("--format takes markdown, html or json, not 'pdf'") == true)
        #expect(h.failure("export \(SmallHistory.pluginFix) --images-from export.zip")?.contains("--images-from is for --format html") == true)
        for line in ["export \(SmallHistory.pluginFix) --out", "export \(SmallHistory.pluginFix) --branches", "export \(SmallHistory.pluginFix) --format"] {
            #expect(throws: ParseError.self, "\(line)") { try h.run(line) }
        }
        #expect(CommandHarness.text(try h.run("export \(SmallHistory.pluginFix) --format md")).hasPrefix("# Plugin fix"))
        #expect(h.failure("export Nowhere")?.contains("'Nowhere'") == true)
    }
}
