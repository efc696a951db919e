@testable import ChatBetoRender
import Testing

@Suite struct ProjectActivityChartTests {
    let series: [String: [String: Int]] = [
        "Viajes": ["2024-01": 2, "2024-03": 8, "2024-04": 4],
        "Código": ["2024-02": 1, "2024-04": 8],
    ]

    @Test func goldenAtFortyColumns() {
        let text = ProjectActivityChart.render(projects: ["Viajes", "Código"], series: series, width: 40)
        #expect(text == """
                    2024-01
            Viajes  ▂ █▄  14 (max 8)
            Código   ▁ █   9 (max 8)

            """)
    }

    @Test func narrowWidthKeepsTheLatestMonths() {
        let text = ProjectActivityChart.render(projects: ["Viajes", "Código"], series: series, width: 16)
        #expect(text == """
                  2024-01
            Via…  ▂ █▄  14
            Cód…   ▁ █   9

            """)
        for width in [12, 16, 30, 80] {
            let lines = ProjectActivityChart.render(projects: ["Viajes", "Código"], series: series, width: width).split(separator: "\n")
            #expect(lines.allSatisfy { DisplayWidth.of(String($0)) <= width }, "width \(width)")
        }
    }

    @Test func eachProjectIsScaledToItsOwnBusiestMonth() {
        let text = ProjectActivityChart.render(projects: ["Big", "Small"], series: ["Big": ["2024-01": 100, "2024-02": 50],
                                                                                  "Small": ["2024-01": 1, "2024-02": 2]], width: 40)
        #expect(text.contains("Big    █▄  150 (max 100)"))
        #expect(text.contains("Small  ▄█    3 (max   2)"))
    }

    @Test func monthsInsideTheSpanAreFilled() {
        #expect(ProjectActivityChart.monthRange(["2023-11", "2024-02"]) == ["2023-11", "2023-12", "2024-01", "2024-02"])
        #expect(ProjectActivityChart.render(projects: [], series: [:], width: 40) == "")
    }
}
