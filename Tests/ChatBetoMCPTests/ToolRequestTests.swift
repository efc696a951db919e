import MCP
import Testing
@testable import ChatBetoMCP

@Suite struct ToolRequestTests {
    private func request(_ tool: String, _ arguments: [String: Value]) throws -> ToolRequest {
        let args = try ToolArguments(tool: tool, values: arguments, allowed: ArchiveTools.argumentNames(tool) ?? [])
        return try ToolRequest(name: tool, args: args)
    }

    private func invalidParams(_ tool: String, _ arguments: [String: Value]) -> String? {
        do { _ = try request(tool, arguments); return nil } catch let e as MCPError {
            guard case .invalidParams(let message) = e else { return "wrong error \(e)" }
            return message
        } catch { return "wrong error \(error)" }
    }

    @Test func searchDefaultsAndChecksEachArgument() throws {
        guard case let .search(query, mode, project, all, since, role, limit) = try request("search", ["query": "zorblatt"]) else {
            Issue.record("not a search"); return
        }
        #expect(query == "zorblatt" && mode == .fullText && project == nil && !all && since == nil && role == nil && limit == 10)
        guard case let .search(_, mode2, _, all2, since2, _, limit2) = try request("search", [
            "query": "x y", "mode": "hybrid", "all": true, "since": "2024-05-01T10:00", "limit": 5.0,
        ]) else { Issue.record("not a search"); return }
        #expect(mode2 == .hybrid && all2 && since2 == "2024-05-01 10:00" && limit2 == 5)

        #expect(invalidParams("search", [:])?.contains("missing required argument 'query'") == true)
        #expect(invalidParams("search", ["query": 3])?.contains("'query' must be a string") == true)
        #expect(invalidParams("search", ["query": "a", "limit": 101])?.contains("between 1 and 100") == true)
        #expect(invalidParams("search", ["query": "a", "mode": "psychic"])?.contains("one of full-text, semantic, hybrid") == true)
        #expect(invalidParams("search", ["query": "a", "since": "yesterday"])?.contains("date like 2024-05-01") == true)
        #expect(invalidParams("search", ["query": "a", "colour": "red"])?.contains("unknown argument 'colour'") == true)
    }

    @Test func everyToolHasADescriptionAndAnObjectSchema() {
        for tool in ArchiveTools.all {
            #expect(tool.description?.isEmpty == false, "\(tool.name)")
            guard case .object(let schema) = tool.inputSchema else { Issue.record("\(tool.name): no schema"); continue }
            #expect(schema["type"] == "object", "\(tool.name)")
            #expect(ArchiveTools.argumentNames(tool.name) != nil)
        }
        #expect(ArchiveTools.argumentNames("nope") == nil)
    }

    @Test func readAndSQLArguments() throws {
        guard case let .read(conversation, around, window, limit) = try request("read_conversation", ["conversation": "c000", "around": "m2"]) else {
            Issue.record("not a read"); return
        }
        #expect(conversation == "c000" && around == "m2" && window == 3 && limit == 200)
        #expect(invalidParams("read_conversation", ["conversation": "  "]) != nil)
        #expect(invalidParams("sql", ["query": "SELECT 1", "max_rows": 0]) != nil)
        guard case .sql(let statement, let rows) = try request("sql", ["query": "SELECT 1"]) else { Issue.record("not sql"); return }
        #expect(statement == "SELECT 1" && rows == 200)
    }
}
