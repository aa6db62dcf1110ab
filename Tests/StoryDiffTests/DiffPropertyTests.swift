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
