@testable import ChatBetoImport
import Foundation
import Testing

/// Claude artifacts become documents of the conversation, rebuilt from the tool calls on the visible thread.
@Suite struct ClaudeArtifactsTests {
    static func message(_ id: String, _ sender: String, parent: String, _ blocks: [[String: Any]]) -> [String: Any] {
        ["uuid": id, "sender": sender, "parent_message_uuid": parent, "created_at": "2026-06-01T10:00:00.000000Z", "content": blocks]
    }
    static func tool(_ input: [String: Any], name: String = "artifacts") -> [String: Any] {
        ["type": "tool_use", "name": name, "input": input]
    }

    static var conversation: [String: Any] { [
        "uuid": "a0000000-0000-4000-8000-00000000000a", "name": "Poem", "chat_messages": [
            message("h1", "human", parent: ClaudeConversation.sentinel, [["type": "text", "text": "Write a poem"]]),
            message("r1", "assistant", parent: "h1", [tool(["id": "poem", "type": "text/markdown", "title": "Sea poem", "command": "create",
                                                           "content": "The sea is grey"]), ["type": "text", "text": "Here it is."]]),
            message("h2", "human", parent: "r1", [["type": "text", "text": "Make it blue"]]),
            message("x2", "assistant", parent: "h2", [tool(["id": "poem", "command": "rewrite", "content": "a retry nobody kept"])]),
            message("r2", "assistant", parent: "h2", [tool(["id": "poem", "command": "update", "old_str": "grey", "new_str": "blue"]),
                                                      tool(["id": "poem", "command": "update", "old_str": "not there", "new_str": "x"]),
                                                      tool(["path": "/mnt/user-data/outputs/notes.md", "file_text": "# Notes"], name: "create_file"),
                                                      ["type": "text", "text": "Done."]]),
        ]] }

    @Test func artifactsAreRebuiltFromTheVisibleThreadsChanges() throws {
        let record = try ClaudeConversation.read(Self.conversation).record(contentHash: "t", limits: ImportLimits())
        #expect(record.visible.map(\.nodeID) == ["h1", "r1", "h2", "r2"])
        let poem = try #require(record.documents.first { $0.id == "poem" })
        #expect(poem.content == "The sea is blue" && poem.version == 2 && poem.nodeID == "r2")
        #expect(poem.title == "Sea poem" && poem.type == "text/markdown" && poem.kind == "artifact")
        let file = try #require(record.documents.first { $0.id == "/mnt/user-data/outputs/notes.md" })
        #expect(file.content == "# Notes" && file.title == "notes.md")
        #expect(record.documents.count == 2)
    }
}
