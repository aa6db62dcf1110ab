import Foundation
import TestSupport
import Testing

/// The same input gives the same bytes in every process. Swift seeds its hashing per process,
/// so anything computed in a `Dictionary`'s or a `Set`'s order can change from run to run: the
/// weights of two equally similar sentences were summed in that order, and the last bit of the
/// sums paired a rewrite with one old sentence in about three runs of four and with the other
/// in the fourth (`ExactSum`).
@Suite struct DeterministicOutputTests {
    @Test func aRewriteBetweenTwoEquallySimilarSentencesIsPairedAlikeInEveryProcess() throws {
        let old = Fixtures.root.appendingPathComponent("Tests/StoryDiffTests/Fixtures/ties/equally-similar-old.txt").path
        let new = Fixtures.root.appendingPathComponent("Tests/StoryDiffTests/Fixtures/ties/equally-similar-new.txt").path
        var outputs: [[UInt8]: Int] = [:]
        for _ in 0..<16 {
            let result = try CommandRunner.writethru(["diff", "--files", old, new, "--format", "json"])
            #expect(result.status == 0, "\(result.stderr)")
            outputs[result.stdoutBytes, default: 0] += 1
        }
        #expect(outputs.count == 1, "\(outputs.count) different outputs in 16 runs: \(outputs.values.sorted())")
        let text = String(decoding: try #require(outputs.keys.first), as: UTF8.self)
        // The rewrite is paired with the sentence it was written from (its slot in the paragraph).
        #expect(text.contains("\"new\": \"The move comes as Swiss drugmakers face higher borrowing costs and growing questions over offshore wind.\""))
    }
}
