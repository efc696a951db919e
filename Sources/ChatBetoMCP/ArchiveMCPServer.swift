import ChatBetoStore
import ChatBetoSupport
import Foundation
import MCP

/// `chatbeto mcp`: the archive as read-only Model Context Protocol tools and resources over stdio.
/// stdout carries protocol messages only; anything else goes to stderr.
public final class ArchiveMCPServer: Sendable {
    static let resourcePrefix = "chatbeto://conversation/"
    private let service: ArchiveService

    /// Takes over the database connection: from now on only the server's handlers use it.
    public init(database: Database, configuration: MCPConfiguration) {
        service = ArchiveService(database: database, configuration: configuration)
    }

    /// Serves until the client closes stdin.
    public func run() async throws {
        let service = self.service
        let resourcePrefix = ArchiveMCPServer.resourcePrefix
        let server = Server(name: "chatbeto", version: ChatBeto.version,
                            instructions: """
                                The user's ChatGPT history (conversations imported into chatbeto). Search it with 'search', \
                                then read a hit with 'read_conversation' (conversation id, and 'around' = its message id).
                                """,
                            capabilities: .init(resources: .init(subscribe: false, listChanged: false), tools: .init(listChanged: false)))
        await server.withMethodHandler(ListTools.self) { _ in .init(tools: ArchiveTools.all) }
        await server.withMethodHandler(CallTool.self) { params in
            try service.call(params.name, arguments: params.arguments)
        }
        await server.withMethodHandler(ListResources.self) { _ in
            let recent = try service.recentConversations(limit: 200)
            return .init(resources: recent.map { c, messages in
                Resource(name: c.displayTitle, uri: resourcePrefix + c.id,
                         description: "\(messages) message\(messages == 1 ? "" : "s"), updated \(c.updateTime.map { String($0.prefix(10)) } ?? "-")",
                         mimeType: "text/plain")
            })
        }
        await server.withMethodHandler(ListResourceTemplates.self) { _ in
            .init(templates: [Resource.Template(uriTemplate: resourcePrefix + "{id}", name: "conversation",
                                                description: "A conversation's visible thread, by conversation id",
                                                mimeType: "text/plain")])
        }
        await server.withMethodHandler(ReadResource.self) { params in
            guard params.uri.hasPrefix(resourcePrefix), params.uri.count > resourcePrefix.count else {
                throw MCPError.invalidParams("unknown resource '\(params.uri)' (expected \(resourcePrefix)<conversation id>)")
            }
            let id = String(params.uri.dropFirst(resourcePrefix.count))
            do {
                return .init(contents: [.text(try service.conversationText(id: id), uri: params.uri, mimeType: "text/plain")])
            } catch let e as LookupError {
                throw MCPError.invalidParams("\(e)")
            }
        }
        try await server.start(transport: StdioTransport())
        await server.waitUntilCompleted()
    }
}
