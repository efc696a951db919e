import ChatBetoCore
import ChatBetoMCP
import ChatBetoOpenAI
import ChatBetoStore
import Foundation

/// `chatbeto mcp [--project NAME]`: opens the archive as the shell would (private server or `--dsn`)
/// and serves it over MCP on stdio. Errors go to stderr; stdout is the protocol's alone.
enum MCPLaunch {
    static func run(options: ShellOptions, arguments: [String]) -> Int32 {
        var project: String?
        var rest = arguments[...]
        while let word = rest.popFirst() {
            switch word {
            case "--project" where !rest.isEmpty: project = rest.popFirst()
            case let w where w.hasPrefix("--project="): project = String(w.dropFirst(10))
            default:
                FileHandle.standardError.write(Data("chatbeto mcp: unknown argument '\(word)'; usage: chatbeto mcp [--project NAME]\n".utf8))
                return 2
            }
        }
        let sink = TerminalSink(options: options)
        do {
            let database = try LiveServices(options: options, output: sink).database()
            var settings = Settings()
            if let json = try SessionStore(connection: database.connection).latestSaved()?.settingsJSON,
               let saved = try? JSONDecoder().decode(Settings.self, from: Data(json.utf8)) { settings = saved }
            if let project { _ = try Catalog(connection: database.connection).findProject(project) }
            let configuration = MCPConfiguration(home: options.home, project: project, embeddingModel: settings.embeddingModel,
                                                 embeddingDimensions: settings.embeddingDimensions,
                                                 openAI: OpenAIConfig.fromEnvironment(options.environment))
            let server = ArchiveMCPServer(database: database, configuration: configuration)
            let done = DispatchSemaphore(value: 0)
            let failure = Failure()
            Task {
                do { try await server.run() } catch { failure.message = "\(error)" }
                done.signal()
            }
            done.wait()
            if let message = failure.message { throw MCPLaunchError(message: message) }
            return 0
        } catch {
            sink.diagnostics("chatbeto mcp: error: \(error)")
            return 3
        }
    }

    private final class Failure: @unchecked Sendable { var message: String? }
}

private struct MCPLaunchError: Error, CustomStringConvertible { let message: String; var description: String { message } }
