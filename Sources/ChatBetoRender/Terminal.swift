import Foundation
internal import CChatBetoSystem

/// A terminal's size in character cells.
public struct TerminalSize: Sendable, Equatable {
    /// Width in columns.
    public var columns: Int
    /// Height in rows.
    public var rows: Int
    /// A size of `columns` × `rows`.
    public init(columns: Int, rows: Int) { self.columns = columns; self.rows = rows }

    /// What is assumed when neither the terminal nor the environment says: 80×24.
    public static let fallback = TerminalSize(columns: 80, rows: 24)
}

/// Questions about the terminal behind a file descriptor.
public enum Terminal {
    /// The file descriptor of standard input.
    public static let standardInput: Int32 = 0
    /// The file descriptor of standard output.
    public static let standardOutput: Int32 = 1
    /// The file descriptor of standard error.
    public static let standardError: Int32 = 2

    /// Whether `fd` is a terminal.
    public static func isTTY(_ fd: Int32) -> Bool { chatbeto_isatty(fd) == 1 }

    /// The size of the terminal behind `fd`: asked of the terminal itself, then taken from
    /// `$COLUMNS`/`$LINES`, then 80×24, each dimension on its own.
    public static func size(fd: Int32 = standardOutput,
                            environment: [String: String] = ProcessInfo.processInfo.environment) -> TerminalSize {
        resolveSize(reportedColumns: Int(chatbeto_terminal_columns(fd)),
                    reportedRows: Int(chatbeto_terminal_rows(fd)),
                    environment: environment)
    }

    /// The width in columns of the terminal behind `fd` (see `size`).
    public static func columns(fd: Int32 = standardOutput,
                               environment: [String: String] = ProcessInfo.processInfo.environment) -> Int {
        size(fd: fd, environment: environment).columns
    }

    /// The height in rows of the terminal behind `fd` (see `size`).
    public static func rows(fd: Int32 = standardOutput,
                            environment: [String: String] = ProcessInfo.processInfo.environment) -> Int {
        size(fd: fd, environment: environment).rows
    }

    /// The fallback chain of `size` given what the terminal reported (0 when it could not say).
    public static func resolveSize(reportedColumns: Int, reportedRows: Int,
                                   environment: [String: String]) -> TerminalSize {
        func pick(_ reported: Int, _ variable: String, _ fallback: Int) -> Int {
            if reported > 0 { return reported }
            if let text = environment[variable]?.trimmingCharacters(in: .whitespaces),
               let value = Int(text), value > 0 {
                return value
            }
            return fallback
        }
        return TerminalSize(columns: pick(reportedColumns, "COLUMNS", TerminalSize.fallback.columns),
                            rows: pick(reportedRows, "LINES", TerminalSize.fallback.rows))
    }
}
