import Foundation
import TestSupport
import Testing

/// `writethru diff` on the seed chain, every format, compared byte for byte with Expected/.
@Suite struct DiffCommandTests {
    @Test(arguments: [
        (["diff", "us-china-alaska-talks"], "diff-4-5.txt"),
        (["diff", "us-china-alaska-talks", "1", "2"], "diff-1-2.txt"),
        (["diff", "us-china-alaska-talks", "UPDATE 1", "UPDATE 2", "--format", "json"], "diff-2-3.json"),
        (["diff", "us-china-alaska-talks", "3", "4", "--format", "markdown"], "diff-3-4.md"),
        (["diff", "us-china-alaska-talks", "3", "4", "--format", "html"], "diff-3-4.html"),
        (["diff", "us-china-alaska-talks", "2", "3", "--side-by-side"], "diff-2-3-side-by-side.txt"),
    ])
    func formatsMatchExpected(arguments: [String], expected: String) throws {
        let workspace = try Workspace.withSeedChain()
        let result = try CommandRunner.writethru(arguments + ["--archive", workspace.archive],
                                                 environment: ["COLUMNS": "100"])
        #expect(result.status == 0, "\(result.stderr)")
        try expectMatches(result.stdout, expected: expected)
    }

    @Test func statIsOneLinePerStep() throws {
        let workspace = try Workspace.withSeedChain()
        var lines: [String] = []
        for step in 1...4 {
            let result = try workspace.writethru(["diff", "us-china-alaska-talks", "\(step)", "\(step + 1)", "--stat"])
            lines.append(result.stdout)
        }
        #expect(lines == [
            "+3 added  -1 removed  ~1 changed  0 moved\n",
            "+6 added  -0 removed  ~1 changed  1 moved\n",
            "+5 added  -0 removed  ~1 changed  0 moved  1 split\n",
            "+1 added  -0 removed  ~1 changed  0 moved  3 merged\n",
        ])
    }

    @Test func filesNeedNoArchiveAndMatchTheRecordedDiff() throws {
        let workspace = try Workspace.withSeedChain()
        let files = try CommandRunner.run(CommandRunner.writethru,
                                          ["diff", "--files", Fixtures.chain[3], Fixtures.chain[4], "--format", "json"],
                                          directory: Fixtures.root.path)
        let story = try workspace.writethru(["diff", "us-china-alaska-talks", "--format", "json"])
        struct Diff: Decodable, Equatable {
            struct Paragraph: Decodable, Equatable { let kind: String; let old: [Int]; let new: [Int] }
            let schema: String
            let paragraphs: [Paragraph]
        }
        let fromFiles = try JSONDecoder().decode(Diff.self, from: Data(files.stdout.utf8))
        let fromStory = try JSONDecoder().decode(Diff.self, from: Data(story.stdout.utf8))
        #expect(fromFiles.schema == "writethru.diff/1")
        #expect(fromFiles == fromStory)
    }

    /// `diff --files` and `claims --files` read the files as `parse` does: with the settings of
    /// the archive named by --archive or WRITETHRU_ARCHIVE (here a boilerplate rule that sets a
    /// desk note aside), else with the settings a new archive starts with.
    @Test func filesAreReadWithTheNamedArchivesSettings() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        try workspace.changeSettings("Desk notes are furniture") { settings in
            var boilerplate = settings["boilerplate"] as? [String: Any] ?? [:]
            var rules = boilerplate["rules"] as? [Any] ?? []
            rules.append(["name": "desk-note", "prefix": "Editor's note:"])
            boilerplate["rules"] = rules
            settings["boilerplate"] = boilerplate
        }
        let lead = "Quake hits coastal town\n\nAt least 12 people were killed, officials said.\n"
        let old = workspace.write("old.txt", Array(lead.utf8))
        let new = workspace.write("new.txt", Array((lead + "\nEditor's note: This story has been updated.\n").utf8))

        let standard = try CommandRunner.writethru(["diff", "--files", old, new, "--stat"])
        #expect(standard.stdout == "+1 added  -0 removed  ~0 changed  0 moved\n", "\(standard.stderr)")
        let withArchive = try workspace.writethru(["diff", "--files", old, new, "--stat"])
        #expect(withArchive.stdout == "+0 added  -0 removed  ~0 changed  0 moved\n", "\(withArchive.stderr)")

        let claims = try CommandRunner.writethru(["claims", "--files", old, new],
                                                 environment: ["WRITETHRU_ARCHIVE": workspace.archive])
        #expect(claims.status == 0, "\(claims.stderr)")
        #expect(claims.stdout.contains("\n0 claim changes\n"))
        let parsed = try workspace.writethru(["parse", new])
        #expect(parsed.stdout.contains("desk-note  Editor's note: This story has been updated."))
    }

    @Test func htmlEscapesArticleText() throws {
        let workspace = try Workspace()
        let old = workspace.write("old.txt", Array("Headline\n\nA quiet paragraph.\n".utf8))
        let injected = "Headline <b>bold</b>\n\nA quiet paragraph.\n\n"
            + "Injected <script>alert(1)</script> & \"quoted\".\n"
        let new = workspace.write("new.txt", Array(injected.utf8))
        let result = try CommandRunner.writethru(["diff", "--files", old, new, "--format", "html"])
        #expect(result.status == 0)
        #expect(!result.stdout.contains("<script>"))
        #expect(!result.stdout.contains("<b>"))
        #expect(result.stdout.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot;"))
    }

    /// `diff --format html` is the report's compare view of the pair: paragraphs labelled in
    /// words, unchanged runs folded, claim changes in words; before, it printed the machine
    /// names (`moved-and-changed ¶2 → ¶3`) and every unchanged paragraph in full.
    @Test func htmlIsTheReportsCompareView() throws {
        let workspace = try Workspace.withSeedChain()
        let html = try workspace.writethru(["diff", "us-china-alaska-talks", "3", "4", "--format", "html"]).stdout
        #expect(html.contains("<details class=\"same\"><summary>4 unchanged paragraphs</summary>"))
        #expect(html.contains(">Split · ¶6 → ¶7+8</div>"))
        #expect(html.contains(">Changed · ¶11 → ¶13</div>"))
        #expect(html.contains("<span class=\"kind\">Figure changed</span>"))
        #expect(!html.contains(">split ¶"))
        #expect(!html.contains("quantity-changed"))
        #expect(!html.contains("<script"))
    }

    @Test func colourOnlyWhenAsked() throws {
        let workspace = try Workspace.withSeedChain()
        let plain = try workspace.writethru(["diff", "us-china-alaska-talks"])
        let coloured = try workspace.writethru(["diff", "us-china-alaska-talks", "--color", "always"])
        #expect(!plain.stdout.contains("\u{1B}["))
        #expect(coloured.stdout.contains("\u{1B}[32m"))
    }

    @Test func badArgumentsAreRefused() throws {
        let workspace = try Workspace.withSeedChain()
        let onlyOne = try workspace.writethru(["diff", "us-china-alaska-talks", "1", "1"])
        #expect(onlyOne.status == 0)
        let unknown = try workspace.writethru(["diff", "us-china-alaska-talks", "9"])
        #expect(unknown.status == 67)
        let first = try workspace.writethru(["diff", "us-china-alaska-talks", "1"])
        #expect(first.status == 67)
        #expect(first.stderr.hasPrefix("writethru: error: "))
    }
}

