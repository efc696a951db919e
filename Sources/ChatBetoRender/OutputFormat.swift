import Foundation

/// How a result set is printed.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, vertical, csv, tsv, json, markdown

    /// Other accepted spellings of each format, lower-case.
    public var aliases: [String] {
        switch self {
        case .table: return ["grid", "box", "ascii"]
        case .vertical: return ["vert", "v", "expanded"]
        case .csv: return []
        case .tsv: return ["batch", "tab-separated"]
        case .json: return []
        case .markdown: return ["md", "gfm"]
        }
    }

    /// The format named by `name` (case-insensitive, surrounding spaces ignored), or one of its aliases.
    public static func parse(_ name: String) throws -> OutputFormat {
        let key = name.trimmingCharacters(in: .whitespaces).lowercased()
        if let format = OutputFormat(rawValue: key) { return format }
        if let format = allCases.first(where: { $0.aliases.contains(key) }) { return format }
        throw OutputFormatError.unknown(name)
    }
}

/// A format name that `OutputFormat.parse` does not know.
enum OutputFormatError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The name given, as typed.
    case unknown(String)

    /// The message shown to the user, naming the valid formats.
    public var description: String {
        switch self {
        case .unknown(let name):
            let valid = OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")
            return "unknown output format '\(name)': expected one of \(valid)"
        }
    }
}
