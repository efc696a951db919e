/// Failures of a script as a whole.
public enum ScriptError: Error, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    /// A command in a script failed: where, and why.
    case failed(source: String, line: Int, underlying: String)
    /// `source` nested deeper than the limit (a script that sources itself, or a loop): the chain of files.
    case nestedTooDeeply(chain: [String], limit: Int)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): return "cannot read script '\(path)': \(reason)"
        case .failed(let source, let line, let underlying): return "\(source):\(line): \(underlying)"
        case .nestedTooDeeply(let chain, let limit):
            var distinct: [String] = []
            for file in chain where !distinct.contains(file) { distinct.append(file) }
            return "scripts nested too deeply (more than \(limit) levels of 'source'; does a script source itself?): " +
                distinct.joined(separator: " → ") + " → " + (chain.last ?? "")
        }
    }
}