@Suite struct DiffSchemaTests {
    /// The keys `diff --format json` prints are exactly the ones docs/schema/diff.schema.json
    /// declares, at the top, in each side, in each paragraph and in each word.
    @Test func outputFollowsTheSchema() throws {
        let workspace = try Workspace.withSeedChain()
        let output = try workspace.writethru(["diff", "us-china-alaska-talks", "3", "4", "--format", "json"])
        let schemaBytes = Data(try Fixtures.bytes("docs/schema/diff.schema.json"))
        let schema = try #require(try JSONSerialization.jsonObject(with: schemaBytes) as? [String: Any])
        let diff = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        func keys(_ object: Any?) -> Set<String> { Set((object as? [String: Any])?.keys.map { $0 } ?? []) }
        let properties = schema["properties"] as? [String: Any]
        #expect(Set(diff.keys) == keys(properties))
        let side = (schema["$defs"] as? [String: Any])?["side"] as? [String: Any]
        #expect(keys(diff["from"]) == keys(side?["properties"]))
        let items = ((properties?["paragraphs"] as? [String: Any])?["items"] as? [String: Any])
        let paragraphs = try #require(diff["paragraphs"] as? [[String: Any]])
        #expect(!paragraphs.isEmpty)
        let words = (items?["properties"] as? [String: Any])?["words"] as? [String: Any]
        let wordItems = words?["items"] as? [String: Any]
        for paragraph in paragraphs {
            #expect(Set(paragraph.keys) == keys(items?["properties"]))
            for word in paragraph["words"] as? [[String: Any]] ?? [] {
                #expect(Set(word.keys) == keys(wordItems?["properties"]))
            }
        }
        #expect(diff["schema"] as? String == "writethru.diff/1")
    }

    @Test func reparseGivesTheSameDiffUnderTheSameRules() throws {
        let workspace = try Workspace.withSeedChain()
        let recorded = try workspace.writethru(["diff", "us-china-alaska-talks", "1", "5", "--format", "json"])
        let reparsed = try workspace.writethru(["diff", "us-china-alaska-talks", "1", "5", "--format", "json",
                                                "--reparse"])
        #expect(reparsed.status == 0)
        #expect(reparsed.stdout == recorded.stdout)
    }
}
