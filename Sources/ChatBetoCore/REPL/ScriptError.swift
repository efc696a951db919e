/// Failures of a script as a whole.
public enum ScriptError: Error, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    /// `source` nested deeper than the limit (a script that sources itself, or a loop): the chain of files.
    case nestedTooDeeply(chain: [String], limit: Int)

    /// The message the user sees.
    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): return "cannot read script '\(path)': \(reason)"
        case .nestedTooDeeply(let chain, let limit):
            var distinct: [String] = []
            for file in chain where !distinct.contains(file) { distinct.append(file) }
            return "scripts nested too deeply (more than \(limit) levels of 'source'; does a script source itself?): " +
                distinct.joined(separator: " → ") + " → " + (chain.last ?? "")
        }
    }
}
