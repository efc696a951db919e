import Foundation

/// A fast 128-bit fingerprint of a conversation's JSON bytes, as 32 hex digits
/// (`conversations.content_hash`). It detects unchanged conversations on re-import; it is not a
/// cryptographic hash.
public enum ContentHash {
    /// The fingerprint of `bytes`.
    public static func hex(of bytes: UnsafeRawBufferPointer) -> String {
        var h1: UInt64 = 0x9E37_79B9_7F4A_7C15
        var h2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
        let p1: UInt64 = 0x8765_4321_0FED_CBA9 | 1
        let p2: UInt64 = 0x1656_67B1_9E37_79F9
        let count = bytes.count
        var i = 0
        while i + 8 <= count {
            let w = bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            h1 = ((h1 ^ w) &* p1)
            h1 = (h1 << 31) | (h1 >> 33)
            h2 = ((h2 ^ w) &* p2) &+ h1
            h2 = (h2 << 27) | (h2 >> 37)
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < count { tail |= UInt64(bytes[i]) << shift; shift += 8; i += 1 }
        h1 ^= tail &* p2
        h2 ^= UInt64(count)
        h1 = mix(h1 &+ h2)
        h2 = mix(h2 &+ h1)
        return hex(h1) + hex(h2)
    }

    /// The fingerprint of `data`.
    public static func hex(of data: Data) -> String { data.withUnsafeBytes { hex(of: $0) } }

    private static func mix(_ value: UInt64) -> UInt64 {
        var k = value
        k ^= k >> 33; k = k &* 0xFF51_AFD7_ED55_8CCD
        k ^= k >> 33; k = k &* 0xC4CE_B9FE_1A85_EC53
        k ^= k >> 33
        return k
    }

    private static func hex(_ v: UInt64) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
