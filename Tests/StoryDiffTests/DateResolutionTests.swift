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
        #expect(DateResolution.resolve("on Thursday", reference: nil) == "thursday")
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
        // A month alone is the reference's; "last" and "next" months the ones either side.
        ("May", "2021-05"), ("last May", "2020-05"), ("next May", "2021-05"), ("last February", "2021-02"),
        // Years, months of years, days before months, decades, clock times.
        ("1989", "1989"), ("March 2019", "2019-03"), ("Sept 2021", "2021-09"), ("18 March", "2021-03-18"),
        ("18 March 2019", "2019-03-18"), ("1980s", "1980s"), ("9:40 a.m.", "09:40"), ("no earlier than 5 p.m.", "from 17:00"),
        // What it cannot resolve stays as printed, in lower case.
        ("the weekend", "the weekend"), ("Next Month", "2021-04"),
    ])
    func resolves(date: String, expected: String) {
        #expect(DateResolution.resolve(date, reference: Self.wednesday) == expected)
    }

    @Test func withoutAReferenceTheTextIsTheDate() {
        #expect(DateResolution.resolve("Next Week", reference: nil) == "next week")
        #expect(DateResolution.resolve("the weekend", reference: nil) == "the weekend")
    }

    /// Without a reference, one date printed two ways is still one date; a year it does not
    /// print is not made up.
    @Test func withoutAReferenceTheSameDatePrintedTwoWaysIsOne() {
        #expect(DateResolution.resolve("March 18", reference: nil) == "--03-18")
        #expect(DateResolution.resolve("18 March", reference: nil) == "--03-18")
        #expect(DateResolution.resolve("Mar. 18", reference: nil) == "--03-18")
        #expect(DateResolution.resolve("March 18, 2020", reference: nil) == "2020-03-18")
        #expect(DateResolution.resolve("March", reference: nil) == "--03")
        #expect(DateResolution.resolve("on Thursday", reference: nil) == DateResolution.resolve("Thursday", reference: nil))
        #expect(DateResolution.resolve("last Thursday", reference: nil) == "last thursday")
        #expect(DateResolution.same(DateResolution.resolve("9:40 a.m.", reference: nil),
                                    DateResolution.resolve("9:40 a.m. EDT", reference: nil)))
        #expect(!DateResolution.same(DateResolution.resolve("9:40 a.m. EDT", reference: nil),
                                     DateResolution.resolve("9:40 a.m. PDT", reference: nil)))
    }
}
