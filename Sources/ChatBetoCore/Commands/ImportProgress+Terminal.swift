import ChatBetoImport
import ChatBetoRender

extension ImportProgress {
    /// A progress bar on standard error when it is a terminal; nil otherwise, so scripts see nothing.
    static func terminal() -> ImportProgress? {
        guard Terminal.isTTY(Terminal.standardError) else { return nil }
        return ImportProgress(write: { Console.standard.writeError($0) },
                              width: { Terminal.columns(fd: Terminal.standardError) })
    }
}
