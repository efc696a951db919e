@testable import ChatBetoRender
@testable import ChatBetoStore
import Foundation
import Testing

extension Render {
    @Suite struct ResultRendererTests {
        /// Numbers, text, CJK, NULLs in a numeric and a text column, and a multi-line value.
        static let sample = ResultSet(
            columns: [Column(name: "id", kind: .integer), Column(name: "title", kind: .text),
                      Column(name: "score", kind: .real), Column(name: "note", kind: .text)],
            rows: [[1, "hello", .double(2.5), nil],
                   [42, "日本語", nil, "line1\nline2"]])

        static let selectOne = ResultSet(columns: [Column(name: "one", kind: .integer)], rows: [[1]])

        // MARK: table

        @Test func tableMatchesMySQLClient() {
            #expect(ResultRenderer.render(Self.selectOne, format: .table) == """
                +-----+
                | one |
                +-----+
                |   1 |
                +-----+

                """)
        }

        @Test func tableAlignsNumbersRightTextLeftAndEscapesNewlines() {
            #expect(ResultRenderer.render(Self.sample, format: .table) == #"""
                +----+--------+-------+--------------+
                | id | title  | score | note         |
                +----+--------+-------+--------------+
                |  1 | hello  |   2.5 | NULL         |
                | 42 | 日本語 |  NULL | line1\nline2 |
                +----+--------+-------+--------------+

                """#)
        }

        @Test func tableOfEmptyResultIsHeaderOnly() {
            let empty = ResultSet(columns: [Column(name: "id", kind: .integer), Column(name: "name", kind: .text)])
            #expect(ResultRenderer.render(empty, format: .table) == """
                +----+------+
                | id | name |
                +----+------+

                """)
        }

        @Test func tableMeasuresEmojiAndCombiningMarks() {
            let result = ResultSet(columns: [Column(name: "s", kind: .text)],
                                   rows: [["👍🏽 ok"], ["cafe\u{301}"], ["👨‍👩‍👧"]])
            #expect(ResultRenderer.render(result, format: .table) == """
                +-------+
                | s     |
                +-------+
                | 👍🏽 ok |
                | cafe\u{301}  |
                | 👨‍👩‍👧    |
                +-------+

                """)
        }

        @Test func tableEscapesControlCharactersAndShowsBinaryAsHex() {
            let result = ResultSet(columns: [Column(name: "v", kind: .text), Column(name: "b", kind: .binary)],
                                   rows: [["tab\there\r\u{1B}[31mred\u{0}", .blob([0xFF, 0x00, 0x41])]])
            #expect(ResultRenderer.render(result, format: .table) == #"""
                +--------------------------+----------+
                | v                        | b        |
                +--------------------------+----------+
                | tab\there\r\x1B[31mred\0 | 0xFF0041 |
                +--------------------------+----------+

                """#)
        }

        @Test func tableLinesAllHaveTheSameDisplayWidth() {
            let text = ResultRenderer.render(Self.sample, format: .table)
            let widths = Set(text.split(separator: "\n").map { DisplayWidth.of(String($0)) })
            #expect(widths == [38])
        }

        @Test func tableColoursHeaderAndNullWithoutChangingLayout() {
            let coloured = ResultRenderer.render(Self.sample, format: .table, colors: .ansi)
            #expect(coloured.contains("\u{1B}[1mid\u{1B}[0m"))
            #expect(coloured.contains("\u{1B}[2mNULL\u{1B}[0m"))
            #expect(Colors.strip(coloured) == ResultRenderer.render(Self.sample, format: .table))
        }

        @Test func noColumnsRendersNothing() {
            for format in OutputFormat.allCases where format != .json {
                #expect(ResultRenderer.render(ResultSet(), format: format) == "")
            }
            #expect(ResultRenderer.render(ResultSet(), format: .json) == "[]\n")
        }

        // MARK: vertical

        @Test func verticalMatchesMySQLBackslashG() {
            #expect(ResultRenderer.render(Self.sample, format: .vertical) == """
                *************************** 1. row ***************************
                   id: 1
                title: hello
                score: 2.5
                 note: NULL
                *************************** 2. row ***************************
                   id: 42
                title: 日本語
                score: NULL
                 note: line1
                line2

                """)
        }

        @Test func verticalOfEmptyResultIsEmpty() {
            #expect(ResultRenderer.render(ResultSet(columns: [Column(name: "a", kind: .text)]), format: .vertical) == "")
        }

        // MARK: csv

        @Test func csvFollowsRFC4180() {
            #expect(ResultRenderer.render(Self.sample, format: .csv)
                == "id,title,score,note\r\n1,hello,2.5,\r\n42,日本語,,\"line1\nline2\"\r\n")
        }

        @Test func csvQuotesOnlyWhenNeeded() {
            let result = ResultSet(columns: [Column(name: "a,b", kind: .text), Column(name: "c", kind: .text)],
                                   rows: [["say \"hi\"", "plain text"], ["cr\rhere", ""]])
            #expect(ResultRenderer.render(result, format: .csv)
                == "\"a,b\",c\r\n\"say \"\"hi\"\"\",plain text\r\n\"cr\rhere\",\r\n")
        }

        // MARK: tsv

        @Test func tsvEscapesLikeMySQLBatchMode() {
            #expect(ResultRenderer.render(Self.sample, format: .tsv)
                == "id\ttitle\tscore\tnote\n1\thello\t2.5\t\\N\n42\t日本語\t\\N\tline1\\nline2\n")
            let tricky = ResultSet(columns: [Column(name: "v", kind: .text)], rows: [["a\tb\\c\r\u{0}"]])
            #expect(ResultRenderer.render(tricky, format: .tsv) == "v\n" + #"a\tb\\c\r\0"# + "\n")
        }

        // MARK: json

        @Test func jsonOfSelectOneIsCompact() {
            #expect(ResultRenderer.render(Self.selectOne, format: .json) == #"[{"one":1}]"# + "\n")
        }

        @Test func jsonKeepsColumnOrderAndTypes() {
            #expect(ResultRenderer.render(Self.sample, format: .json) == #"""
                [{"id":1,"title":"hello","score":2.5,"note":null},{"id":42,"title":"日本語","score":null,"note":"line1\nline2"}]

                """#)
        }

        @Test func jsonParsesBackWithExpectedTypes() throws {
            let result = ResultSet(
                columns: [Column(name: "n", kind: .integer), Column(name: "d", kind: .decimal),
                          Column(name: "r", kind: .real), Column(name: "t", kind: .text),
                          Column(name: "at", kind: .temporal), Column(name: "utf8", kind: .binary),
                          Column(name: "raw", kind: .binary), Column(name: "nothing", kind: .null),
                          Column(name: "numtext", kind: .integer), Column(name: "nan", kind: .real)],
                rows: [[.int(-7), .decimal("12.50"), .double(0.125), .text("a\u{2028}b\u{1}\"q\"</script>"),
                        .temporal("2024-05-01 10:00:00.000000"), .blob(Array("héllo".utf8)), .blob([0xFF, 0xFE, 0x00]),
                        .null, .text("123"), .double(.nan)]])
            let text = ResultRenderer.render(result, format: .json)
            #expect(text.contains(#""t":"a\u2028b\u0001\"q\"</script>""#))
            let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
            #expect(parsed.count == 1)
            let row = parsed[0]
            #expect((row["n"] as? NSNumber)?.int64Value == -7)
            #expect((row["d"] as? NSNumber)?.doubleValue == 12.5)
            #expect((row["r"] as? NSNumber)?.doubleValue == 0.125)
            #expect(row["t"] as? String == "a\u{2028}b\u{1}\"q\"</script>")
            #expect(row["at"] as? String == "2024-05-01 10:00:00.000000")
            #expect(row["utf8"] as? String == "héllo")
            #expect(row["raw"] as? String == "//4A")
            #expect(row["nothing"] is NSNull)
            #expect((row["numtext"] as? NSNumber)?.intValue == 123)
            #expect(row["nan"] is NSNull)
            // Strings stay strings and numbers stay numbers.
            #expect(!(row["t"] is NSNumber) && !(row["n"] is String))
        }

        @Test func jsonOfEmptyResultIsEmptyArray() {
            let empty = ResultSet(columns: [Column(name: "a", kind: .text)])
            #expect(ResultRenderer.render(empty, format: .json) == "[]\n")
        }

        @Test func jsonIgnoresColours() {
            #expect(ResultRenderer.render(Self.sample, format: .json, colors: .ansi)
                == ResultRenderer.render(Self.sample, format: .json))
        }

        // MARK: markdown

        @Test func markdownIsAGitHubTable() {
            #expect(ResultRenderer.render(Self.sample, format: .markdown) == """
                |  id | title  | score | note           |
                | --: | ------ | ----: | -------------- |
                |   1 | hello  |   2.5 | NULL           |
                |  42 | 日本語 |  NULL | line1<br>line2 |

                """)
        }

        @Test func markdownEscapesPipesAndLineBreaks() {
            let result = ResultSet(columns: [Column(name: "a|b", kind: .text)], rows: [["x | y\r\nz"]])
            #expect(ResultRenderer.render(result, format: .markdown) == #"""
                | a\|b        |
                | ----------- |
                | x \| y<br>z |

                """#)
        }
    }
}
