@testable import ChatBetoExport
@testable import ChatBetoStore
import ChatBetoTestSupport
import Foundation
import Testing

/// The JSON export of a conversation is in the ChatGPT export shape: importing it again gives the same thread.
@Suite struct ExportRoundTripTests {
    func thread(_ c: MySQLConnection, _ id: String, visibleOnly: Bool) throws -> [[SQLValue]] {
        try c.query("""
            SELECT node_id, parent_node_id, role, content_type, text, create_time, is_hidden, on_visible_path, visible_index
            FROM messages WHERE conversation_id = ? AND (? = 0 OR on_visible_path = 1) ORDER BY node_id
            """, [.text(id), .int(visibleOnly ? 1 : 0)]).rows
    }

    @Test func jsonExportReimportsToTheSameThread() throws {
        let dsn = try Binary.freshDSN()
        let imported = try Binary.run(["--dsn", dsn, "import", "--demo"])
        #expect(imported.status == 0, "\(imported.stderr)")
        // The conversation with the most nodes off the visible path (branches), to make the round trip count.
        let source = try Binary.connection(dsn: dsn)
        let id = try #require(try source.execute("""
            SELECT conversation_id FROM messages GROUP BY conversation_id
            ORDER BY SUM(on_visible_path = 0) DESC, COUNT(*) DESC, conversation_id LIMIT 1
            """).rows.first?.first?.textValue)

        for branches in [false, true] {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("rt-\(UUID().uuidString.prefix(8)).json")
            var args = ["--dsn", dsn, "export", id, "--format", "json", "--out", file.path]
            if branches { args.append("--all-branches") }
            let exported = try Binary.run(args)
            #expect(exported.status == 0, "\(exported.stderr)")

            let target = try Binary.freshDSN()
            let again = try Binary.run(["--dsn", target, "import", file.path])
            #expect(again.status == 0, "\(again.stderr)")
            let copy = try Binary.connection(dsn: target)
            // The visible thread always survives; with --all-branches the whole tree does.
            #expect(try thread(copy, id, visibleOnly: true) == thread(source, id, visibleOnly: true))
            if branches {
                #expect(try thread(copy, id, visibleOnly: false) == thread(source, id, visibleOnly: false))
            }
            let show = try Binary.run(["--dsn", target, "show", id])
            let original = try Binary.run(["--dsn", dsn, "show", id])
            // Same transcript. Not compared: the header (it names the project, whose provisional name depends on
            // its conversations) and image lines (a lone JSON file has no asset files to resolve pointers to).
            func transcript(_ s: String) -> [Substring] {
                s.split(separator: "\n").dropFirst(2).filter { !$0.hasPrefix("[image") }
            }
            #expect(transcript(show.stdout) == transcript(original.stdout))
        }
    }
}
