import Foundation
import Testing
@testable import Writethru

/// The rules that name and find stories, one table each: which ids are safe, what id a
/// headline or a URL gives, and the keys under which the derived index finds a story
/// (docs/reading.md, "Story identity"). The order in which `record` tries them is tested with
/// real archives in IdentityTests.
@Suite struct StoryIdentityRuleTests {
    @Test(arguments: [
        ("us-china-alaska-talks", nil),
        ("2021.03.11_talks", nil),
        ("A", nil),
        ("", "it is empty"),
        (String(repeating: "a", count: 101), "it is longer than 100 characters"),
        ("talks/alaska", "use only ASCII letters, digits, '.', '_' and '-'"),
        ("café", "use only ASCII letters, digits, '.', '_' and '-'"),
        ("-talks", "it must start with a letter or digit"),
        (".hidden", "it must start with a letter or digit"),
        ("a..b", "it must not contain '..'"),
        ("talks.", "it must not end in '.' or '.lock'"),
        ("talks.lock", "it must not end in '.' or '.lock'"),
    ] as [(String, String?)])
    func storyIDsAreSafeRefNames(text: String, problem: String?) {
        do throws(WritethruError) {
            let id = try StoryID(validating: text)
            #expect(problem == nil, "\(text) was accepted")
            #expect(id.referenceName == "refs/heads/stories/" + text)
        } catch {
            #expect(problem.map { error.description.hasSuffix($0) } == true, "\(text): \(error.description)")
        }
    }

    @Test func aControlCharacterIsShownNotPrinted() {
        #expect(throws: WritethruError.usage("invalid story id 'a\\x0Ab': use only ASCII letters, digits, '.', '_' and '-'")) {
            try StoryID(validating: "a\nb")
        }
    }

    @Test(arguments: [
        ("Top U.S., China diplomats to meet in Alaska next week", "top-us-china-diplomats-to-meet-in-alaska-next-week"),
        ("UPDATE 2-Oil falls 3% as stocks build", "update-2-oil-falls-3-as-stocks-build"),
        ("Café owners in São Paulo protest", "cafe-owners-in-sao-paulo-protest"),
        ("O'Brien’s plan: \"No deal\"", "obriens-plan-no-deal"),
        ("  -- Breaking --  ", "breaking"),
    ])
    func headlinesGiveLowerCaseHyphenatedIDs(headline: String, id: String) {
        #expect(StoryID.derived(fromHeadline: headline)?.value == id)
    }

    @Test func headlinesWithNoLettersOrDigitsGiveNoID() {
        #expect(StoryID.derived(fromHeadline: "!!! ??? —") == nil)
    }

    /// A headline in another script was refused ("no story id can be made"), so a batch of
    /// Russian or Chinese pages could not be recorded without --story (new-user trial).
    @Test(arguments: [
        ("Снегопад в Москве", "snegopad-v-moskve"),
        ("北京会谈", "bei-jing-hui-tan"),
        ("Σεισμός στην Αθήνα", "seismos-sten-athena"),
    ])
    func headlinesInOtherScriptsAreTransliterated(headline: String, id: String) {
        #expect(StoryID.derived(fromHeadline: headline)?.value == id)
    }

    @Test func longHeadlinesAreCutAtAWordBoundary() throws {
        let headline = "Officials from both countries said on Thursday that the talks would cover trade, climate and human rights"
        let id = try #require(StoryID.derived(fromHeadline: headline))
        #expect(id.value.count <= StoryID.derivedLength)
        #expect(id.value == "officials-from-both-countries-said-on-thursday-that-the-talks-would")
    }

    @Test(arguments: [
        ("https://www.example.com/world/talks", "example-com-world-talks"),
        ("http://example.com/a?id=7", "example-com-a-id-7"),
        ("file:///captures/story.html", "captures-story-html"),
    ])
    func keysGiveIDsWithoutSchemeOrWWW(key: String, id: String) {
        #expect(StoryID.derived(fromKey: key)?.value == id)
    }

    @Test func longKeysThatBeginAlikeStayApart() throws {
        let stem = "https://example.com/world/asia-pacific/2021/03/11/top-us-china-diplomats-to-meet-in-alaska-next-week-"
        let a = try #require(StoryID.derived(fromKey: stem + "a"))
        let b = try #require(StoryID.derived(fromKey: stem + "b"))
        #expect(a != b)
        #expect(a.value.count <= StoryID.maximumLength)
        #expect(a.value.dropLast(9) == b.value.dropLast(9))
    }

    @Test(arguments: [
        ("https://EXAMPLE.com/World/Talks#comments", "url https://example.com/World/Talks"),
        ("https://example.com/storm/", "url https://example.com/storm"),
        ("  https://example.com/storm//  ", "url https://example.com/storm"),
        ("example.com/Storm", "url example.com/Storm"),
    ])
    func urlKeysIgnoreFragmentTrailingSlashAndHostCase(url: String, key: String) {
        #expect(IdentityKey.url(url) == key)
    }

    @Test func emptyURLsAndHeadlinesGiveNoKey() {
        #expect(IdentityKey.url("#top") == nil)
        #expect(IdentityKey.url("   ") == nil)
        #expect(IdentityKey.headline("— ... —") == nil)
    }

    @Test(arguments: [
        ("MIDEAST STOCKS-Gulf markets mixed", "headline mideast stocks gulf markets mixed"),
        ("Top U.S., China diplomats", "headline top u s china diplomats"),
        ("Oil: prices (again) fall", "headline oil prices again fall"),
    ])
    func headlineKeysFoldCaseAndPunctuation(headline: String, key: String) {
        #expect(IdentityKey.headline(headline) == key)
    }

    @Test func leadSimilarityIsTheJaccardOfWordTrigrams() {
        let a = LeadSimilarity.shingles(["The storm hit the coast", "on Friday."])
        #expect(a == ["the storm hit", "storm hit the", "hit the coast", "the coast on", "coast on friday"])
        let b = LeadSimilarity.shingles(["The storm hit the coast on Saturday."])
        #expect(LeadSimilarity.jaccard(a, b) == 4.0 / 6.0)
        #expect(LeadSimilarity.jaccard([], []) == 0)
        #expect(LeadSimilarity.shingles(["Two words"]) == ["two", "words"])
    }

    @Test func onlyTheFirstThreeParagraphsCount() {
        let lead = LeadSimilarity.shingles(["a b c", "d e f", "g h i", "j k l"])
        #expect(!lead.contains("j k l"))
        #expect(lead.contains("g h i"))
    }
}
