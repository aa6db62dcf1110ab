import Testing
@testable import StoryDiff

/// The audit's byte-level stems of an ASCII text are the scalar-level ones.
@Suite struct AdvisoryStemsFastPathTests {
    /// The stems as the scalar loop cuts them, for any text.
    static func reference(_ text: String) -> [String] { AdvisoryAuditor.scalarStems(text) }

    @Test func asciiStemsMatchTheScalarLoop() {
        let pieces = ["Updates", " ", "figures", "with", "Port", "strikes", "'s", "9", "-", ",", "ations", "ING", "abc",
                      "abcd", "comment", ".", "é", "\r\n", "paragraph", "Dock-workers"]
        var random = WordDiffMyersTests.Generator(state: 11)
        for _ in 0..<10_000 {
            let text = (0..<random.next(14)).map { _ in pieces[random.next(pieces.count)] }.joined()
            #expect(AdvisoryAuditor.stems(text) == Self.reference(text), "\(text)")
        }
    }
}
