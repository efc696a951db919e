import Foundation
internal import CChatBetoSystem

/// SIGINT while reading a line: remembered, so the reader can tell Ctrl-C from Ctrl-D.
/// Installed without SA_RESTART so a blocked read returns.
enum InterruptSignal {
    nonisolated(unsafe) private static var flag: Int32 = 0
    /// (Re)installs the handler; called before each line, since commands install their own for a while.
    static func install() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = interruptHandler
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
    }

    static var isSet: Bool { withUnsafeMutablePointer(to: &flag) { chatbeto_flag_load_sys($0) } != 0 }
    static func clear() { withUnsafeMutablePointer(to: &flag) { chatbeto_flag_store_sys($0, 0) } }
    fileprivate static func raise() { withUnsafeMutablePointer(to: &flag) { chatbeto_flag_store_sys($0, 1) } }
}

private let interruptHandler: @convention(c) (Int32) -> Void = { _ in InterruptSignal.raise() }
