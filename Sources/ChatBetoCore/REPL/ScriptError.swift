/// Failures of a script as a whole.
public enum ScriptError: Error, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    /// A command in a script failed: where, and why.
    case failed(source: String, line: Int, underlying: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): return "cannot read script '\(path)': \(reason)"
        case .failed(let source, let line, let underlying): return "\(source):\(line): \(underlying)"
        }
    }
}
