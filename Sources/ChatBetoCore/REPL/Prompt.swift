import ChatBetoRender
/// The REPL's prompts, from where the user is.
struct Prompt {
    let state: SessionState
    let settings: Settings

    /// `chatbeto[Marketing › Title]> `; with `set sql-write on`, `rw` comes first: `chatbeto[rw Marketing]> `.
    /// Names and titles come from imported data: escaped so they cannot restyle the terminal.
    var main: String {
        var context = ""
        if let p = state.project {
            context = CellText.singleLine(p.name)
            if let c = state.conversation { context += " › " + DisplayWidth.truncate(CellText.singleLine(c.displayTitle), to: 30) }
        } else if let c = state.conversation {
            context = DisplayWidth.truncate(CellText.singleLine(c.displayTitle), to: 30)
        }
        if settings.sqlWrite { context = context.isEmpty ? "rw" : "rw " + context }
        return context.isEmpty ? "chatbeto> " : "chatbeto[\(context)]> "
    }

    var continuation: String { "      -> " }

    /// `you[Wordpress › Title]> ` in chat mode.
    var chat: String {
        var context = CellText.singleLine(state.project?.name ?? "")
        if let c = state.conversation { context += (context.isEmpty ? "" : " › ") + DisplayWidth.truncate(CellText.singleLine(c.displayTitle), to: 30) }
        return "you[\(context)]> "
    }
}
