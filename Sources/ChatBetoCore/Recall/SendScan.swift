import ChatBetoSupport
import Foundation

/// What `recall` sends passes the same secret review as seeding (`SecretGate`): every message of every
/// passage is listed by conversation and message, then the user redacts, sends as is, or cancels.
///
/// `recall` calls this once, after the user confirmed the cost and before anything is sent. It returns
/// the prompt to send (with placeholders when the user chose to redact) or throws to cancel.
func scanBeforeSending(_ text: String, passages: [RecallPassage], context: CommandContext) throws -> String {
    var outgoing = passages.flatMap { p in
        p.messages.map { SecretGate.Outgoing(conversationID: p.conversationID, nodeID: $0.nodeID, text: $0.text ?? "") }
    }
    // The rest of the prompt (the rules and the question) is scanned too.
    let rest = passages.reduce(text) { $0.replacingOccurrences(of: $1.promptText, with: "") }
    outgoing.append(SecretGate.Outgoing(conversationID: "(this recall)", nodeID: "(the question)", text: rest))
    let before = outgoing
    try SecretGate.review(&outgoing, in: context)
    return outgoing == before ? text : SecretScanner().redact(text)
}
