import Foundation
import StoryDiff
import Testing

/// The same date said again (issue 15): a weekday re-expressed as its date against the
/// story's dateline, and a date said more vaguely (docs/diff/claims.md).
@Suite struct DateSamenessTests {
    /// Wednesday 10 March 2021, 18:00 UTC; Tuesday 16 March 2021, 18:00 UTC.
    let wednesday = Date(timeIntervalSince1970: 1_615_399_200)
    let nextTuesday = Date(timeIntervalSince1970: 1_615_917_600)

    func dateChanges(_ old: String, _ new: String, oldTime: Date? = nil, newTime: Date? = nil,
                     story: StoryNames? = nil) -> [ClaimChange] {
        ClaimComparer.changes(old: old, new: new, paragraph: 1, oldTime: oldTime, newTime: newTime, story: story)
            .filter { $0.kind == .dateChanged }
    }

    func story(_ lede: String, _ rest: String...) -> StoryNames {
        StoryNames(old: [lede] + rest, new: [lede] + rest)
    }

    @Test func datelinesAreRead() {
        #expect(StoryDate(paragraphs: ["WASHINGTON, March 10 (Reuters) - The White House said on Wednesday."])
            == StoryDate(month: 3, day: 10))
        #expect(StoryDate(paragraphs: ["LONDON, Jan. 5, 2024 (AP) — Rail workers walked out."])
            == StoryDate(month: 1, day: 5, year: 2024))
        #expect(StoryDate(paragraphs: ["SAN JUAN, Puerto Rico, Sept. 20 (AP) - The storm knocked out power."])
            == StoryDate(month: 9, day: 20))
        #expect(StoryDate(paragraphs: ["WASHINGTON (Reuters) - The White House said on Wednesday."]) == nil)
        #expect(StoryDate(paragraphs: ["The White House said on Wednesday, March 10, that talks would go ahead."]) == nil)
        #expect(StoryDate(paragraphs: ["Officials in Washington, March 10 (a Wednesday) - no dateline."]) == nil)
    }

    @Test func theStoryPinsTheDatelinesWeekday() {
        let paragraphs = ["WASHINGTON, March 10 (Reuters) - Talks open in Anchorage on Thursday.",
                          "The delegations arrive on Wednesday, March 17, for a second round."]
        // March 17 is a week after March 10: both Wednesdays (weekday 4).
        #expect(StoryDate(paragraphs: paragraphs)?.weekday == 4)
        let conflicting = paragraphs + ["A vote is set for Friday, March 17."]
        #expect(StoryDate(paragraphs: conflicting)?.weekday == nil)
    }

    @Test func aWeekdayReExpressedAsItsDateIsTheSameDate() {
        let names = story("WASHINGTON, March 10 (Reuters) - Officials said talks would open in Anchorage.",
                          "A second round is set for Friday, March 19.")
        let old = "The delegations will meet on Thursday, a White House spokeswoman said."
        let new = "The delegations will meet on March 11, a White House spokeswoman said."
        #expect(dateChanges(old, new, story: names).isEmpty)
        #expect(dateChanges(new, old, story: names).isEmpty)
        // No dateline, no revision times: as printed, as before.
        #expect(!dateChanges(old, new).isEmpty)
        // A dateline whose weekday nothing gives: not known, as before.
        let unpinned = story("WASHINGTON, March 10 (Reuters) - Officials said talks would open in Anchorage.")
        #expect(!dateChanges(old, new, story: unpinned).isEmpty)
        // Another day is another date.
        #expect(dateChanges(old, "The delegations will meet on March 12, a White House spokeswoman said.",
                            story: names).first?.significance == .substantive)
    }

    @Test func theDatelinesYearComesFromARevisionTimeOrTheDateline() {
        let unpinned = story("WASHINGTON, March 10 (Reuters) - Officials said talks would open in Anchorage.")
        let old = "The delegations will meet on Thursday, a White House spokeswoman said."
        let new = "The delegations will meet on March 11, a White House spokeswoman said."
        // The old version has its time; the new one is dated by its dateline in that year.
        #expect(dateChanges(old, new, oldTime: wednesday, story: unpinned).isEmpty)
        let printed = story("WASHINGTON, March 10, 2021 (Reuters) - Officials said talks would open in Anchorage.")
        #expect(dateChanges(old, new, story: printed).isEmpty)
        #expect(!dateChanges(old, "The delegations will meet on March 12, a White House spokeswoman said.",
                             story: printed).isEmpty)
    }

    @Test func aVaguerDateIsStyle() {
        let old = "The ministry announced the tariffs on Monday, officials said."
        let new = "The ministry announced the tariffs last week, officials said."
        let vaguer = dateChanges(old, new, oldTime: wednesday, newTime: nextTuesday)
        #expect(vaguer.count == 1)
        #expect(vaguer.first?.significance == .style)
        #expect(vaguer.first?.reason.contains("vaguer date") == true)
        let precise = dateChanges(new, old, oldTime: nextTuesday, newTime: wednesday)
        #expect(precise.first?.significance == .substantive)
        #expect(precise.first?.reason.contains("date made precise") == true)
        // "on Monday" in a Wednesday story is this week, not last week: a different date.
        let sameWeek = dateChanges(old, new, oldTime: wednesday, newTime: wednesday)
        #expect(sameWeek.first?.significance == .substantive)
        // A day and its month need no reference.
        let month = dateChanges("The plant closed on March 3, the company said.",
                                "The plant closed in March, the company said.")
        #expect(month.first?.significance == .style)
        #expect(dateChanges("The plant closed in March, the company said.",
                            "The plant closed on March 3, the company said.").first?.significance == .substantive)
    }

    @Test func aBoundMovedIsNotAVaguerDate() {
        let moved = dateChanges("The company must repay the loan by March 3, the court ruled.",
                                "The company must repay the loan by the end of March, the court ruled.")
        #expect(moved.first?.significance == .substantive)
        #expect(dateChanges("The plant closed on March 25, the company said.",
                            "The plant closed in early March, the company said.").first?.significance == .substantive)
        #expect(DateResolution.isBound("March", in: "It must be repaid by the end of March."))
        #expect(!DateResolution.isBound("March", in: "It was repaid in March."))
    }

    @Test func containment() {
        #expect(DateResolution.contains("week of 2021-03-08", "2021-03-11"))
        #expect(!DateResolution.contains("week of 2021-03-08", "2021-03-15"))
        #expect(DateResolution.contains("2021-03", "2021-03-03"))
        #expect(DateResolution.contains("--03", "--03-03"))
        #expect(!DateResolution.contains("--03", "2021-03-03"))
        #expect(DateResolution.contains("2021", "2021-03"))
        #expect(DateResolution.contains("1980s", "1989"))
        #expect(!DateResolution.contains("2021-03", "2021-03"))
        #expect(!DateResolution.contains("thursday", "2021-03-11"))
    }

    @Test func aStandInYearIsNeverPrinted() {
        let reference = StoryDate(month: 3, day: 10, weekday: 4).reference()
        #expect(reference?.yearKnown == false)
        #expect(DateResolution.resolve("on Thursday", against: reference) == "--03-11")
        #expect(DateResolution.resolve("next week", against: reference) == "week of --03-15")
        #expect(DateResolution.resolve("this year", against: reference) == "this year")
        #expect(DateResolution.resolve("March 11, 2021", against: reference) == "2021-03-11")
    }
}
