import Foundation

/// What ChatGPT shows beside the messages, rebuilt from the tool traffic of a full-format export
///: canvas documents (created, then changed by the updates the tool confirmed,
/// on the visible thread only) and deep-research reports (the widget state's report becomes the
/// assistant's message; a kickoff without any report is recorded as a document without content).
struct ChatGPTDocuments {
    private(set) var documents: [ConversationRecord.Document] = []

    /// Reads `messages` (node id → message object) along `path`; fills report text into `rows` (tree order).
    init(rows: inout [ConversationRecord.Message], messages: [String: [String: Any]], path: [String]) {
        var index: [String: Int] = [:]
        for (i, r) in rows.enumerated() { index[r.nodeID] = i }
        documents = ChatGPTDocuments.canvases(rows: rows, index: index, messages: messages, path: path)
        documents += ChatGPTDocuments.research(rows: &rows, index: index, messages: messages, path: path)
    }

    // MARK: canvas

    private static func canvases(rows: [ConversationRecord.Message], index: [String: Int], messages: [String: [String: Any]],
                                 path: [String]) -> [ConversationRecord.Document] {
        var docs: [String: ConversationRecord.Document] = [:]
        var order: [String] = []
        var pending: (recipient: String, payload: [String: Any])?
        var lastChange: [String: Int] = [:]  // document → position on the path of its last confirmed change
        for (position, node) in path.enumerated() {
            guard let m = messages[node] else { continue }
            let role = JSONAccess.string(JSONAccess.object(m["author"])?["role"])
            let recipient = JSONAccess.string(m["recipient"]) ?? ""
            if role == "assistant", recipient.hasPrefix("canmore.") {
                pending = JSONAccess.object(jsonText(m)).map { (recipient, $0) }
                continue
            }
            let author = JSONAccess.string(JSONAccess.object(m["author"])?["name"]) ?? ""
            guard role == "tool", author.hasPrefix("canmore."), let call = pending, call.recipient == author else { continue }
            pending = nil
            let ack = plainText(m)
            let canvas = JSONAccess.object(JSONAccess.object(m["metadata"])?["canvas"])
            let id = JSONAccess.string(canvas?["textdoc_id"]) ?? textdocID(in: ack) ?? (order.count == 1 ? order[0] : nil)
            guard let id, ack.contains("Successfully") else { continue }  // a failed call changes nothing
            switch author {
            case "canmore.create_textdoc":
                guard let content = JSONAccess.string(call.payload["content"]) else { continue }
                if docs[id] == nil { order.append(id) }
                docs[id] = ConversationRecord.Document(id: String(id.prefix(64)), kind: "canvas",
                                                       title: JSONAccess.string(call.payload["name"]) ?? JSONAccess.string(canvas?["title"]),
                                                       type: JSONAccess.string(call.payload["type"]) ?? JSONAccess.string(canvas?["textdoc_type"]),
                                                       nodeID: nil, version: 1, content: content)
                lastChange[id] = position
            case "canmore.update_textdoc":
                guard var doc = docs[id], var text = doc.content else { continue }
                for case let update as [String: Any] in JSONAccess.array(call.payload["updates"]) ?? [] {
                    guard let pattern = JSONAccess.string(update["pattern"]), let replacement = JSONAccess.string(update["replacement"]),
                          let next = CanvasUpdate.apply(pattern: pattern, replacement: replacement,
                                                        multiple: JSONAccess.bool(update["multiple"]) ?? false, to: text) else { break }
                    text = next
                }
                doc.content = text
                doc.version = (doc.version ?? 1) + 1
                docs[id] = doc
                lastChange[id] = position
            default:
                continue  // comments change no text
            }
        }
        return order.compactMap { id in
            guard var doc = docs[id] else { return nil }
            doc.nodeID = anchor(after: lastChange[id] ?? 0, path: path, rows: rows, index: index)
            return doc
        }
    }

    /// The code payload of a tool call: `content.text`, or a JSON string (or object) in `parts[0]`.
    private static func jsonText(_ m: [String: Any]) -> Any? {
        let content = JSONAccess.object(m["content"])
        if let text = JSONAccess.string(content?["text"]) { return try? JSONSerialization.jsonObject(with: Data(text.utf8)) }
        guard let first = JSONAccess.array(content?["parts"])?.first else { return nil }
        if let text = first as? String { return try? JSONSerialization.jsonObject(with: Data(text.utf8)) }
        return first
    }

