import Foundation

/// What one conversation and one message may cost an import (documented in the README).
///
/// A message's text is stored whole up to `messageBytes`; longer text is cut there at a character
/// boundary, ends with `truncationMarker`, and is reported (its original JSON is then not kept, as it
/// would not fit either). A conversation's JSON larger than `conversationBytes` is refused with a
/// clear error and skipped, so one hostile value cannot drive memory to gigabytes.
public struct ImportLimits: Sendable, Equatable {
    /// 16,000,000 bytes: under MEDIUMTEXT's 16 MiB with room for the marker.
    public static let maxMessageBytes = 16_000_000
    /// 128 MiB of JSON for one conversation (real ones are kilobytes to a few megabytes).
    public static let maxConversationBytes = 128 << 20

    public var messageBytes: Int
    public var conversationBytes: Int

    /// Limits on one message and one conversation, in bytes.
    public init(messageBytes: Int = ImportLimits.maxMessageBytes, conversationBytes: Int = ImportLimits.maxConversationBytes) {
        self.messageBytes = messageBytes
        self.conversationBytes = conversationBytes
    }

    /// The limits for a server whose `max_allowed_packet` is `packet` bytes: a message row (text and
    /// original JSON) must fit in one packet, so the text cap is at most a third of it.
    public static func forServer(maxAllowedPacket packet: Int?) -> ImportLimits {
        guard let packet, packet > 0 else { return ImportLimits() }
        return ImportLimits(messageBytes: max(64 << 10, min(maxMessageBytes, (packet - (1 << 20)) / 3)))
    }

    /// `text` cut to at most `messageBytes` bytes of UTF-8 (at a character boundary) plus the marker,
    /// or nil when it fits.
    func truncated(_ text: String) -> String? {
        guard text.utf8.count > messageBytes else { return nil }  // O(1) for native strings: no copy
        let utf8 = Array(text.utf8)
        guard utf8.count > messageBytes else { return nil }
        var cut = messageBytes
        while cut > 0 && utf8[cut] & 0xC0 == 0x80 { cut -= 1 }  // not inside a character
        let kept = String(decoding: utf8[..<cut], as: UTF8.self)
        return kept + ImportLimits.truncationMarker(kept: cut, total: utf8.count)
    }

    /// The visible end of a truncated message.
    static func truncationMarker(kept: Int, total: Int) -> String {
        "\n\n[… message truncated by chatbeto: \(kept) of \(total) bytes kept]"
    }
}
