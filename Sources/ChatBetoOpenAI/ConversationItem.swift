/// One item of a server-side conversation, reduced to what a text client needs.
public struct ConversationItem: Sendable, Equatable {
    /// `msg_…`, `rs_…`, …
    public var id: String
    /// `message`, `reasoning`, tool item types, …
    public var type: String
    /// For messages: `user`, `assistant`, `system`, `developer`, or other roles the API may report.
    public var role: String?
    /// Concatenated text parts (`input_text`, `output_text`, `text`, `refusal`…); empty for non-messages.
    public var text: String
    /// Item status (`completed`, `in_progress`, `incomplete`) when reported.
    public var status: String?

    /// An item of a server conversation.
    public init(id: String, type: String, role: String? = nil, text: String = "", status: String? = nil) {
        self.id = id; self.type = type; self.role = role; self.text = text; self.status = status
    }

    /// Whether this is a message (the only item type a text client shows).
    public var isMessage: Bool { type == "message" }

    static func from(_ json: JSONValue) -> ConversationItem? {
        guard let id = json["id"]?.string else { return nil }
        var text = ""
        if let s = json["content"]?.string { text = s }
        for part in json["content"]?.array ?? [] {
            text += part["text"]?.string ?? part["refusal"]?.string ?? ""
        }
        return ConversationItem(id: id, type: json["type"]?.string ?? "message", role: json["role"]?.string,
                                text: text, status: json["status"]?.string)
    }
}

/// One page of `GET /conversations/{id}/items`.
public struct ConversationItemPage: Sendable, Equatable {
    /// The items of this page, in the requested order.
    public var items: [ConversationItem]
    /// Whether another page follows (ask again with `after: lastID`).
    public var hasMore: Bool
    /// Id of the first item on the page.
    public var firstID: String?
    /// Id of the last item on the page: the cursor for the next one.
    public var lastID: String?
}

/// Listing order of conversation items (the API's default is newest first).
public enum ItemOrder: String, Sendable {
    case ascending = "asc"
    case descending = "desc"
}
