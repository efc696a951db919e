import ChatBetoOpenAI
import ChatBetoStore
import ChatBetoSupport
import Foundation

/// One conversation's turns with the model: brings the server copy up to date (asking before
/// seeding), streams the reply to the output sink as it arrives (`ReplyEvent`s), stores both turns in
/// the tree, and offers the fix for the errors that have one (a forgotten server conversation, a
/// too-long context).
public final class ChatSession {
    let context: CommandContext
    let client: OpenAIClient
    /// The model last found usable in `GET /v1/models` (checked on the first turn with each model).
    private var checkedModel: String?
    var output: OutputSink { context.output }

    /// The chat of the context's current conversation; throws when there is none to chat in.
    public init(context: CommandContext) throws {
        self.context = context
        client = try context.openAIClient()
    }

    /// Sends `text` as the next user turn of the current conversation and streams the reply.
    @discardableResult
    public func send(_ text: String) throws -> ResponseResult {
        let conversation = try currentConversation()
        let thread = try context.catalog.visibleThread(conversationID: conversation.id)
        return try turn(conversation, path: thread, userText: text, existingUserNode: nil)
    }

    /// Regenerates the last reply as a sibling of it (the user turn it answers is sent again).
    @discardableResult
    public func retry() throws -> ResponseResult {
        let conversation = try currentConversation()
        let thread = try context.catalog.visibleThread(conversationID: conversation.id)
        guard let u = thread.lastIndex(where: { $0.role == "user" && !$0.isHidden }) else { throw ChatError.nothingToRetry }
        let path = Array(thread[..<u])
        try checkModel(context.model)
        try rewindServer(conversation, to: path, dropping: Array(thread[u...]))
        return try turn(conversation, path: path, userText: thread[u].text ?? "", existingUserNode: thread[u].nodeID)
    }

