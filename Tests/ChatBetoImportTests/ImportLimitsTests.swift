@testable import ChatBetoImport
import Foundation
import Testing

@Suite struct ImportLimitsTests {
    @Test func longTextIsCutAtACharacterBoundaryWithAMarker() throws {
        let limits = ImportLimits(messageBytes: 10)
        #expect(limits.truncated("short") == nil)
        let cut = try #require(limits.truncated("ééééééééé"))  // 18 bytes
        #expect(cut.hasPrefix("ééééé"))
        #expect(!cut.hasPrefix("éééééé"))
        #expect(cut.hasSuffix("[… message truncated by chatbeto: 10 of 18 bytes kept]"))
    }

    @Test func aSmallPacketLowersTheCap() {
        #expect(ImportLimits.forServer(maxAllowedPacket: 16 << 20).messageBytes == ((16 << 20) - (1 << 20)) / 3)
        #expect(ImportLimits.forServer(maxAllowedPacket: 256 << 20).messageBytes == ImportLimits.maxMessageBytes)
    }
}
