import ChatBetoSearch
import MCP

/// One tool call with its arguments checked and defaulted (pure: no database).
enum ToolRequest {
    case search(query: String, mode: HybridSearch.Mode, project: String?, all: Bool, since: String?, role: String?, limit: Int)
    case read(conversation: String, around: String?, window: Int, limit: Int)
    case listProjects
    case listConversations(project: String?, all: Bool, since: String?, limit: Int)
    case sql(statement: String, maxRows: Int)
    case stats

    init(name: String, args: ToolArguments) throws {
        switch name {
        case ArchiveTools.search:
            let mode = try args.choice("mode", of: HybridSearch.Mode.allCases.map(\.rawValue)).flatMap(HybridSearch.Mode.init) ?? .fullText
            self = .search(query: try args.requiredString("query"), mode: mode, project: try args.string("project"),
                           all: try args.bool("all"), since: try args.date("since"),
                           role: try args.choice("role", of: ["user", "assistant", "tool", "system"]),
                           limit: try args.int("limit", range: 1...100) ?? 10)
        case ArchiveTools.readConversation:
            self = .read(conversation: try args.requiredString("conversation"), around: try args.string("around"),
                         window: try args.int("window", range: 0...50) ?? 3, limit: try args.int("limit", range: 1...2000) ?? 200)
        case ArchiveTools.listProjects:
            self = .listProjects
        case ArchiveTools.listConversations:
            self = .listConversations(project: try args.string("project"), all: try args.bool("all"),
                                      since: try args.date("since"), limit: try args.int("limit", range: 1...1000) ?? 50)
        case ArchiveTools.sql:
            self = .sql(statement: try args.requiredString("query"), maxRows: try args.int("max_rows", range: 1...10000) ?? 200)
        case ArchiveTools.stats:
            self = .stats
        default:
            throw MCPError.invalidParams("unknown tool '\(name)'")
        }
    }
}
