import TestSupport
import Testing
@testable import StoryDiff

/// The weights of a bag of words are summed over a `Dictionary`, whose order changes from one
/// process to the next: `ExactSum` gives the same bits in every order.
@Suite struct ExactSumTests {
    @Test func everyOrderOfTheTermsGivesTheSameBits() {
        var generator = SeededGenerator(seed: 20_261_202)
        for _ in 0..<200 {
            let terms = (0..<Int.random(in: 1...60, using: &generator)).map { _ in
                Double(Int.random(in: 1...4, using: &generator)) * Double.random(in: 0.01...9.5, using: &generator)
            }
            var first = ExactSum()
            for term in terms { first.add(term) }
            var plain = 0.0
            for term in terms { plain += term }
            for _ in 0..<20 {
                var other = ExactSum()
                for term in terms.shuffled(using: &generator) { other.add(term) }
                #expect(other.value.bitPattern == first.value.bitPattern)
            }
            // Within the rounding of each term (2^-33) of the plain sum.
            let bound: Double = Double(terms.count) * 0x1p-32 + plain * 1e-12
            #expect(abs(first.value - plain) <= bound)
        }
    }

    /// Plain addition of doubles does depend on the order: the reason for `ExactSum`.
    @Test func plainAdditionDoesNot() {
        let leftFirst: Double = (0.1 + 0.2) + 0.3
        let rightFirst: Double = 0.1 + (0.2 + 0.3)
        #expect(leftFirst != rightFirst)
        var forwards = ExactSum()
        for term in [0.1, 0.2, 0.3] { forwards.add(term) }
        var backwards = ExactSum()
        for term in [0.3, 0.2, 0.1] { backwards.add(term) }
        #expect(forwards.value.bitPattern == backwards.value.bitPattern)
    }

    @Test func aTotalPastTheIntegersFallsBackToDoubles() {
        var sum = ExactSum()
        sum.add(3e9)
        sum.add(1.5)
        #expect(sum.value == 3e9 + 1.5)
        var huge = ExactSum()
        for _ in 0..<4 { huge.add(1e9) }
        #expect(huge.value == 4e9)
    }
}