    /// Brings the server conversation up to `path` (the sync command's unit of work too).
    /// Returns the `conv_…` id, or throws `ChatError.seedingDeclined` when the user says no.
    public func ensureServerConversation(_ conversation: ConversationSummary, path: [StoredMessage],
                                         seedTurns: Int?) throws -> String {
        let store = TurnStore(connection: try context.connection)
        let server = try store.serverThread(conversationID: conversation.id)
        var plan = SeedPlan.make(conversationID: conversation.id, path: path, server: server, seedTurns: seedTurns)
        if case .upToDate = plan.action, let id = server.id { return id }
        if plan.items.count > 2 {
            let verb = plan.action == .create ? "Seeding the new server conversation with" : "Sending the server conversation the missing"
            var question = "\(verb) \(plan.summary(model: context.model))"
            if plan.skippedTurns > 0 { question += "; the \(plan.skippedTurns) older turns are left out (seed-turns \(seedTurns ?? 0))" }
            if context.options.assumeYes { output.diagnostics("note: " + question + ".") }
            if !context.confirm(question + ". Send?") {
                // A long thread: offer its last turns instead of all of them.
                let shorter = ChatSession.shorterSeed
                guard plan.action == .create, plan.turns > shorter,
                      context.confirm("Send only the last \(shorter) turns instead ('set seed-turns N' to choose)?") else {
                    throw ChatError.seedingDeclined
                }
                plan = SeedPlan.make(conversationID: conversation.id, path: path, server: server, seedTurns: shorter)
            }
        }
        var plans = [plan]
        try SecretGate.review(&plans, in: context)
        plan = plans[0]
        let outcome = Seeder.send(plan, client: client, metadata: ["chatbeto_conversation": String(conversation.id.prefix(512))])
        output.progress(.clearStatus)
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
        let store = TurnStore(connection: try context.connection)
        try checkModel(context.model)
        let threadID = try ensureServerConversation(conversation, path: path, seedTurns: seedTurns ?? context.settings.seedTurns)
        let instructions = try conversation.projectID.flatMap { try context.catalog.project(id: $0)?.instructions }
        let model = context.model
        let started = Date()
        let flag = CancellationFlag()
        var printed = false
        let result: ResponseResult
        do {
            result = try flag.raisedOnInterrupt {
                try client.streamResponse(model: model, conversationID: threadID, input: .text(userText),
                                          instructions: instructions?.isEmpty == false ? instructions : nil,
                                          cancellation: flag) { delta in
                    if !printed { output.reply(.started(model: model)) }
                    printed = true
                    output.reply(.delta(delta))
                }
            }
        } catch let error as OpenAIError {
            output.reply(.aborted)
            guard !offered, let retry = try recovery(for: error, conversation: conversation, path: path) else { throw error }
            return try turn(conversation, path: path, userText: userText, existingUserNode: existingUserNode,
                            seedTurns: retry, offered: true)
        }
        if case .failed(let error) = result.status, result.text.isEmpty, !offered,
           let retry = try recovery(for: error, conversation: conversation, path: path) {
            output.reply(.aborted)
            return try turn(conversation, path: path, userText: userText, existingUserNode: existingUserNode,
                            seedTurns: retry, offered: true)
        }
        if result.responseID == nil, result.text.isEmpty, result.status == .cancelled || { if case .interrupted = result.status { return true } else { return false } }() {
            // The server never started a response: nothing to keep, and the next turn starts from the same place.
            output.reply(.aborted)
            context.warn("the reply never started (cancelled or connection lost): nothing was stored; send it again")
            return result
        }
        if result.text.isEmpty, let refusal = result.refusal { output.reply(.refusal(refusal)) }
        if printed || !result.text.isEmpty || result.refusal != nil { output.reply(.ended) }
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
        reply.inputTokens = result.usage?.inputTokens
        reply.outputTokens = result.usage?.outputTokens
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
        context.state.conversation = try context.catalog.conversation(id: conversation.id)
        try context.persistSession()
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
                let cost = ModelPricing.price(for: model).map { $0.cost(inputTokens: u.inputTokens, outputTokens: u.outputTokens) }
                output.reply(.finished(model: model, usage: u, cost: cost))
            }
        case .cancelled:
            context.warn("reply interrupted (Ctrl-C): the partial reply is kept, marked incomplete")
        case .interrupted(let reason):
            context.warn("reply cut short (\(reason)): the partial reply is kept, marked incomplete; 'retry' regenerates it")
        case .incomplete(let reason):
            context.warn("reply incomplete (\(reason ?? "unknown reason")): kept, marked incomplete")
        case .failed(let error):
            context.warn("reply failed: \(error.description) — what arrived is kept, marked incomplete")
        }
    }

    /// For errors with a remedy, asks and returns the seed-turns to re-seed with (`.some(nil)` = all); nil = no remedy.
    private func recovery(for error: OpenAIError, conversation: ConversationSummary, path: [StoredMessage]) throws -> Int?? {
        let store = TurnStore(connection: try context.connection)
        if error.status == 404, (error.endpoint ?? "").contains("conversation") || error.param == "conversation"
            || error.message.lowercased().contains("conversation") {
            context.warn(error.description)
            guard context.confirm("The server no longer knows this conversation. Re-seed it from the local history?") else { return nil }
            try store.setServerThread(conversationID: conversation.id, threadID: nil, seededNode: nil)
            return .some(context.settings.seedTurns)
        }
        if error.code == "context_length_exceeded" {
            let turns = path.filter { $0.role == "user" && !$0.isHidden }.count
            let fewer = max(1, min(turns, context.settings.seedTurns ?? turns) / 2)
            context.warn(error.description)
            guard turns > 1, context.confirm("Re-seed a new server conversation with only the last \(fewer) turns?") else { return nil }
            // The old server copy is of no further use; deleting it is a courtesy, so a failure does not matter.
            if let old = try store.serverThread(conversationID: conversation.id).id { _ = try? client.deleteConversation(id: old) }
            try store.setServerThread(conversationID: conversation.id, threadID: nil, seededNode: nil)
            return .some(fewer)
        }
        return nil
    }

    /// Refuses a model the server does not list or has shut down, once per model and session. A server
    /// without a models list (404) is not checked; other failures (connection, key) are the turn's.
    private func checkModel(_ model: String) throws {
        guard checkedModel != model else { return }
        let listed: [ModelInfo]
        do {
            listed = try client.listModels()
        } catch let error as OpenAIError where error.status == 404 {
            checkedModel = model
            return
        }
        output.progress(.clearStatus)
        if let problem = ModelCheck.problem(model: model, listed: listed, today: ModelCheck.today()) { throw problem }
        checkedModel = model
    }

    private func currentConversation() throws -> ConversationSummary {
        guard let c = context.state.conversation, let fresh = try context.catalog.conversation(id: c.id) else { throw ChatError.noConversation }
        return fresh
    }
}
