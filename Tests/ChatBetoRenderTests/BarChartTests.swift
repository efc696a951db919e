@testable import ChatBetoRender
import Testing

extension Render {
    @Suite struct BarChartTests {
        static let items: [(label: String, value: Double)] = [("alpha", 10), ("beta", 5), ("gamma ray", 2.5)]

        @Test func rendersAt40Columns() {
            #expect(BarChart.render(items: Self.items, width: 40) == """
                alpha     ██████████████████████████  10
                beta      █████████████                5
                gamma ray ██████▌                    2.5

                """)
        }

        @Test func rendersAt80Columns() {
            #expect(BarChart.render(items: Self.items, width: 80) == """
                alpha     ██████████████████████████████████████████████████████████████████  10
                beta      █████████████████████████████████                                    5
                gamma ray ████████████████▌                                                  2.5

                """)
        }

        @Test func rendersAt120Columns() {
            #expect(BarChart.render(items: Self.items, width: 120) == """
                alpha     ██████████████████████████████████████████████████████████████████████████████████████████████████████████  10
                beta      █████████████████████████████████████████████████████                                                        5
                gamma ray ██████████████████████████▌                                                                                2.5

                """)
        }

        @Test func narrowWidthsCutLabelsBeforeBars() {
            #expect(BarChart.render(items: Self.items, width: 20) == """
                alpha  █████████  10
                beta   ████▌       5
                gamma… ██▎       2.5

                """)
            #expect(BarChart.render(items: Self.items, width: 8) == """
                a… █  10
                b… ▌   5
                g… ▎ 2.5

                """)
        }

        @Test func labelsArePaddedByDisplayWidth() {
            let items: [(label: String, value: Double)] = [("日本", 4), ("👍", 2), ("ab", 1)]
            #expect(BarChart.render(items: items, width: 20) == """
                日本 █████████████ 4
                👍   ██████▌       2
                ab   ███▎          1

                """)
        }

        @Test func zeroNegativeAndFractionalValues() {
            let items: [(label: String, value: Double)] = [("zero", 0), ("neg", -3), ("tiny", 0.001), ("max", 1.25)]
            #expect(BarChart.render(items: items, width: 24) == """
                zero                   0
                neg                   -3
                tiny ▏             0.001
                max  █████████████  1.25

                """)
        }

        @Test func everyLineFitsTheWidth() {
            let sets: [[(label: String, value: Double)]] = [
                Self.items,
                [("a very long label that goes on and on", 123_456_789), ("x", 1)],
                [("日本語のラベルはとても長いです", 3.14159), ("👨‍👩‍👧 family", 2), ("café\u{301}", 0)],
                [("only", 0)],
            ]
            for items in sets {
                for width in 1...130 {
                    let text = BarChart.render(items: items, width: width)
                    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
                    #expect(lines.count == items.count)
                    for line in lines {
                        #expect(DisplayWidth.of(String(line)) <= width, "width \(width): \(line)")
                    }
                }
            }
        }

        @Test func coloursOnlyTintBars() {
            let coloured = BarChart.render(items: Self.items, width: 40, colors: .ansi)
            #expect(coloured.contains("\u{1B}[36m"))
            #expect(Colors.strip(coloured) == BarChart.render(items: Self.items, width: 40))
        }

        @Test func nothingToDraw() {
            #expect(BarChart.render(items: [], width: 40) == "")
            #expect(BarChart.render(items: Self.items, width: 0) == "")
        }
    }
}
