@testable import ChatBetoCore
@testable import ChatBetoStore
import Foundation
import Testing

/// What a saved session restores: every setting but sql-write, whatever version saved it.
@Suite struct SettingsTests {
    @Test func sqlWriteIsNeverSavedNorRestored() throws {
        var s = Settings()
        try s.set("sql-write", "on")
        try s.set("format", "json")
        #expect(!s.encoded().contains("sqlWrite"))
        let restored = try #require(Settings.decoded(s.encoded()))
        #expect(restored.format == .json && !restored.sqlWrite)
    }

    @Test func anOlderSessionWithSQLWriteOnRestoresReadOnlyAndKeepsTheRest() throws {
        let old = #"{"format":"csv","pager":false,"model":"gpt-5","sqlWrite":true,"embeddingModel":"m","embeddingDimensions":256}"#
        let restored = try #require(Settings.decoded(old))
        #expect(!restored.sqlWrite)
        #expect(restored.format == .csv && !restored.pager && restored.model == "gpt-5" && restored.embeddingDimensions == 256)
        #expect(restored.sqlTimeLimit == 30 && restored.sqlLockWait == 5)
    }

    @Test func readerLimitsAreSettings() throws {
        var s = Settings()
        try s.set("sql-time-limit", "0")
        try s.set("sql-lock-wait", "2")
        #expect(s.value(of: "sql-time-limit") == "0" && s.value(of: "sql-lock-wait") == "2")
        #expect(throws: ConfigError.self) { try s.set("sql-lock-wait", "0") }
        #expect(throws: ConfigError.self) { try s.set("sql-time-limit", "soon") }
    }
}
