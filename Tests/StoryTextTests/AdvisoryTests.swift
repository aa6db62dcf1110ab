import Testing
@testable import StoryText

@Suite struct AdvisoryTests {
    @Test(arguments: [
        ("(Adds Chinese confirmation of talks, comment)",
         [AdvisoryItem(verb: "add", object: "Chinese confirmation of talks", paragraphs: []),
          AdvisoryItem(verb: "add", object: "comment", paragraphs: [])]),
        ("(Adds prime minister's reaction in paragraph 3, updates death toll in paragraph 4)",
         [AdvisoryItem(verb: "add", object: "prime minister's reaction", paragraphs: [3]),
          AdvisoryItem(verb: "update", object: "death toll", paragraphs: [4])]),
        ("(Recasts with Senate vote)", [AdvisoryItem(verb: "recast", object: "Senate vote", paragraphs: [])]),
        ("(Rewrites throughout)", [AdvisoryItem(verb: "rewrite", object: "throughout", paragraphs: [])]),
        ("(Corrects spelling of name in paragraph 5)",
         [AdvisoryItem(verb: "correct", object: "spelling of name", paragraphs: [5])]),
        ("(Updates with details of meeting)", [AdvisoryItem(verb: "update", object: "details of meeting", paragraphs: [])]),
        ("(Recasts, adds details of meeting, Psaki comment)",
         [AdvisoryItem(verb: "recast", object: "", paragraphs: []),
          AdvisoryItem(verb: "add", object: "details of meeting", paragraphs: []),
          AdvisoryItem(verb: "add", object: "Psaki comment", paragraphs: [])]),
        ("(Adds quotes and updates toll in paras 6-8)",
         [AdvisoryItem(verb: "add", object: "quotes", paragraphs: []),
          AdvisoryItem(verb: "update", object: "toll", paragraphs: [6, 7, 8])]),
        ("(Corrects third paragraph to say ministry, not agency)",
         [AdvisoryItem(verb: "correct", object: "to say ministry", paragraphs: [3]),
          AdvisoryItem(verb: "correct", object: "not agency", paragraphs: [])]),
        ("(Changes headline, adds background in paragraphs 5 and 6)",
         [AdvisoryItem(verb: "change", object: "headline", paragraphs: []),
          AdvisoryItem(verb: "add", object: "background", paragraphs: [5, 6])]),
        ("(Corrects figure in lead)", [AdvisoryItem(verb: "correct", object: "figure", paragraphs: [1])]),
        ("(EDS: Updates with arrest; no pickup)",
         [AdvisoryItem(verb: "update", object: "arrest", paragraphs: []),
          AdvisoryItem(verb: "update", object: "no pickup", paragraphs: [])]),
    ] as [(String, [AdvisoryItem])])
    func parsesItems(line: String, items: [AdvisoryItem]) {
        #expect(Advisory(text: line).items == items)
    }
}

@Suite struct AdvisoryParserTests {
    /// Verb forms as editors write them, to their base form, and what is left of the segment.
    @Test(arguments: [
        ("Adds comment", "add", "comment"),
        ("add comment", "add", "comment"),
        ("Writes through with new lead", "write through", "new lead"),
        ("Writethru", "write through", ""),
        ("Updates with arrest", "update", "arrest"),
        ("Tops with arrest", "top", "arrest"),
        ("Clarifies", "clarify", ""),
        ("Withdraws story", "withdraw", "story"),
        ("Addresses concerns", nil, "Addresses concerns"),
        ("Updated figures", nil, "Updated figures"),
        ("Recasting", nil, "Recasting"),
    ] as [(String, String?, String)])
    func leadingVerb(segment: String, verb: String?, rest: String) {
        let (found, left) = AdvisoryParser.leadingVerb(segment)
        #expect(found == verb)
        #expect(left == rest)
    }

    /// Commas and semicolons separate; " and " only when a verb follows it.
    @Test(arguments: [
        ("adds quotes and updates toll", ["adds quotes", "updates toll"]),
        ("adds Smith and Jones comments", ["adds Smith and Jones comments"]),
        ("recasts; adds comment", ["recasts", "adds comment"]),
        ("adds quotes, and updates toll", ["adds quotes", "updates toll"]),
        ("adds quotes,, comment", ["adds quotes", "comment"]),
    ])
    func segments(text: String, expected: [String]) {
        #expect(AdvisoryParser.segments(of: text) == expected)
    }

    @Test(arguments: [
        ("toll in paragraph 3", "toll", [3]),
        ("quote in paras 3-4", "quote", [3, 4]),
        ("figures in pars 2, 5", "figures", [2, 5]),
        ("name in grafs 6 to 8", "name", [6, 7, 8]),
        ("figure in the second and third paragraphs", "figure", [2, 3]),
        ("figure in 4th para", "figure", [4]),
        ("figure in lead", "figure", [1]),
        ("figure in the lede", "figure", [1]),
        ("details", "details", []),
        ("paragraph about talks", "paragraph about talks", []),
    ] as [(String, String, [Int])])
    func paragraphReferences(object: String, rest: String, paragraphs: [Int]) {
        let (left, numbers) = AdvisoryParser.paragraphReferences(in: object)
        #expect(left == rest)
        #expect(numbers == paragraphs)
    }

    @Test(arguments: [
        ("3", [3]), ("3-5", [3, 4, 5]), ("3–4", [3, 4]), ("5 and 6", [5, 6]), ("6 to 8", [6, 7, 8]),
        ("2, 4 & 7", [2, 4, 7]), ("5-3", [5]), ("1-200", [1]),
    ] as [(String, [Int])])
    func numbers(text: String, expected: [Int]) {
        #expect(AdvisoryParser.numbers(in: text) == expected)
    }

    @Test func aLineWithoutAVerbStillGivesItsItems() {
        #expect(Advisory(text: "(Fresh details.)").items == [AdvisoryItem(verb: nil, object: "Fresh details", paragraphs: [])])
        #expect(Advisory(text: "(Adds comment.)").items == [AdvisoryItem(verb: "add", object: "comment", paragraphs: [])])
        #expect(Advisory(text: "()").items.isEmpty)
    }

    /// Which header lines are advisory lines: one bracketed line, no nested brackets, opening
    /// with a verb or a word editors' notes open with.
    @Test(arguments: [
        ("(Adds comment)", true), ("(Add)", true), ("(  Updates toll)", true), ("(Writes through)", true),
        ("(Eds: updates toll)", true), ("(Editor's note: corrects name)", true), ("(Corrected to fix typo)", true),
        ("(Repeats)", true), ("(Reuters)", false), ("(Adds (new) comment)", false), ("Adds comment", false),
        ("(Ad)", false), ("(Additional reporting by Li Wei)", false),
    ] as [(String, Bool)])
    func advisoryLines(line: String, isAdvisory: Bool) {
        #expect(WireMetadata.isAdvisory(line) == isAdvisory)
    }
}
