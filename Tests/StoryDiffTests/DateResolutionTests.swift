import Foundation
import StoryDiff
import Testing

@Suite struct DateResolutionTests {
    /// Wednesday 10 March 2021, 18:00 UTC, and the next morning.
    let wednesday = Date(timeIntervalSince1970: 1_615_399_200)
    let thursday = Date(timeIntervalSince1970: 1_615_453_200)

    @Test func relativeDatesResolveAgainstTheRevisionsTime() {
        #expect(DateResolution.resolve("on Thursday", reference: wednesday) == "2021-03-11")
        #expect(DateResolution.resolve("today", reference: thursday) == "2021-03-11")
        #expect(DateResolution.resolve("yesterday", reference: thursday) == "2021-03-10")
        #expect(DateResolution.resolve("March 18", reference: wednesday) == "2021-03-18")
        #expect(DateResolution.resolve("Jan. 5, 2024", reference: wednesday) == "2024-01-05")
        #expect(DateResolution.resolve("next week", reference: wednesday) == "week of 2021-03-15")
        #expect(DateResolution.resolve("last month", reference: wednesday) == "2021-02")
        #expect(DateResolution.resolve("on Thursday", reference: nil) == "on thursday")
    }

    @Test func sameDayInOtherWordsIsNoDateChange() {
        let before = "The talks will take place on Thursday, officials said."
        let after = "The talks will take place today, officials said."
        #expect(!ClaimComparer.changes(old: before, new: after, paragraph: 1, oldTime: wednesday, newTime: thursday)
            .contains { $0.kind == .dateChanged })
        #expect(ClaimComparer.changes(old: before, new: after, paragraph: 1).contains { $0.kind == .dateChanged })
        #expect(ClaimComparer.changes(old: before, new: after, paragraph: 1, oldTime: wednesday, newTime: wednesday)
            .contains { $0.kind == .dateChanged })
    }
}

@Suite struct DateResolutionTableTests {
    /// Wednesday 10 March 2021, 18:00 UTC.
    static let wednesday = Date(timeIntervalSince1970: 1_615_399_200)

    @Test(arguments: [
        // Weekdays: the nearest one, three days either way at most.
        ("Thursday", "2021-03-11"), ("on Monday", "2021-03-08"), ("Sunday", "2021-03-07"), ("Saturday", "2021-03-13"),
        ("on Wednesday", "2021-03-10"),
        // "next" never looks back and "last" never forward.
        ("next Wednesday", "2021-03-17"), ("last Wednesday", "2021-03-03"), ("next Friday", "2021-03-12"),
        ("last Thursday", "2021-03-04"), ("last Monday", "2021-03-08"),
        // Days, weeks (starting on Monday), months and years around the reference.
        ("today", "2021-03-10"), ("tonight", "2021-03-10"), ("tomorrow", "2021-03-11"), ("yesterday", "2021-03-09"),
        ("this week", "week of 2021-03-08"), ("earlier this week", "week of 2021-03-08"),
        ("last week", "week of 2021-03-01"), ("next week", "week of 2021-03-15"),
        ("this month", "2021-03"), ("later this month", "2021-03"), ("next month", "2021-04"), ("last month", "2021-02"),
        ("this year", "2021"), ("next year", "2022"), ("last year", "2020"),
        // Printed dates: the reference's year unless one is printed.
        ("March 18", "2021-03-18"), ("Sept. 3", "2021-09-03"), ("Jan 5", "2021-01-05"), ("March 18, 2020", "2020-03-18"),
        // What it cannot resolve stays as printed, in lower case.
        ("May", "may"), ("the weekend", "the weekend"), ("Next Month", "2021-04"),
    ])
    func resolves(date: String, expected: String) {
        #expect(DateResolution.resolve(date, reference: Self.wednesday) == expected)
    }

    @Test func withoutAReferenceTheTextIsTheDate() {
        #expect(DateResolution.resolve("Next Week", reference: nil) == "next week")
        #expect(DateResolution.resolve("March 18", reference: nil) == "march 18")
    }
}
