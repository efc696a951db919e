import Foundation
import Testing
@testable import ChatBetoCore

@Suite struct CompleterTests {
    @Test func commandNamesAndSQLKeywordsComplete() throws {
        let h = try CommandHarness()
        let completer = Completer(context: h.context)
        #expect(completer.candidates(lineBefore: "", word: "se") == ["search", "select", "server", "set"])
        #expect(completer.candidates(lineBefore: "help ", word: "qu") == ["quit"])
    }

    @Test func projectNamesCompleteAfterUseWithoutQuotesAndAfterProjectWithThem() throws {
        let h = try CommandHarness()
        try h.database.connection.query("INSERT INTO projects (name, name_source) VALUES ('Word Games', 'user')")
        let completer = Completer(context: h.context)
        #expect(Set(completer.candidates(lineBefore: "use ", word: "Wo")) == ["Wordpress", "Word Games"])
        #expect(completer.candidates(lineBefore: "use Word ", word: "G") == ["Games"])
        #expect(completer.candidates(lineBefore: "project name ", word: "Word G") == ["\"Word Games\""])
    }

    @Test func conversationsCompleteByIdPrefixOrTitle() throws {
        let h = try CommandHarness()
        let completer = Completer(context: h.context)
        #expect(completer.candidates(lineBefore: "show ", word: "bbbb") == ["bbbb2222-0000-4000-8000-000000000003"])
        #expect(completer.candidates(lineBefore: "open ", word: "orph") == ["cccc3333-0000-4000-8000-000000000004"])
    }

    @Test func settingsAndTheirValuesComplete() throws {
        let h = try CommandHarness()
        let completer = Completer(context: h.context)
        #expect(completer.candidates(lineBefore: "set ", word: "seed") == ["seed-turns"])
        #expect(completer.candidates(lineBefore: "set format ", word: "j") == ["json"])
        #expect(completer.candidates(lineBefore: "set pager ", word: "o") == ["on", "off"])
    }
}
