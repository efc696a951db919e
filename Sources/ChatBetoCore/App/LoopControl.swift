/// What a command may ask of the loop that runs it (the REPL): leave, enter chat mode, run a script.
public protocol LoopControl: AnyObject {
    /// Whether `continue` may enter chat mode: a person typing, no script running.
    var canChat: Bool { get }
    /// Chat mode on: lines go to the model, commands need a leading `/`.
    func enterChatMode()
    /// The loop ends after the current command (`quit`).
    func quit()
    /// Runs a script file (`source`); nested scripts share the runner.
    func runScript(_ path: String) throws
}
