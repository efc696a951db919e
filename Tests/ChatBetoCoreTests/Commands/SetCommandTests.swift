@testable import ChatBetoExport
@testable import ChatBetoImport
@testable import ChatBetoOpenAI
@testable import ChatBetoRender
@testable import ChatBetoSearch
@testable import ChatBetoServer
@testable import ChatBetoStore
@testable import ChatBetoSupport
import ChatBetoTestSupport
import Foundation
import Testing
@testable import ChatBetoCore

@Suite struct SetCommandTests {
    private func value(_ h: CommandHarness, _ name: String) throws -> String? {
        CommandHarness.rows(try h.run("set")).first { $0[0] == name }?[1]
    }

    @Test func setChangesASettingAndSavesItForTheNextSession() throws {
        let h = try CommandHarness()
        #expect(CommandHarness.text(try h.run("set seed-turns 7")) == "seed-turns = 7")
        #expect(h.context.settings.seedTurns == 7)
        let next = try CommandHarness(database: h.database)
        #expect(try value(next, "seed-turns") == "7")
    }

    @Test func setAsTheFirstCommandIsNotUndoneByTheRestore() throws {
        let h = try CommandHarness()
        try h.run("set seed-turns 7")
        let next = try CommandHarness(database: h.database)
        try next.run("set seed-turns all")
        #expect(next.context.settings.seedTurns == nil)
        let third = try CommandHarness(database: h.database)
        #expect(try value(third, "seed-turns") == "all")
    }

    @Test func setFormatClearsTheCommandLineFormatAndSetModelBeatsTheEnvironment() throws {
        var h = try CommandHarness(environment: ["CHATBETO_MODEL": "from-env"])
        #expect(try value(h, "model") == "from-env")
        try h.run("set model gpt-x")
        #expect(h.context.model == "gpt-x")
        h = try CommandHarness()
        h.context.formatOverride = .csv
        #expect(try value(h, "format") == "csv")
        try h.run("set format json")
        #expect(h.context.outputFormat(nil) == .json)
    }

    @Test func aBadValueIsAnErrorAndChangesNothing() throws {
        let h = try CommandHarness()
        #expect(throws: (any Error).self) { try h.run("set seed-turns lots") }
        #expect(h.context.settings.seedTurns == nil)
    }
}
