import StoryText
import Testing

/// A headline line has at most `Revision.maximumHeadlineLength` characters, in every format
/// (docs/reading.md, "Text").
@Suite struct HeadlineLengthTests {
    /// A line of exactly `length` characters: words, no trailing space.
    static func line(_ length: Int) -> String {
        String(String(repeating: "Talks go on ", count: length / 12 + 1).prefix(length - 1)) + "x"
    }

    @Test(arguments: [1, 399, 400])
    func aLineUpToTheLimitIsTheHeadline(length: Int) throws {
        let text = try RevisionReader.readOne(Array((Self.line(length) + "\n\nThe talks went on.\n").utf8))
        #expect(text.headline.count == length)
        let json = "{\"headline\": \"\(Self.line(length))\", \"body\": \"The talks went on.\"}"
        #expect(try RevisionReader.readOne(Array(json.utf8)).headline.count == length)
    }

    @Test(arguments: [401, 5_000])
    func aLongerLineIsNoHeadline(length: Int) {
        #expect(throws: ReadingError.headlineTooLong(characters: length)) {
            try RevisionReader.readOne(Array((Self.line(length) + "\n\nThe talks went on.\n").utf8))
        }
        let json = "{\"headline\": \"\(Self.line(length))\", \"body\": \"The talks went on.\"}"
        #expect(throws: ReadingError.headlineTooLong(characters: length)) {
            try RevisionReader.readOne(Array(json.utf8))
        }
    }

    /// Characters, not bytes: 400 letters of a non-Latin script are still a headline.
    @Test func theLimitCountsCharactersNotBytes() throws {
        let headline = String(repeating: "Переговоры ", count: 40).prefix(400)
        let revision = try RevisionReader.readOne(Array((headline + "\n\nТекст.\n").utf8))
        #expect(revision.headline.count == 400)
    }
}
