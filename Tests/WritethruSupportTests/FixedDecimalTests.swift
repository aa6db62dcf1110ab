import Foundation
import Testing
import WritethruSupport

/// `FixedDecimal` must write every number as `printf("%.Nf")` does, ties and signs included.
@Suite struct FixedDecimalTests {
    @Test(arguments: [0, 1, 2, 3])
    func agreesWithPrintfOnEveryHundredthAndItsNeighbours(places: Int) {
        for step in 0...2000 {
            let base = Double(step) / 1000
            for value in [base, base.nextUp, base.nextDown, -base, base + 0.0005, base - 0.0005] {
                #expect(FixedDecimal.format(value, places: places) == String(format: "%.\(places)f", value),
                        "\(value) with \(places) places")
            }
        }
    }

    @Test(arguments: [0.125, 0.375, 0.625, 0.875, 2.5, 3.5, 0.005, 0.015, 0.285, 1e-9, -0.001, -0.0, 1234.5678, 98_765.4321])
    func tiesGoToEvenAndSignsStay(value: Double) {
        for places in 0...4 {
            #expect(FixedDecimal.format(value, places: places) == String(format: "%.\(places)f", value))
        }
    }

    @Test func similaritiesOfAParagraphDiffAreWrittenWithTwoDecimals() {
        #expect(FixedDecimal.format(0.8333333333333334, places: 2) == "0.83")
        #expect(FixedDecimal.format(1, places: 2) == "1.00")
        #expect(FixedDecimal.format(1234.4, places: 0) == "1234")
    }
}

/// Variables read one by one must be those Foundation sees.
@Suite struct ProcessEnvironmentTests {
    @Test func readsWhatFoundationReads() {
        let all = ProcessInfo.processInfo.environment
        for name in ["PATH", "HOME", "WRITETHRU_SURELY_UNSET_VARIABLE"] {
            #expect(ProcessEnvironment.value(name) == all[name], "\(name)")
        }
        let picked = ProcessEnvironment.values(["PATH", "WRITETHRU_SURELY_UNSET_VARIABLE"])
        #expect(picked == all.filter { $0.key == "PATH" })
    }
}
