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

    @Test func aLineBreakEndsASentence() {
        #expect(SentenceSegmenter.sentences("Flooding closed the road\nDrivers were diverted.") ==
            ["Flooding closed the road", "Drivers were diverted."])
        #expect(SentenceSegmenter.sentences("1. Evacuate\r\n2. Wait for the all-clear\n\n") == ["1. Evacuate", "2. Wait for the all-clear"])
        #expect(SentenceSegmenter.sentences("\n \n") == [])
    }

    @Test func aListIsCutAtEachNextMarker() {
        #expect(SentenceSegmenter.sentences("1) Close the gates 2) Call the police 3) Wait") ==
            ["1) Close the gates", "2) Call the police", "3) Wait"])
        // Not the next number, or not at the start of the line: no list.
        #expect(SentenceSegmenter.sentences("1) Close the gates 3) Wait") == ["1) Close the gates 3) Wait"])
        #expect(SentenceSegmenter.sentences("Three steps: 1) close the gates 2) wait") == ["Three steps: 1) close the gates 2) wait"])
    }

    @Test func aClockTimeEndsASentenceOnlyWhenTheTimeStops() {
        #expect(SentenceSegmenter.sentences("He left at 5 a.m. The police arrived later.") ==
            ["He left at 5 a.m.", "The police arrived later."])
        #expect(SentenceSegmenter.sentences("He left at 5 a.m. Tuesday.") == ["He left at 5 a.m. Tuesday."])
        #expect(SentenceSegmenter.sentences("He left at 5 p.m. I stayed.") == ["He left at 5 p.m.", "I stayed."])
        #expect(SentenceSegmenter.sentences("It ends at 5 p.m. May 3.") == ["It ends at 5 p.m. May 3."])
        #expect(SentenceSegmenter.sentences("It ends at 5 p.m. May brought rain.") == ["It ends at 5 p.m.", "May brought rain."])
    }

    @Test func emptyAndUnterminatedText() {
        #expect(SentenceSegmenter.sentences("") == [])
        #expect(SentenceSegmenter.sentences("No full stop at the end") == ["No full stop at the end"])
    }
}
