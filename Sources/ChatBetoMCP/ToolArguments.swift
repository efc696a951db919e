import Foundation
import MCP

/// A tool call's arguments, read against its schema: a missing, mistyped or out-of-range argument is a
/// protocol error (`invalid params`, -32602) naming the tool and the argument, never a crash.
struct ToolArguments {
    let tool: String
    let values: [String: Value]

    init(tool: String, values: [String: Value]?, allowed: Set<String>) throws {
        self.tool = tool
        self.values = values ?? [:]
        if let unknown = self.values.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw bad("unknown argument '\(unknown)' (expected: \(allowed.sorted().joined(separator: ", ")))")
        }
    }

    func bad(_ problem: String) -> MCPError { .invalidParams("\(tool): \(problem)") }

    func string(_ name: String) throws -> String? {
        guard let value = values[name], !value.isNull else { return nil }
        guard let s = value.stringValue else { throw bad("'\(name)' must be a string") }
        return s
    }

    func requiredString(_ name: String) throws -> String {
        guard let s = try string(name), !s.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw bad("missing required argument '\(name)'")
        }
        return s
    }

    func int(_ name: String, range: ClosedRange<Int>) throws -> Int? {
        guard let value = values[name], !value.isNull else { return nil }
        let n: Int
        if let i = value.intValue { n = i }
        else if let d = value.doubleValue, d.rounded() == d, abs(d) < 1e9 { n = Int(d) }
        else { throw bad("'\(name)' must be an integer") }
        guard range.contains(n) else { throw bad("'\(name)' must be between \(range.lowerBound) and \(range.upperBound)") }
        return n
    }

    func bool(_ name: String) throws -> Bool {
        guard let value = values[name], !value.isNull else { return false }
        guard let b = value.boolValue else { throw bad("'\(name)' must be true or false") }
        return b
    }

    func choice(_ name: String, of options: [String]) throws -> String? {
        guard let s = try string(name) else { return nil }
        guard options.contains(s) else { throw bad("'\(name)' must be one of \(options.joined(separator: ", "))") }
        return s
    }

    /// A date `YYYY-MM-DD` (optionally with a time), as `--since` takes it.
    func date(_ name: String) throws -> String? {
        guard let s = try string(name) else { return nil }
        guard s.range(of: #"^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?$"#, options: .regularExpression) != nil else {
            throw bad("'\(name)' must be a date like 2024-05-01")
        }
        return s.replacingOccurrences(of: "T", with: " ")
    }
}
