import Testing
@testable import StoryDiff

/// The weighted LCS that skips rows (`WordDiffer.keptCharacters`) against the full two-row
/// dynamic programme it replaced (`denseKept`, the same recurrence, kept here as the
/// reference), on generated id sequences with small and large alphabets, paragraph breaks (-1),
/// lengths that differ for the same id, and buffers reused from call to call.
@Suite struct SimilaritySkippingTests {
    static func denseKept(_ a: [Int], _ aLengths: [Int], _ b: [Int], _ bLengths: [Int], from start: Int,
                          aEnd: Int, bEnd: Int) -> Int {
        guard start < aEnd, start < bEnd else { return 0 }
        let columns = bEnd - start
        var previous = [Int](repeating: 0, count: columns + 1)
        var current = previous
        for i in start..<aEnd {
            for j in 1...columns {
                let column = start + j - 1
                current[j] = a[i] == b[column] ? previous[j - 1] + aLengths[i] + bLengths[column]
                    : max(previous[j], current[j - 1])
            }
            swap(&previous, &current)
        }
        return previous[columns]
    }

    @Test func theSameKeptCharactersAsTheDynamicProgramme() {
        var random = WordDiffMyersTests.Generator(state: 77)
        var scratch = SimilarityScratch()
        for round in 0..<5000 {
            let alphabet = [2, 3, 8, 40, 500][round % 5]
            func ids(_ count: Int) -> [Int] { (0..<count).map { _ in random.next(alphabet + 1) - 1 } }
            let a = ids(random.next(50))
            let b = round % 2 == 0 ? WordDiffMyersTests.edited(a, alphabet: alphabet, random: &random) : ids(random.next(50))
            let aLengths = a.map { _ in random.next(9) }
            let bLengths = b.map { _ in random.next(9) }
            let start = random.next(3)
            let dense = Self.denseKept(a, aLengths, b, bLengths, from: start, aEnd: a.count, bEnd: b.count)
            let sparse = WordDiffer.keptCharacters(a, aLengths, b, bLengths, from: start, aEnd: a.count, bEnd: b.count,
                                                   scratch: &scratch)
            #expect(sparse == dense, "\(a) \(b)")
            if sparse != dense { return }
        }
    }
}
