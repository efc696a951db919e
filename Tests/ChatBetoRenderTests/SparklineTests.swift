@testable import ChatBetoRender
import Testing

extension Render {
    @Suite struct SparklineTests {
        @Test func risingValuesUseEveryBlock() {
            #expect(Sparkline.render([0, 1, 2, 3, 4, 5, 6, 7, 8]) == " ▁▂▃▄▅▆▇█")
        }

        @Test func zeroIsTheFloorForCounts() {
            #expect(Sparkline.render([5, 5, 5]) == "███")
            // Nothing is drawn as nothing (an empty month is blank, not ▁).
            #expect(Sparkline.render([0, 0]) == "  ")
            // Anything above the floor shows, however small.
            #expect(Sparkline.render([0, 1, 1000]) == " ▁█")
        }

        @Test func negativeValuesLowerTheFloor() {
            #expect(Sparkline.render([-1, 0, 1]) == " ▄█")
        }

        @Test func nanIsBlankAndEmptyIsEmpty() {
            #expect(Sparkline.render([1, .nan, 2]) == "▄ █")
            #expect(Sparkline.render([]) == "")
            #expect(Sparkline.render([.nan]) == " ")
        }

        @Test func explicitScaleClampsOutliers() {
            #expect(Sparkline.render([-5, 0, 50, 100, 500], floor: 0, ceiling: 100) == "  ▄██")
        }

        @Test func oneColumnPerValue() {
            let values = (0..<100).map { Double(($0 * 37) % 11) }
            #expect(DisplayWidth.of(Sparkline.render(values)) == 100)
        }
    }
}