    private static func plainText(_ m: [String: Any]) -> String {
        let content = JSONAccess.object(m["content"])
        return JSONAccess.string(content?["text"]) ?? (JSONAccess.array(content?["parts"]) ?? []).compactMap { $0 as? String }.joined()
    }

    private static func textdocID(in ack: String) -> String? {
        guard let r = ack.range(of: #"textdoc_id[:'" ]+([0-9A-Za-z_-]+)"#, options: .regularExpression) else { return nil }
        let match = String(ack[r])
        return match.split(whereSeparator: { $0 == "'" || $0 == "\"" || $0 == ":" || $0 == " " }).last.map(String.init)
    }

    /// The first visible message at or after `position` on the path (where ChatGPT shows the result),
    /// else the last visible one before it.
    private static func anchor(after position: Int, path: [String], rows: [ConversationRecord.Message], index: [String: Int]) -> String? {
        let visible = { (node: String) in index[node].map { !rows[$0].isHidden } ?? false }
        if let after = path[min(position, path.count)...].first(where: visible) { return after }
        return path[..<min(position, path.count)].last(where: visible)
    }

    // MARK: deep research

    private static let widgetPrefix = "The latest state of the widget is: "

    private static func research(rows: inout [ConversationRecord.Message], index: [String: Int], messages: [String: [String: Any]],
                                 path: [String]) -> [ConversationRecord.Document] {
        var kickoff: (position: Int, id: String, title: String?)?
        var carried = false
        var widgetTool: (row: Int, report: String)?
        for (position, node) in path.enumerated() {
            guard let m = messages[node], let i = index[node] else { continue }
            let metadata = JSONAccess.object(m["metadata"])
            let recipient = JSONAccess.string(m["recipient"]) ?? ""
            if recipient.hasPrefix("research_kickoff_tool.start_research_task")
                || ["research", "deep_research"].contains(JSONAccess.string(metadata?["async_task_type"]) ?? "") {
                if kickoff == nil {
                    let payload = JSONAccess.object(jsonText(m))
                    kickoff = (position, JSONAccess.string(metadata?["async_task_id"]) ?? "research-\(node)",
                               JSONAccess.string(payload?["title"]))
                } else if let id = JSONAccess.string(metadata?["async_task_id"]), kickoff!.id.hasPrefix("research-") {
                    kickoff!.id = id
                }
            }
            let sdk = JSONAccess.object(metadata?["chatgpt_sdk"])
            if let state = sdk?["widget_state"] ?? metadata?["venus_widget_state"], let report = report(in: state) {
                rows[i].text = report
                if rows[i].role == "assistant" { rows[i].isHidden = false; carried = true }
            } else if plainText(m).hasPrefix(widgetPrefix), let report = report(in: String(plainText(m).dropFirst(widgetPrefix.count))) {
                widgetTool = (i, report)
            }
        }
        // Only the hidden tool message has the report: it is shown as the assistant's message.
        if !carried, let (i, report) = widgetTool {
            rows[i].text = report
            rows[i].role = "assistant"
            rows[i].isHidden = false
            carried = true
        }
        guard let kickoff, !carried else { return [] }
        return [ConversationRecord.Document(id: String(kickoff.id.prefix(64)), kind: "deep_research", title: kickoff.title, type: nil,
                                            nodeID: anchor(after: kickoff.position, path: path, rows: rows, index: index),
                                            version: nil, content: nil)]
    }

    /// The report of a completed widget state (a JSON string or object).
    private static func report(in state: Any) -> String? {
        let object: [String: Any]?
        if let s = state as? String { object = (try? JSONSerialization.jsonObject(with: Data(s.utf8))) as? [String: Any] } else {
            object = state as? [String: Any]
        }
        guard let object, JSONAccess.string(object["status"]) == "completed",
              let parts = JSONAccess.array(JSONAccess.object(JSONAccess.object(object["report_message"])?["content"])?["parts"]) else { return nil }
        let text = parts.compactMap { $0 as? String }.joined()
        return text.isEmpty ? nil : text
    }
}
