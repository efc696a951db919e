import ChatBetoOpenAI
import ChatBetoRender
import ChatBetoStore
import ChatBetoSupport
import Foundation

/// One conversation's turns with the model: brings the server copy up to date (asking before
/// seeding), streams the reply to the terminal as it arrives, stores both turns in the tree, and
/// offers the fix for the errors that have one (a forgotten server conversation, a too-long context).
public final class ChatSession {
    let shell: Shell
    let client: OpenAIClient

    public init(shell: Shell) throws {
        self.shell = shell
        client = try shell.openAIClient()
    }

    /// Sends `text` as the next user turn of the current conversation and streams the reply.
    @discardableResult
    public func send(_ text: String) throws -> ResponseResult {
        let conversation = try currentConversation()
        let thread = try shell.catalog.visibleThread(conversationID: conversation.id)
        return try turn(conversation, path: thread, userText: text, existingUserNode: nil)
    }

    /// Regenerates the last reply as a sibling of it (the user turn it answers is sent again).
    @discardableResult
    public func retry() throws -> ResponseResult {
        let conversation = try currentConversation()
        let thread = try shell.catalog.visibleThread(conversationID: conversation.id)
        guard let u = thread.lastIndex(where: { $0.role == "user" && !$0.isHidden }) else { throw ChatError.nothingToRetry }
        return try turn(conversation, path: Array(thread[..<u]), userText: thread[u].text ?? "", existingUserNode: thread[u].nodeID)
    }

    /// Brings the server conversation up to `path` (the sync command's unit of work too).
    /// Returns the `conv_…` id, or throws `ChatError.seedingDeclined` when the user says no.
    public func ensureServerConversation(_ conversation: ConversationSummary, path: [StoredMessage],
                                         seedTurns: Int?) throws -> String {
        let store = TurnStore(connection: try shell.connection)
        let server = try store.serverThread(conversationID: conversation.id)
        var plan = SeedPlan.make(conversationID: conversation.id, path: path, server: server, seedTurns: seedTurns)
        if case .upToDate = plan.action, let id = server.id { return id }
        if plan.items.count > 2 {
            let verb = plan.action == .create ? "Seeding the new server conversation with" : "Sending the server conversation the missing"
            var question = "\(verb) \(plan.summary(model: shell.model))"
            if plan.skippedTurns > 0 { question += "; the \(plan.skippedTurns) older turns are left out (seed-turns \(seedTurns ?? 0))" }
            if shell.options.assumeYes { shell.console.writeError("note: " + question + ".\n") }
            if !shell.confirm(question + ". Send?") {
                // A long thread: offer its last turns instead of all of them.
                let shorter = ChatSession.shorterSeed
                guard plan.action == .create, plan.turns > shorter,
                      shell.confirm("Send only the last \(shorter) turns instead ('set seed-turns N' to choose)?") else {
                    throw ChatError.seedingDeclined
                }
                plan = SeedPlan.make(conversationID: conversation.id, path: path, server: server, seedTurns: shorter)
            }
        }
        let outcome = Seeder.send(plan, client: client, metadata: ["chatbeto_conversation": String(conversation.id.prefix(512))])
        shell.clearStatusLine()
        try Seeder.record(outcome, plan: plan, store: store)
        if let error = outcome.error {
            if outcome.sentItems == 0 { throw error }
            throw ChatError.seedingFailed(conversation: conversation.id, sent: outcome.sentItems, total: plan.items.count,
                                          underlying: REPL.message(for: error))
        }
        guard let id = outcome.threadID ?? server.id else { throw ChatError.noConversation }
        return id
    }

    /// The number of turns offered when the user declines seeding a long thread whole.
    static let shorterSeed = 20

    // MARK: - the turn

    private func turn(_ conversation: ConversationSummary, path: [StoredMessage], userText: String,
                      existingUserNode: String?, seedTurns: Int?? = nil, offered: Bool = false) throws -> ResponseResult {
        let store = TurnStore(connection: try shell.connection)
        let threadID = try ensureServerConversation(conversation, path: path, seedTurns: seedTurns ?? shell.settings.seedTurns)
        let instructions = try conversation.projectID.flatMap { try shell.catalog.project(id: $0)?.instructions }
        let model = shell.model
        let started = Date()
        let flag = CancellationFlag()
        var printed = false
        let result: ResponseResult
        do {
            result = try flag.raisedOnInterrupt {
                try client.streamResponse(model: model, conversationID: threadID, input: .text(userText),
                                          instructions: instructions?.isEmpty == false ? instructions : nil,
                                          cancellation: flag) { delta in
                    if !printed {
                        shell.clearStatusLine()
                        if shell.canChat { shell.console.write(shell.colors.dim("\(model) › ")) }
                    }
                    printed = true
                    shell.console.write(CellText.multiLine(delta))
                }
            }
        } catch let error as OpenAIError {
            shell.clearStatusLine()
            if shell.canChat { shell.console.write("\n") }
            guard !offered, let retry = try recovery(for: error, conversation: conversation, path: path) else { throw error }
            return try turn(conversation, path: path, userText: userText, existingUserNode: existingUserNode,
                            seedTurns: retry, offered: true)
        }
        if case .failed(let error) = result.status, result.text.isEmpty, !offered,
           let retry = try recovery(for: error, conversation: conversation, path: path) {
            if shell.canChat { shell.console.write("\n") }
            return try turn(conversation, path: path, userText: userText, existingUserNode: existingUserNode,
                            seedTurns: retry, offered: true)
        }
        if result.responseID == nil, result.text.isEmpty, result.status == .cancelled || { if case .interrupted = result.status { return true } else { return false } }() {
            // The server never started a response: nothing to keep, and the next turn starts from the same place.
            shell.clearStatusLine()
            if shell.canChat { shell.console.write("\n") }
            shell.warn("the reply never started (cancelled or connection lost): nothing was stored; send it again")
            return result
        }
        if result.text.isEmpty, let refusal = result.refusal { shell.console.write(CellText.multiLine(refusal)) }
        if printed || !result.text.isEmpty || result.refusal != nil { shell.console.write(result.text.hasSuffix("\n") ? "" : "\n") }
        try record(result, userText: userText, existingUserNode: existingUserNode, parent: path.last?.nodeID,
                  conversation: conversation, model: model, started: started, into: store)
        report(result, model: model)
        return result
    }

