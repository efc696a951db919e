@testable import ChatBetoCore
import Testing

@Suite struct InputSplitterTests {
    func units(_ lines: [String]) -> [InputSplitter.Unit] {
        var s = InputSplitter()
        return lines.flatMap { s.feed(line: $0) } + s.finish()
    }

    @Test func semicolonSeparatesCommandsOnOneLine() {
        #expect(units(["use Wordpress; conversations"]).map(\.text) == ["use Wordpress", "conversations"])
    }

    @Test func newlineEndsACommandButNotAStatement() {
        var s = InputSplitter()
        #expect(s.feed(line: "projects").map(\.text) == ["projects"])
        #expect(s.feed(line: "SELECT title").isEmpty)
        #expect(s.isContinuing)
        #expect(s.feed(line: "FROM conversations;").map(\.text) == ["SELECT title\nFROM conversations"])
        #expect(!s.isContinuing)
    }

    @Test func sqlCommandEndsAtItsLine() {
        var s = InputSplitter()
        #expect(s.feed(line: "sql SELECT 1 AS a").map(\.text) == ["sql SELECT 1 AS a"])
        #expect(!s.isContinuing)
        #expect(s.feed(line: "status").map(\.text) == ["status"])
        #expect(units(["sql SELECT 1; sql SELECT 2 \\G"]).map(\.text) == ["sql SELECT 1", "sql SELECT 2"])
    }

    @Test func verticalTerminator() {
        let u = units(["SELECT 1\\G"])
        #expect(u == [InputSplitter.Unit(text: "SELECT 1", vertical: true, line: 1)])
    }

    @Test func semicolonsInsideQuotesAndCommentsDoNotSplit() {
        #expect(units(["SELECT 'a;b', \"c;d\", `e;f` -- x;y", "FROM t;"]).map(\.text) == ["SELECT 'a;b', \"c;d\", `e;f` -- x;y\nFROM t"])
        #expect(units(["SELECT /* ; */ 1;"]).map(\.text) == ["SELECT /* ; */ 1"])
        #expect(units([#"ask "one; two""#]).map(\.text) == [#"ask "one; two""#])
    }

    @Test func commentLinesAreSkippedAndLinesAreCounted() {
        let u = units(["# comment", "-- another", "projects", "", "SELECT", "1;", "status"])
        #expect(u.map(\.text) == ["projects", "SELECT\n1", "status"])
        #expect(u.map(\.line) == [3, 5, 7])
    }

    @Test func endOfInputFlushesAnUnterminatedStatement() {
        #expect(units(["SELECT 1"]).map(\.text) == ["SELECT 1"])
    }

    @Test func showIsSQLOnlyBeforeASQLKeyword() {
        #expect(SQLClassifier.isSQL("show tables"))
        #expect(SQLClassifier.isSQL("SHOW CREATE TABLE messages"))
        #expect(!SQLClassifier.isSQL("show 3"))
        #expect(!SQLClassifier.isSQL("show 6f2a --all-branches"))
        #expect(SQLClassifier.isSQL("sql DELETE FROM x"))
        #expect(!SQLClassifier.isSQL("set format json"))
    }
}
