import Foundation
import StoryText
import TestSupport
import Testing

/// The news test set: paragraphs written in wire style, each with the sentences a careful
/// reader would cut it into (Fixtures/sentences.json).
struct SentenceCase: Decodable, Sendable, CustomTestStringConvertible {
    let id: String
    let pitfall: String
    let text: String
    let sentences: [String]
    var testDescription: String { id }

    static let all: [SentenceCase] = {
        guard let data = try? Data(contentsOf: Fixtures.root.appendingPathComponent("Tests/StoryTextTests/Fixtures/sentences.json")),
              let cases = try? JSONDecoder().decode([SentenceCase].self, from: data) else { return [] }
        return cases
    }()
}

@Suite struct SentenceSegmenterTests {
    @Test func theTestSetIsLargeAndWellFormed() {
        #expect(SentenceCase.all.count >= 150)
        for item in SentenceCase.all {
            #expect(item.sentences.joined(separator: " ") == item.text, "\(item.id) does not rejoin to its text")
        }
    }

    @Test(arguments: SentenceCase.all)
    func segmentsNewsText(_ item: SentenceCase) {
        #expect(SentenceSegmenter.sentences(item.text) == item.sentences)
    }

    @Test func emptyAndUnterminatedText() {
        #expect(SentenceSegmenter.sentences("") == [])
        #expect(SentenceSegmenter.sentences("No full stop at the end") == ["No full stop at the end"])
    }
}
