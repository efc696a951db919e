
/// Entering chat mode, where the REPL sends plain lines to the model and `/cmd` lines run commands
/// (`//…` and `/say …` send a message that starts with '/').
enum ChatMode {
    /// Turns chat mode on when a person is typing (not in scripts) and a key is set; says how to leave.
    static func enterIfInteractive(_ context: CommandContext) -> CommandResult {
        guard context.canChat else { return .none }
        guard context.openAI.hasAPIKey else {
            context.warn(ChatError.noAPIKey.description)
            return .none
        }
        context.loop?.enterChatMode()
        return .message("Chat mode with \(context.model): type a message (\"\"\" starts and ends a multi-line one); "
                        + "commands with a leading '/': /show, /model ID, /retry, /exit or Ctrl-D to leave "
                        + "('//' or '/say ' sends a message starting with '/').")
    }

    /// `/model gpt-…` is `set model gpt-…`; `/exit` and `/leave` leave chat mode; the rest are shell commands.
    static func command(fromSlashLine line: String) -> String {
        let body = String(line.drop { $0 == " " }.dropFirst())
        if body == "model" { return "set" }
        if body.hasPrefix("model ") { return "set " + body }
        return body
    }

    /// The message a line sends although it starts with '/': `//etc` sends `/etc`, `/say /etc` sends `/etc`.
    static func message(fromSlashLine line: String) -> String? {
        let body = line.drop { $0 == " " }
        if body.hasPrefix("//") { return String(body.dropFirst()) }
        if body.hasPrefix("/say ") {
            let text = body.dropFirst(5).drop { $0 == " " }
            return text.isEmpty ? nil : String(text)
        }
        return nil
    }

    static func isLeave(_ line: String) -> Bool {
        ["/exit", "/leave", "/q"].contains(line.trimmingCharacters(in: .whitespaces).lowercased())
    }
}
