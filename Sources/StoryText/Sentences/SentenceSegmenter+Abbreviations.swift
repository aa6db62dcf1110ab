extension SentenceSegmenter {
    enum AbbreviationKind {
        /// Comes before a name or date and never ends a sentence: Dr., Gov., Lt., Nov., vs.
        case prepositive
        /// Comes before a number (No. 3, Fig. 2); before anything else it is a plain word
        /// ('replied: "No." The answer').
        case numbering
        /// A company suffix (Inc., Corp., Co.): ends the sentence unless a title or another
        /// suffix follows ("Inc. Chief Executive", "Co. Ltd.").
        case company
        /// a.m. and p.m.: end the sentence unless the time goes on ("a.m. ET", "p.m. Tuesday") or
        /// the sentence is only a time phrase so far ("At 5 a.m. Mr. Smith"): SentenceSegmenter+Clock.
        case clock
        /// A single capital: an initial (John E. Smith), or a word that ends a sentence ("on X.",
        /// "Plan B."): SentenceSegmenter+Initials.
        case initial
        /// May end a sentence: U.S., Inc., p.m., Calif., Jr.; it does when a word that starts
        /// sentences, or a quote, follows.
        case ambiguous

        init?(_ token: String) {
            if SentenceSegmenter.numbering.contains(token) {
                self = .numbering
            } else if SentenceSegmenter.companies.contains(token) {
                self = .company
            } else if ["a.m", "p.m", "A.M", "P.M"].contains(token) {
                self = .clock
            } else if SentenceSegmenter.prepositive.contains(token) {
                self = .prepositive
            } else if token.count == 1, token.first?.isUppercase == true {
                self = .initial
            } else if SentenceSegmenter.ambiguous.contains(token)
                        || SentenceSegmenter.ambiguous.contains(token.lowercased()) {
                self = .ambiguous
            } else if token.contains("."),
                      token.split(separator: ".").allSatisfy({ $0.count <= 2 && $0.allSatisfy(\.isLetter) }) {
                // Dotted letter groups: U.S, U.N, D.C, J.P, H.R, cu.ft (e.g., i.e. and a.k.a. are
                // prepositive, a.m. and p.m. clock times).
                self = .ambiguous
            } else {
                return nil
            }
        }
    }

    /// Titles, ranks and short forms that precede what they qualify.
    static let prepositive: Set<String> = [
        "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Gov", "Sen", "Rep", "Reps", "Sens", "Lt", "Gen", "Col", "Maj", "Capt",
        "Sgt", "Adm", "Cmdr", "Cpl", "Pvt", "Rev", "Hon", "Pres", "Supt", "Det", "Insp", "Msgr", "Fr", "Mt", "Ft",
        "Atty", "Gens", "Sgts", "vs", "v", "approx", "est", "ca", "cf", "viz", "Jan", "Feb", "Apr", "Aug", "Sept",
        "Sep", "Oct", "Nov", "Dec", "e.g", "i.e", "a.k.a", "E.g", "I.e",
    ]

    /// Short forms that number what follows.
    static let numbering: Set<String> = [
        "No", "Nos", "N°", "Nº", "Nr", "Fig", "Figs", "Vol", "Vols", "Art", "Sec", "Ch", "Op", "pp", "p", "fig", "figs",
        "vol", "vols", "sec", "ch", "col", "cols", "para", "paras",
    ]

    static let companies: Set<String> = [
        "Inc", "Corp", "Co", "Ltd", "LLC", "Plc", "PLC", "Bros", "Cos", "AG", "SA", "NV",
    ]

    /// Words that go on naming after a company suffix: titles and further suffixes.
    static let nameContinuations: Set<String> = [
        "Chief", "Executive", "President", "Chairman", "Chairwoman", "Chair", "Vice", "CEO", "CFO", "COO", "Director",
        "Group", "Holdings", "Ltd", "Inc", "Corp", "LLC", "Plc", "Co", "International", "Board", "Spokesman",
        "Spokeswoman", "Spokesperson", "Managing", "General", "Senior", "Founder", "Co-founder", "Treasurer",
        "Secretary", "Operating", "Officer", "Partner", "Partners", "Chief's", "Head", "Unit", "Subsidiary",
    ]

    /// Short forms that may end a sentence.
    static let ambiguous: Set<String> = [
        "Jr", "Sr", "St", "Ave", "Blvd", "Rd", "Dept",
        "Univ", "Assn", "Mar", "Jun", "Jul", "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill",
        "Ind", "Kan", "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore",
        "Pa", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo", "al",
    ]

    /// Words that open sentences far more often than they continue a name after an
    /// abbreviation: after "U.S." or "Inc.", one of these starts a new sentence.
    static let sentenceStarters: Set<String> = [
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "His", "Her", "Its", "Their", "Our", "My",
        "Your", "This", "That", "These", "Those", "There", "Here", "In", "On", "At", "But", "And", "Or", "So", "Yet",
        "If", "When", "While", "After", "Before", "Since", "As", "No", "Some", "Many", "Most", "All", "Both", "Each",
        "Neither", "None", "Other", "Others", "Such", "Then", "Now", "Still", "However", "Meanwhile", "Instead",
        "Officials", "Analysts", "Police", "Shares", "Together", "Earlier", "Later", "Last", "Next", "According",
        "Asked", "Despite", "During", "For", "From", "With", "Without", "Under", "Over", "About", "Among", "Also",
        "Only", "Even", "Just", "What", "Who", "Why", "How", "Where", "Which", "Whether", "One", "Two", "Three",
        "Several", "Few", "More", "Another", "Every", "To", "By", "Of", "Not", "Nor", "Although", "Though", "Because",
        "Once", "Until", "Unless", "Separately", "Elsewhere", "Overall", "Further", "Did", "Do", "Does", "Is", "Are",
        "Was", "Were", "Has", "Have", "Had", "Would", "Could", "Should", "Might", "Must",
    ]
}
