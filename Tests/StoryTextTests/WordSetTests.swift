import Testing
@testable import StoryText

/// A `WordSet` answers as the `Set` of its words does, for listed and unlisted words alike.
@Suite struct WordSetTests {
    @Test func containsMatchesTheSet() {
        let listed: Set<String> = ["byline", "author", "a", "comments", "related", "x" + String(repeating: "y", count: 40)]
        let set = WordSet(listed)
        var random = UnreadAttributesTests.Generator(state: 31)
        let letters = Array("abcelmnorstuxy-é")
        var words = Array(listed) + ["", "b", "bylines", "autho", "xy", String(repeating: "y", count: 41)]
        for _ in 0..<20_000 {
            words.append(String((0..<random.next(9)).map { _ in letters[random.next(letters.count)] }))
        }
        for word in words { #expect(set.contains(word) == listed.contains(word), "\(word)") }
        #expect(OtherStories.tags.contains("nav") && !OtherStories.tags.contains("div"))
    }
}
