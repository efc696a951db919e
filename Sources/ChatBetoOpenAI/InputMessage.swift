/// A message item for seeding a conversation or as response input (`EasyInputMessage` in https://platform.openai.com/docs/api-reference/responses/create).
/// Content is always sent as a plain string, which the API accepts for every role.
public struct InputMessage: Sendable, Equatable {
    /// Roles `EasyInputMessage` accepts.
    public enum Role: String, Sendable, CaseIterable {
        case user, assistant, system, developer
    }

    /// Who speaks.
    public var role: Role
    /// The message text, sent as a plain string.
    public var text: String

    /// A message to send with its role.
    public init(role: Role, text: String) {
        self.role = role
        self.text = text
    }

    /// Maps a ChatGPT-export author role to an API message, or nil for turns the API cannot take:
    /// `user`→user, `assistant`→assistant, `system`→developer (the API's name for app-level instructions),
    /// `tool` and anything unknown → nil (drop them). Empty or whitespace-only text → nil.
    public static func fromExport(role: String, text: String) -> InputMessage? {
        guard !text.allSatisfy(\.isWhitespace) else { return nil }
        switch role.lowercased() {
        case "user": return InputMessage(role: .user, text: text)
        case "assistant": return InputMessage(role: .assistant, text: text)
        case "system", "developer": return InputMessage(role: .developer, text: text)
        default: return nil
        }
    }

    /// `{"type":"message","role":…,"content":"…"}`, never with an `id` (an id means "existing item").
    public var json: JSONValue {
        ["type": "message", "role": .string(role.rawValue), "content": .string(text)]
    }
}
