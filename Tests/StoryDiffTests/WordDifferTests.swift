import Testing
@testable import StoryDiff

@Suite struct WordDifferTests {
    @Test func aChangedFigureIsOneWholeToken() {
        let diff = WordDiffer.diff("The company will cut 1,200 jobs.", "The company will cut 1,500 jobs.")
        #expect(diff.ops == [WordOp(.equal, "The company will cut "), WordOp(.delete, "1,200 "), WordOp(.insert, "1,500 "),
                             WordOp(.equal, "jobs.")])
    }

    @Test func aSlightWordBetweenEditsFoldsIntoThem() {
        let diff = WordDiffer.diff("traders said the deal", "Saudi Arabia confirmed the agreement")
        #expect(diff.ops.map(\.kind) == [.delete, .insert])
    }

    /// The cleanup's rule: a single kept token between two edits folds into them when it is a
    /// slight lower-case word or punctuation, never a number, a capitalised word, another word
    /// or a quote mark.
    @Test(arguments: [
        ("traders said the deal", "analysts thought the agreement", true),
        ("said x, y", "thought p, q", true),
        ("traders said Biden would", "analysts think Biden might", false),
        ("about 5 people", "nearly 5 dozen", false),
        ("traders said deal ok", "analysts think deal fine", false),
        ("said x \" y", "thought p \" q", false),
    ])
    func slightWordsFold(old: String, new: String, folds: Bool) {
        let kinds = WordDiffer.diff(old, new).ops.map(\.kind)
        #expect(kinds == (folds ? [.delete, .insert] : [.delete, .insert, .equal, .delete, .insert]))
    }

    @Test func spacingAloneIsNoChange() {
        let diff = WordDiffer.diff("a  b", "a b")
        #expect(diff.ops == [WordOp(.equal, "a b", oldText: "a  b")])
        #expect(diff.similarity == 1)
        #expect(diff.oldText == "a  b")
        #expect(diff.newText == "a b")
    }

    @Test func similarityIsKeptCharactersOverAll() {
        #expect(WordDiffer.diff("", "").similarity == 1)
        #expect(WordDiffer.diff("a", "").similarity == 0)
        // "one " and "three" kept (4 + 5 characters each side) of 9 + 4 + 9 + 4 characters.
        #expect(WordDiffer.diff("one two three", "one four three").similarity == 18.0 / 27.0)
    }

    @Test func aboveTheLimitItGivesUp() {
        var settings = DiffSettings()
        settings.wordDiffLimit = 3
        let diff = WordDiffer.diff("a b", "c d", settings: settings)
        #expect(diff.gaveUp)
        #expect(diff.ops == [WordOp(.delete, "a b"), WordOp(.insert, "c d")])
        #expect(diff.similarity == 0)
        #expect(!WordDiffer.diff("a b", "c d", settings: DiffSettings()).gaveUp)
    }

    @Test func theInternedSimilarityIsAWeightedCommonSubsequenceAndSymmetric() {
        let settings = DiffSettings()
        // [1, 2, 3] and [1, 3]: tokens 1 and 3 kept, 4 characters of 5.
        #expect(WordDiffer.similarity([1, 2, 3], [1, 1, 1], [1, 3], [1, 1], settings: settings) == 0.8)
        let a = [4, 1, 2, 3, 1], aLengths = [3, 1, 2, 5, 1]
        let b = [1, 3, 4, 2], bLengths = [1, 5, 3, 2]
        #expect(WordDiffer.similarity(a, aLengths, b, bLengths, settings: settings)
            == WordDiffer.similarity(b, bLengths, a, aLengths, settings: settings))
        var tight = settings
        tight.wordDiffLimit = 5
        #expect(WordDiffer.similarity([1, 2, 3], [1, 1, 1], [1, 3], [1, 1], settings: tight) == 0)
    }
}
