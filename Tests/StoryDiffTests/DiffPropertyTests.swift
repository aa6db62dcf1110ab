import PropertyBased
import StoryDiff
import Testing

/// Paragraphs built from a small vocabulary with numbers, so that generated versions share
/// words, numbers and whole paragraphs the way revisions do.
enum Corpus {
    static let words = ["the", "minister", "said", "talks", "would", "resume", "on", "Thursday", "after", "officials",
                        "met", "in", "Geneva", "$1,200", "3.5%", "53%", "-4.2", "killed", "at", "least", "\"we", "agree,\""]

    static let paragraph = Gen.int(in: 0..<words.count).array(of: 3...14).map { indices in
        indices.map { words[$0] }.joined(separator: " ") + "."
    }

    static let story = paragraph.array(of: 0...12)
}

@Suite struct DiffPropertyTests {
    @Test func theOperationsRebuildBothVersions() async {
        await propertyCheck(input: Corpus.story, Corpus.story) { old, new in
            let diff = ParagraphAligner.diff(old: old, new: new)
            #expect(diff.newParagraphs == new)
            #expect(diff.oldParagraphs == old)
        }
    }

    @Test func identicalVersionsAreOnlyUnchanged() async {
        await propertyCheck(input: Corpus.story) { story in
            let diff = ParagraphAligner.diff(old: story, new: story)
            #expect(diff.ops.allSatisfy { $0.kind == .unchanged })
            #expect(diff.ops.count == story.count)
        }
    }

    @Test func swappingTheVersionsSwapsAddedAndRemovedAndSplitAndMerged() async {
        await propertyCheck(input: Corpus.story, Corpus.story) { old, new in
            let forward = ParagraphAligner.diff(old: old, new: new)
            let backward = ParagraphAligner.diff(old: new, new: old)
            #expect(forward.count(.added) == backward.count(.removed))
            #expect(forward.count(.removed) == backward.count(.added))
            #expect(forward.count(.split) == backward.count(.merged))
            #expect(forward.count(.merged) == backward.count(.split))
        }
    }

    @Test func aParagraphMovedVerbatimIsMoved() async {
        await propertyCheck(input: Corpus.story.filter { Set($0).count == $0.count && $0.count >= 3 }) { story in
            var moved = story
            let paragraph = moved.removeFirst()
            moved.append(paragraph)
            let diff = ParagraphAligner.diff(old: story, new: moved)
            #expect(diff.count(.removed) == 0)
            #expect(diff.count(.added) == 0)
            #expect(diff.count(.moved) == 1)
        }
    }

    @Test func noWordDiffSplitsANumber() async {
        await propertyCheck(input: Corpus.paragraph, Corpus.paragraph) { old, new in
            let diff = WordDiffer.diff(old, new)
            let numbers = WordTokenizer.tokens(old + " " + new).filter { $0.kind == .number }.map(\.body)
            for op in diff.ops where op.kind != .equal {
                let tokens = WordTokenizer.tokens(op.text).map(\.body)
                for token in tokens where token.first?.isNumber == true || token.first == "$" || token.first == "-" {
                    #expect(numbers.contains(token), "\(token) is a piece of a number")
                }
            }
        }
    }
}

@Suite struct WordTokenizerTests {
    @Test(arguments: [
        ("cut 1,200 jobs", ["cut", "1,200", "jobs"]),
        ("rose to $85.40 a barrel", ["rose", "to", "$85.40", "a", "barrel"]),
        ("fell -3.5% on Friday", ["fell", "-3.5%", "on", "Friday"]),
        ("a 53% stake.", ["a", "53%", "stake", "."]),
        ("U.S.-China in-person talks", ["U.S", ".", "-", "China", "in-person", "talks"]),
        ("\"We agree,\" she said.", ["\"", "We", "agree", ",", "\"", "she", "said", "."]),
        ("the 2nd round", ["the", "2nd", "round"]),
    ])
    func tokens(text: String, bodies: [String]) {
        #expect(WordTokenizer.tokens(text).map(\.body) == bodies)
    }

    @Test func aChangedFigureIsOneWholeToken() {
        let diff = WordDiffer.diff("The company will cut 1,200 jobs.", "The company will cut 1,500 jobs.")
        #expect(diff.ops == [WordOp(.equal, "The company will cut "), WordOp(.delete, "1,200 "), WordOp(.insert, "1,500 "),
                             WordOp(.equal, "jobs.")])
    }

    @Test func aSlightWordBetweenEditsFoldsIntoThem() {
        let diff = WordDiffer.diff("traders said the deal", "Saudi Arabia confirmed the agreement")
        #expect(diff.ops.map(\.kind) == [.delete, .insert])
    }
}
