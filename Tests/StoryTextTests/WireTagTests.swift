import StoryText
import Testing

@Suite struct WireTagTests {
    @Test(arguments: [
        ("UPDATE 4-Top U.S., China diplomats", "UPDATE 4", "Top U.S., China diplomats"),
        ("CORRECTED-UPDATE 2-Oil falls", "CORRECTED-UPDATE 2", "Oil falls"),
        ("REFILE-U.S.-China talks end", "REFILE", "U.S.-China talks end"),
        ("RPT-WRAPUP 2-Storm hits coast", "RPT-WRAPUP 2", "Storm hits coast"),
        ("EXCLUSIVE-Bank weighs sale", "EXCLUSIVE", "Bank weighs sale"),
        ("U.S.-China talks to start in Alaska", nil, "U.S.-China talks to start in Alaska"),
        ("Update on the in-person talks", nil, "Update on the in-person talks"),
        ("UPDATE 4-", nil, "UPDATE 4-"),
    ] as [(String, String?, String)])
    func splitsTagFromHeadline(line: String, tag: String?, headline: String) {
        let split = WireTag.split(line)
        #expect(split.tag == tag)
        #expect(split.headline == headline)
    }

    /// One rule of a tag each: a known word (or two), optionally numbered, in capitals, then a
    /// hyphen within the first 32 bytes, then a headline.
    @Test(arguments: [
        ("SPECIAL REPORT-How the deal was done", "SPECIAL REPORT", "How the deal was done"),
        ("UPDATE-Oil rises", "UPDATE", "Oil rises"),
        ("UPDATE 12-Oil rises", "UPDATE 12", "Oil rises"),
        ("FACTBOX-What to know", "FACTBOX", "What to know"),
        ("BREAKING-Oil rises", nil, "BREAKING-Oil rises"),
        ("Update 4-Oil rises", nil, "Update 4-Oil rises"),
        ("UPDATE 4.1-Oil rises", nil, "UPDATE 4.1-Oil rises"),
        ("CORRECTED-", nil, "CORRECTED-"),
        ("REUTERS POLL 12345678901234567890-Oil", nil, "REUTERS POLL 12345678901234567890-Oil"),
    ] as [(String, String?, String)])
    func tagRule(line: String, tag: String?, headline: String) {
        let split = WireTag.split(line)
        #expect(split.tag == tag)
        #expect(split.headline == headline)
    }

    @Test(arguments: [
        ("BC-US--China-Talks, 2nd Ld-Writethru,0642", "2nd Ld-Writethru"),
        ("BC-EU--Summit, 1ST LD-WRITETHRU", "1st Ld-Writethru"),
        ("BC-AS--Quake, 11th Ld-Writethru,0120", "11th Ld-Writethru"),
        ("BC-EU--Summit, Ld-Writethru", nil),
        ("BC-EU--Summit, 3rd Ld Writethru", nil),
        ("BC-EU--Summit, 2nd Ld-Writethrus", nil),
        ("The writethru desk", nil),
    ] as [(String, String?)])
    func apWriteThroughMarks(line: String, tag: String?) {
        #expect(WireTag.apTag(in: line) == tag)
    }

    @Test func aLongLineIsNoSlug() {
        let long = "BC-US--China-Talks, 2nd Ld-Writethru, " + String(repeating: "x", count: 400)
        #expect(WireTag.apTag(in: long) == nil)
    }
}