    /// Stores the user turn (unless it exists) and the reply, and moves the server watermark.
    private func record(_ result: ResponseResult, userText: String, existingUserNode: String?, parent: String?,
                       conversation: ConversationSummary, model: String, started: Date, into store: TurnStore) throws {
        var reply = NewMessage(role: "assistant", text: result.text.isEmpty ? (result.refusal ?? "") : result.text, model: model)
        reply.responseID = result.responseID
        reply.usage = result.usage
        reply.isIncomplete = !result.isComplete
        reply.status = ChatSession.statusText(result.status)
        var messages = [reply]
        var user = NewMessage(role: "user", text: userText, model: nil)
        user.time = started
        if existingUserNode == nil { messages.insert(user, at: 0) }
        try store.connection.transaction {
            let ids = try store.append(messages, conversationID: conversation.id, parent: existingUserNode ?? parent)
            // Once the server created the response, it holds the input and the (possibly partial) reply.
            if result.responseID != nil {
                let server = try store.serverThread(conversationID: conversation.id)
                try store.setServerThread(conversationID: conversation.id, threadID: server.id, seededNode: ids.last)
            }
        }
        shell.state.conversation = try shell.catalog.conversation(id: conversation.id)
        try shell.persistSession()
    }

    static func statusText(_ status: ResponseStatus) -> String {
        switch status {
        case .completed: return "finished_successfully"
        case .incomplete: return "incomplete"
        case .failed: return "failed"
        case .cancelled: return "cancelled"
        case .interrupted: return "interrupted"
        }
    }

    private func report(_ result: ResponseResult, model: String) {
        switch result.status {
        case .completed:
            if let u = result.usage {
                var line = "\(model) · \(u.inputTokens) in / \(u.outputTokens) out tokens"
                if let p = ModelPricing.price(for: model) { line += String(format: " · $%.4f", p.cost(inputTokens: u.inputTokens, outputTokens: u.outputTokens)) }
                shell.note(line)
            }
        case .cancelled:
            shell.warn("reply interrupted (Ctrl-C): the partial reply is kept, marked incomplete")
        case .interrupted(let reason):
            shell.warn("reply cut short (\(reason)): the partial reply is kept, marked incomplete; 'retry' regenerates it")
        case .incomplete(let reason):
            shell.warn("reply incomplete (\(reason ?? "unknown reason")): kept, marked incomplete")
        case .failed(let error):
            shell.warn("reply failed: \(error.description) — what arrived is kept, marked incomplete")
        }
    }

    /// For errors with a remedy, asks and returns the seed-turns to re-seed with (`.some(nil)` = all); nil = no remedy.
    private func recovery(for error: OpenAIError, conversation: ConversationSummary, path: [StoredMessage]) throws -> Int?? {
        let store = TurnStore(connection: try shell.connection)
        if error.status == 404, (error.endpoint ?? "").contains("conversation") || error.param == "conversation"
            || error.message.lowercased().contains("conversation") {
            shell.warn(error.description)
            guard shell.confirm("The server no longer knows this conversation. Re-seed it from the local history?") else { return nil }
            try store.setServerThread(conversationID: conversation.id, threadID: nil, seededNode: nil)
            return .some(shell.settings.seedTurns)
        }
        if error.code == "context_length_exceeded" {
            let turns = path.filter { $0.role == "user" && !$0.isHidden }.count
            let fewer = max(1, min(turns, shell.settings.seedTurns ?? turns) / 2)
            shell.warn(error.description)
            guard turns > 1, shell.confirm("Re-seed a new server conversation with only the last \(fewer) turns?") else { return nil }
            // The old server copy is of no further use; deleting it is a courtesy, so a failure does not matter.
            if let old = try store.serverThread(conversationID: conversation.id).id { _ = try? client.deleteConversation(id: old) }
            try store.setServerThread(conversationID: conversation.id, threadID: nil, seededNode: nil)
            return .some(fewer)
        }
        return nil
    }

    private func currentConversation() throws -> ConversationSummary {
        guard let c = shell.state.conversation, let fresh = try shell.catalog.conversation(id: c.id) else { throw ChatError.noConversation }
        return fresh
    }
}
