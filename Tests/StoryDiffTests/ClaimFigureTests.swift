import Foundation
@testable import StoryDiff
import Testing

private func kinds(_ old: String, _ new: String) -> Set<ClaimChange.Kind> {
    Set(ClaimComparer.changes(old: old, new: new, paragraph: 1).map(\.kind))
}

/// Figures, dates and times that were not read (issue 15): each class raised and lowered, added
/// and removed, and said again in other words.
@Suite struct ClaimFigureTests {
    // MARK: A number glued to a word by a scraper

    @Test func aGluedNumberIsReadAsIfTheSpaceWereThere() {
        let claim = ClaimExtractor.claim("The river rose to7.3 feet, and the mill built in1987by farmers flooded.")
        #expect(claim.quantities.map(\.value) == [7.3])
        #expect(claim.quantities.map(\.unit) == ["feet"])
        #expect(claim.dates == ["1987"])
        #expect(kinds("The river rose to7.3 feet overnight.", "The river rose to 7.9 feet overnight.") == [.quantityChanged])
        #expect(kinds("The river rose to7.3 feet overnight.", "The river rose to 7.3 feet overnight.") == [.cosmetic])
    }

    @Test func modelNumbersOrdinalsAndDecadesAreNotCut() {
        #expect(ClaimExtractor.unglued(["A320neo", "2nd", "19th", "1980s", "mp3", "COVID-19", "3D", "@user123", "#covid19"])
                == ["A320neo", "2nd", "19th", "1980s", "mp3", "COVID-19", "3D", "@user123", "#covid19"])
        #expect(ClaimExtractor.unglued(["(in1987by", "9:40am,", "lost12%"]) == ["(in", "1987", "by", "9:40", "am,", "lost", "12%"])
    }

    // MARK: Number-unit compounds

    @Test(arguments: [
        ("A 9-year-old boy was rescued.", "An 8-year-old boy was rescued."),
        ("The drug will be tested in a 3-week trial.", "The drug will be tested in a 6-week trial."),
        ("The council approved a five-year plan.", "The council approved a three-year plan."),
    ])
    func aFigureChangedInsideACompoundIsAQuantityChange(old: String, new: String) {
        #expect(kinds(old, new) == [.quantityChanged])
        #expect(kinds(new, old) == [.quantityChanged])
    }

    @Test func compoundsKeepTheirUnit() {
        #expect(ClaimExtractor.claim("A 9-year-old boy").quantities.map(\.unit) == ["year-old"])
        #expect(ClaimExtractor.claim("a twenty-five-member panel and twenty-five officials").quantities.map(\.value) == [25, 25])
        #expect(ClaimExtractor.claim("a one-sided match, the U.S.-China talks, a one-on-one").quantities.isEmpty)
        #expect(kinds("The council approved a five-year plan.", "The council approved a 5-year plan.") == [.reworded])
    }

    // MARK: Years, months of years, years as modifiers

    @Test(arguments: [
        ("The plant was shut down in 1989.", "The plant was shut down in 1990."),
        ("The factory closed in March 2019.", "The factory closed in May 2019."),
        ("The factory closed in March 2019.", "The factory closed in March 2018."),
        ("Oil from the 1989 spill is still found.", "Oil from the 1991 spill is still found."),
        ("The bridge, which opened in 1932, will close.", "The bridge will close."),
        ("Its 1920s collection was restored.", "Its 1930s collection was restored."),
    ])
    func aYearChangedIsADateChange(old: String, new: String) {
        #expect(kinds(old, new) == [.dateChanged])
        #expect(kinds(new, old) == [.dateChanged])
    }

    @Test func aYearIsADateNotAFigure() {
        let claim = ClaimExtractor.claim("The 1989 spill, in March 2019 and in 2001, cost more than 2000 jobs.")
        #expect(claim.dates == ["1989", "March 2019", "2001"])
        #expect(claim.quantities.map(\.value) == [2000])
        #expect(claim.hedges.isEmpty == true)
        #expect(ClaimExtractor.claim("Output fell in May 2019.").hedges.isEmpty)
        #expect(ClaimExtractor.claim("Sales rose between March and May, and by the end of June.").dates
                == ["March", "May", "June"])
        #expect(ClaimExtractor.claim("Johnson and May clashed over it.").dates.isEmpty)
    }

    @Test(arguments: [
        ("The plant was shut down in 1989.", "In 1989, the plant was shut down."),
        ("Oil from the 1989 spill is still found.", "Oil from the spill of 1989 is still found."),
        ("The factory closed in March 2019.", "The factory closed in March of 2019."),
        ("The inquiry opened in Sept. 2021.", "The inquiry opened in September 2021."),
        ("The vote is set for March 18.", "The vote is set for 18 March."),
        ("Talks resume on Thursday, March 18.", "Talks resume on March 18."),
    ])
    func theSameDatePrintedAnotherWayIsNoChange(old: String, new: String) {
        #expect(kinds(old, new) == [.reworded])
        #expect(kinds(new, old) == [.reworded])
    }

    @Test func thisYearIsTheRevisionsYear() {
        let march2024 = Date(timeIntervalSince1970: 1_710_093_600)
        let changes = ClaimComparer.changes(old: "Profits will recover this year.", new: "Profits will recover in 2024.",
                                            paragraph: 1, oldTime: march2024, newTime: march2024)
        #expect(changes.map(\.kind) == [.reworded])
    }

    // MARK: Clock times

    @Test(arguments: [
        ("The blast was heard at 9:40 a.m.", "The blast was heard at 9:55 a.m."),
        ("Polls close at 8 p.m. tonight.", "Polls close at 9 p.m. tonight."),
        ("Police arrived at 6:30 a.m.", "Police arrived at 6:30 p.m."),
        ("The flight landed at 10:15 p.m. EDT.", "The flight landed at 11:05 p.m. EDT."),
    ])
    func aClockTimeChangedIsADateChange(old: String, new: String) {
        #expect(kinds(old, new) == [.dateChanged])
        #expect(kinds(new, old) == [.dateChanged])
    }

    @Test func clockTimesAreNotFigures() {
        let claim = ClaimExtractor.claim("The blast at 9:40 a.m. was followed by another at 10 p.m. and a third at noon.")
        #expect(claim.dates == ["9:40 a.m.", "10 p.m.", "noon"])
        #expect(claim.quantities.isEmpty)
        #expect(kinds("The blast was heard at 9:40 a.m.", "The blast was heard at 9:40am.") == [.cosmetic])
    }

    // MARK: Bounds are not negations

    @Test func noEarlierThanIsABoundNotANegation() {
        let claim = ClaimExtractor.claim("The launch will be no earlier than 5 p.m. and no more than 50 people may attend.")
        #expect(claim.negations.isEmpty)
        #expect(claim.dates == ["no earlier than 5 p.m."])
        #expect(claim.quantities.map(\.approximator) == ["no more than"])
        #expect(kinds("The launch will be no earlier than 5 p.m.", "The launch will be no later than 5 p.m.") == [.dateChanged])
        #expect(kinds("The launch will be at 5 p.m.", "The launch will be no earlier than 5 p.m.") == [.dateChanged])
        #expect(kinds("The launch will be no later than 5 p.m.", "The launch will be by 5 p.m.") == [.reworded])
        #expect(kinds("No more than 50 people may attend.", "At most 50 people may attend.") == [.reworded])
        #expect(kinds("No more than 50 people may attend.", "No more than 30 people may attend.") == [.quantityChanged])
        // A real negation is still one.
        #expect(ClaimExtractor.claim("The launch will not be before 5 p.m.").negations == ["not"])
    }

    // MARK: Number words that count nothing

    @Test func ordinalsAndNumbersBeforeModifiersAreNotQuantities() {
        #expect(ClaimExtractor.claim("It was the first high-level contact between the two sparring countries.").quantities.isEmpty)
        #expect(ClaimExtractor.claim("The world's two largest economies met for the first time.").quantities.isEmpty)
        #expect(ClaimExtractor.claim("No one was hurt, and they blamed one another.").quantities.isEmpty)
        #expect(ClaimExtractor.claim("Two senior officials resigned.").quantities.map(\.unit) == ["officials"])
        #expect(ClaimExtractor.claim("The storm damaged two of the city's bridges.").quantities.map(\.unit) == ["bridges"])
        #expect(ClaimExtractor.claim("Twelve were injured.").quantities.map(\.value) == [12])
    }

    /// "the two governments" counts what the story named before: said again or dropped in a
    /// rewritten clause it is no new figure, changed it still is.
    @Test func aCountAfterADefiniteDeterminerRefersBack() {
        #expect(ClaimExtractor.claim("Talks between the two governments resumed.").quantities.map(\.refersBack) == [true])
        #expect(ClaimExtractor.claim("Two governments resumed talks.").quantities.map(\.refersBack) == [false])
        #expect(kinds("Talks between the two governments resumed.", "Talks between the sparring governments resumed.")
                == [.reworded])
        #expect(kinds("The three men arrested were released.", "The four men arrested were released.") == [.quantityChanged])
        #expect(kinds("Three men were arrested.", "Men were arrested.") == [.quantityChanged])
    }

    // MARK: Units

    @Test func theUnitIsTheCountedNounNotTheNextWord() {
        #expect(ClaimExtractor.claim("The driver, 41, and a passenger were hurt.").quantities.map(\.unit) == [""])
        #expect(ClaimExtractor.claim("The driver, 41 years old, was hurt.").quantities.map(\.unit) == ["years old"])
        #expect(ClaimExtractor.claim("The driver, 41 years old, was hurt.").quantities.map(\.text) == ["41 years old"])
        #expect(ClaimExtractor.claim("12 were killed and dozens of people hurt.").quantities.map(\.unit) == ["", "people"])
        #expect(kinds("The driver, 41, was hurt.", "The 41-year-old driver was hurt.") == [.reworded])
        #expect(kinds("The 41-year-old driver was hurt.", "The driver, 41 years old, was hurt.") == [.reworded])
        #expect(kinds("The water was 3 feet deep.", "The water was 3 meters deep.") == [.quantityChanged])
        #expect(kinds("About 200 workers will go.", "Around 200 workers will go.") == [.reworded])
        #expect(kinds("Dozens of people fled.", "Hundreds of people fled.") == [.quantityChanged])
    }

    @Test func percentAndHundredInWordsAreTheSameFigure() {
        #expect(ClaimExtractor.claim("Shares fell 4.5 percent on Monday.").quantities.map(\.unit) == ["%"])
        #expect(ClaimExtractor.claim("It passed by three hundred votes.").quantities.map(\.value) == [300])
        #expect(kinds("Shares fell 4.5% on Monday.", "Shares fell 4.5 percent on Monday.") == [.reworded])
        #expect(kinds("It passed by 300 votes.", "It passed by three hundred votes.") == [.reworded])
    }

    @Test func scoresTalliesAndRangesAreFiguresAndSpansOfYearsAreDates() {
        #expect(kinds("The Senate voted 52-48 to confirm her.", "The Senate voted 51-49 to confirm her.") == [.quantityChanged])
        #expect(kinds("Between 10-15 people were hurt.", "Between 10-20 people were hurt.") == [.quantityChanged])
        #expect(kinds("United won 3-2 at home.", "United won 3–2 at home.") == [.cosmetic])
        #expect(ClaimExtractor.claim("In the 2019-20 season, he scored 30 goals.").dates == ["2019-20"])
        #expect(kinds("In the 2019-20 season, he scored.", "In the 2019-2020 season, he scored.") == [.reworded])
        #expect(kinds("In the 2019-20 season, he scored.", "In the 2020-21 season, he scored.") == [.dateChanged])
        #expect(ClaimExtractor.yearSpan("1999-00") == "1999-2000")
        #expect(ClaimExtractor.yearSpan("2020-19") == nil)
    }

    @Test func ratiosWireTimesAndShortScales() {
        #expect(ClaimExtractor.claim("About 1 in 5 adults smoke.").quantities.map(\.value) == [0.2])
        #expect(kinds("About 1 in 5 adults smoke.", "About one in five adults smoke.") == [.reworded])
        #expect(ClaimExtractor.claim("She won one in 2019 and one in 2021.").quantities.isEmpty)
        #expect(ClaimExtractor.claim("Voting ends at 1800 GMT.").dates == ["1800 GMT"])
        #expect(ClaimExtractor.claim("He arrived in 1990 GMT.").dates == ["1990"])
        #expect(kinds("Voting ends at 1800 GMT.", "Voting ends at 18:00 GMT.") == [.cosmetic])
        #expect(kinds("The group raised $2.5bn.", "The group raised $2.5 billion.") == [.reworded])
    }

    @Test func signsTemperaturesShortCurrencyScalesAndFractions() {
        #expect(ClaimExtractor.claim("It was 40C on Sunday and -5F overnight.").quantities.map(\.value) == [40, -5])
        #expect(ClaimExtractor.claim("It was 40C on Sunday and -5F overnight.").quantities.map(\.unit) == ["°C", "°F"])
        #expect(ClaimExtractor.claim("The club paid £5m for him.").quantities.map(\.value) == [5_000_000])
        #expect(ClaimExtractor.claim("Shares fell -3.5% on Friday.").quantities.map(\.value) == [-3.5])
        #expect(ClaimExtractor.claim("A third of the staff and half the voters.").quantities.map(\.value) == [1.0 / 3, 0.5])
        #expect(ClaimExtractor.claim("It was the first quarter and a third time, on the A-10 and the F-35.").quantities.isEmpty)
        #expect(kinds("The club paid £5m for him.", "The club paid £5 million for him.") == [.reworded])
        #expect(kinds("A third of the staff will go.", "Half of the staff will go.") == [.quantityChanged])
    }

    @Test func aFigureMovedInTheSentenceIsNotAChange() {
        #expect(kinds("The company will cut 200 jobs and close 3 plants.", "The company will close 3 plants and cut 200 jobs.")
                == [.reworded])
    }
}
