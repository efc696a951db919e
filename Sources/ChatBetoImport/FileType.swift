import Foundation

/// A file's type told by its first bytes, not its name (an export's `.dat` files have no telling name,
/// and a WAV and a WebP both start with `RIFF`).
enum FileType {
    /// The MIME type of a file starting with `head` (16 bytes suffice); nil when the bytes are not known.
    static func mimeType(of head: Data) -> String? {
        let b = [UInt8](head.prefix(16))
        func starts(_ p: [UInt8], at i: Int = 0) -> Bool { b.count >= i + p.count && Array(b[i..<(i + p.count)]) == p }
        if starts([0x89, 0x50, 0x4E, 0x47]) { return "image/png" }
        if starts([0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if starts(Array("GIF8".utf8)) { return "image/gif" }
        if starts(Array("RIFF".utf8)) {
            if starts(Array("WEBP".utf8), at: 8) { return "image/webp" }
            if starts(Array("WAVE".utf8), at: 8) { return "audio/wav" }
            return nil
        }
        if starts(Array("%PDF".utf8)) { return "application/pdf" }
        if starts(Array("ftyp".utf8), at: 4) { return starts(Array("M4A".utf8), at: 8) ? "audio/mp4" : "video/mp4" }
        if starts(Array("OggS".utf8)) { return "audio/ogg" }
        if starts([0x1A, 0x45, 0xDF, 0xA3]) { return "video/webm" }
        if starts(Array("ID3".utf8)) || starts([0xFF, 0xFB]) { return "audio/mpeg" }
        if starts([0x50, 0x4B, 0x03, 0x04]) { return "application/zip" }
        return nil
    }
}
