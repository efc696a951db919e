import ChatBetoStore

/// A file a message points at, as stored: where it was in the export and what it is (not its bytes).
public struct ExportedAsset: Sendable, Equatable {
    /// `image`, `audio`, `attachment`, … as the importer classified it.
    public var kind: String?
    /// The file's path inside the export it was imported from, when it was there.
    public var exportPath: String?
    /// The original file name, when the export gives it.
    public var fileName: String?
    public var mimeType: String?

    /// The name shown for the file: its original name, else the last part of its export path.
    public var displayName: String {
        fileName ?? exportPath.map { String($0.split(separator: "/").last ?? Substring($0)) } ?? "unnamed"
    }

    /// Whether it is an image by what was stored (kind or MIME type).
    public var isImage: Bool { kind == "image" || (mimeType?.lowercased().hasPrefix("image/") ?? false) }

    /// The image MIME type for a data URI: the stored one when it is a plain `image/…` type, else from the
    /// bytes' magic number; nil when the bytes are not an image of a known kind.
    public func imageMIMEType(for bytes: [UInt8]) -> String? {
        if let m = mimeType?.lowercased(), m.hasPrefix("image/"),
           m.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "/.+-".contains($0)) }) { return m }
        // A stored non-image type (a PDF) is believed; only an unknown or generic one is sniffed.
        if let m = mimeType?.lowercased(), !m.hasPrefix("image/"), m != "application/octet-stream" { return nil }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return "image/png" }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if bytes.starts(with: Array("GIF8".utf8)) { return "image/gif" }
        if bytes.count >= 12, bytes.starts(with: Array("RIFF".utf8)), Array(bytes[8..<12]) == Array("WEBP".utf8) { return "image/webp" }
        return nil
    }
}
