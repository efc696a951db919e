@testable import ChatBetoRender
import Testing

extension Render {
    @Suite struct ActivityChartTests {
        /// Fifteen months from November 2023 to February 2025, January 2024 missing (no activity: drawn blank).
        static let months: [(month: String, count: Int)] = [
            ("2023-11", 5), ("2023-12", 10), ("2024-02", 20), ("2024-03", 40), ("2024-04", 40),
            ("2024-05", 35), ("2024-06", 30), ("2024-07", 25), ("2024-08", 20), ("2024-09", 15),
            ("2024-10", 10), ("2024-11", 5), ("2024-12", 1), ("2025-01", 3), ("2025-02", 7),
        ]

        @Test func fewMonthsAreBars() {
            let recent = Array(Self.months.suffix(3))
            #expect(ActivityChart.render(months: recent, width: 40)
                == BarChart.render(items: [("2024-12", 1), ("2025-01", 3), ("2025-02", 7)], width: 40))
            #expect(ActivityChart.render(months: Self.months, width: 40, maxRows: 15)
                == BarChart.render(items: Self.months.map { ($0.month, Double($0.count)) }, width: 40))
        }

        @Test func manyMonthsAreASparklinePerYear() {
            let expected = """
                     JFMAMJJASOND
                2023           ▁▂   15
                2024  ▄██▇▆▅▄▃▂▁▁  241
                2025 ▁▂             10

                """
            // The same at 40, 80 and 120 columns: the per-year view is narrower than all of them.
            for width in [40, 80, 120] {
                #expect(ActivityChart.render(months: Self.months, width: width, maxRows: 12) == expected)
            }
            // Input order does not matter in the per-year view.
            #expect(ActivityChart.render(months: Self.months.reversed(), width: 80, maxRows: 12) == expected)
        }

        @Test func narrowWidthDropsTotalsThenCutsLines() {
            #expect(ActivityChart.render(months: Self.months, width: 20, maxRows: 12) == """
                     JFMAMJJASOND
                2023           ▁▂
                2024  ▄██▇▆▅▄▃▂▁▁
                2025 ▁▂

                """)
            #expect(ActivityChart.render(months: Self.months, width: 10, maxRows: 12) == """
                     JFMA…
                2023     …
                2024  ▄██…
                2025 ▁▂

                """)
        }

        @Test func everyLineFitsTheWidth() {
            for width in 1...60 {
                for maxRows in [6, 24] {
                    let text = ActivityChart.render(months: Self.months, width: width, maxRows: maxRows)
                    for line in text.split(separator: "\n") {
                        #expect(DisplayWidth.of(String(line)) <= width, "width \(width): \(line)")
                    }
                }
            }
        }

        @Test func unrecognisedLabelsBecomeOneWrappedSparkline() {
            let weeks: [(month: String, count: Int)] = (0..<10).map { ("week \($0)", $0) }
            #expect(ActivityChart.render(months: weeks, width: 4, maxRows: 5) == """
                 ▁▂▃
                ▄▅▆▇
                ██

                """)
        }

        @Test func nothingToDraw() {
            #expect(ActivityChart.render(months: [], width: 80) == "")
        }
    }
}
