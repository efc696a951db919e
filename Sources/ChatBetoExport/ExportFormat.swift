/// The formats `export` writes.
public enum ExportFormat: String, Sendable, CaseIterable {
    case markdown, html, json

    /// The file name extension of this format (`md`, `html`, `json`).
    public var fileExtension: String { self == .markdown ? "md" : rawValue }
}
