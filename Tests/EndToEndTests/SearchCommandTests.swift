import Foundation
import TestSupport
import Testing

/// `writethru search` and `reindex` on the seed chain and on archives that grow.
@Suite struct SearchCommandTests {
    static let story = "us-china-alaska-talks"

    @Test(arguments: [
        (["search", "did not immediately respond"], "search-removed-sentence.txt"),
        (["search", "--in", "added", "million", "Uighurs"], "search-added.txt"),
        (["search", "--in", "current", "Zhao Lijian", "--format", "json"], "search-current.json"),
    ])
    func formatsMatchExpected(arguments: [String], expected: String) throws {
        let workspace = try Workspace.withSeedChain()
        let result = try CommandRunner.writethru(arguments + ["--archive", workspace.archive], environment: ["COLUMNS": "100"])
        #expect(result.status == 0, "\(result.stderr)")
        try expectMatches(result.stdout, expected: expected)
    }

    struct Found: Decodable {
        struct Hit: Decodable {
            struct Version: Decodable { let number: Int }
            let story: String, sentence: String, snippet: String, first: Version, last: Version, paragraph: Int
            let inLatest: Bool, rank: Double
            let archive: String?
        }
        let hits: [Hit]
        let total: Int
        let stories: Int
    }

    static func search(_ workspace: Workspace, _ arguments: [String]) throws -> Found {
        let result = try workspace.writethru(["search", "--format", "json"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONDecoder().decode(Found.self, from: Data(result.stdout.utf8))
    }

    @Test func scopesTellCurrentRemovedAndAddedApart() throws {
        let workspace = try Workspace.withSeedChain()
        // "as many as 1 million" was printed by UPDATE 2 only; UPDATE 3 changed the figure.
        let figure = try Self.search(workspace, ["as many as 1 million"])
        #expect(figure.hits.map { [$0.first.number, $0.last.number, $0.paragraph] } == [[3, 3, 11]])
        #expect(figure.hits.first?.inLatest == false)
        #expect(try Self.search(workspace, ["--in", "current", "as many as 1 million"]).hits.isEmpty)
        #expect(try Self.search(workspace, ["--in", "removed", "as many as 1 million"]).hits.count == 1)
        // The lead was in the first version: not "added", though it changed since.
        let lead = try Self.search(workspace, ["--in", "added", "Secretary of State Antony Blinken"])
        #expect(lead.hits.allSatisfy { $0.first.number > 1 })
        #expect(try Self.search(workspace, ["--in", "current", "Secretary of State Antony Blinken"]).hits.map(\.first.number) == [3])
        // Case, curly quotes and spacing do not matter.
        let quote = try Self.search(workspace, ["HEALTHY  AND  STABLE"])
        #expect(quote.hits.count == 1 && quote.hits[0].inLatest)
        // --since keeps sentences a version of that time or later printed.
        let since = try Self.search(workspace, ["--since", "2021-03-11T12:00:00Z", "Uighurs"])
        #expect(since.hits.allSatisfy { $0.last.number >= 4 })
        #expect(!since.hits.isEmpty)
    }

    @Test func theIndexFollowsRecordsAndAnswersPhrasesPrefixesBooleansAndNear() throws {
        let workspace = try Workspace.withSeedChain()
        #expect(try Self.search(workspace, ["Anchorage"]).stories == 1)
        let other = workspace.write("quad.txt", Array("""
            Quad leaders to hold first summit

            Leaders of the Quad will meet by teleconference on Friday, not in Anchorage.

            Officials said migration and vaccines would top the agenda of the Anchorage-free summit.

            """.utf8))
        #expect(try workspace.writethru(["record", "--story", "quad", "--at", "2021-03-12T08:00:00Z", other]).status == 0)
        let both = try Self.search(workspace, ["Anchorage"])
        #expect(Set(both.hits.map(\.story)) == ["quad", Self.story])
        #expect(both.stories == 2 && both.total == both.hits.count)
        // Plain words are one phrase: "Friday teleconference" is not in that order anywhere.
        #expect(try Self.search(workspace, ["teleconference on Friday"]).hits.map(\.story) == ["quad"])
        #expect(try Self.search(workspace, ["Friday teleconference"]).hits.isEmpty)
        // FTS5 syntax: a prefix, AND / OR / NOT, NEAR.
        #expect(try Self.search(workspace, ["migra*"]).hits.map(\.sentence)
            == ["Officials said migration and vaccines would top the agenda of the Anchorage-free summit."])
        #expect(try Self.search(workspace, ["Anchorage AND summit"]).hits.map(\.sentence)
            == ["Officials said migration and vaccines would top the agenda of the Anchorage-free summit."])
        #expect(try Self.search(workspace, ["Anchorage NOT Quad NOT summit"]).hits.allSatisfy { $0.story == Self.story })
        #expect(try Self.search(workspace, ["Friday OR vaccines"]).hits.map(\.story).filter { $0 == "quad" }.count == 2)
        #expect(try Self.search(workspace, ["NEAR(leaders Friday, 6)"]).hits.count == 1)
        #expect(try Self.search(workspace, ["NEAR(leaders Friday, 2)"]).hits.isEmpty)
        // The snippet marks the match; the rank is bm25 (lower is better), hits best first.
        let marked = try Self.search(workspace, ["teleconference"])
        #expect(marked.hits.first?.snippet.contains("**teleconference**") == true)
        let ranked = try Self.search(workspace, ["Anchorage"]).hits.map(\.rank)
        #expect(ranked == ranked.sorted())
        let none = try workspace.writethru(["search", "zebra crossing"])
        #expect(none.status == 0)
        #expect(none.stdout == "0 sentences in 0 stories (all)\n")
        #expect(try Self.search(workspace, ["--story", "quad", "Anchorage"]).hits.map(\.story) == ["quad", "quad"])
        // --limit keeps the best; the total still counts every hit.
        let limited = try Self.search(workspace, ["--limit", "1", "Anchorage"])
        #expect(limited.hits.count == 1 && limited.total == both.total)
        #expect(limited.hits.first?.rank == ranked.first)
        // --until keeps sentences a version of that time or earlier printed.
        let until = try Self.search(workspace, ["--until", "2021-03-11T23:59:59Z", "Anchorage"])
        #expect(!until.hits.isEmpty && until.hits.allSatisfy { $0.story == Self.story })
        // A date alone is the whole day.
        #expect(try Self.search(workspace, ["--until", "2021-03-11", "Anchorage"]).hits.map(\.sentence)
            == until.hits.map(\.sentence))
        #expect(try Self.search(workspace, ["--until", "2021-03-10", "Anchorage"]).hits.isEmpty)
        // Punctuation other than the syntax's is not syntax, and a single letter is a word.
        #expect(try Self.search(workspace, ["U.S."]).hits.count > 0)
        #expect(try Self.search(workspace, ["Note: Anchorage"]).hits.isEmpty)
        #expect(try Self.search(workspace, ["+1"]).total == Self.search(workspace, ["1"]).total)
    }

    @Test func severalArchivesAreSearchedAndListedTogether() throws {
        let workspace = try Workspace.withSeedChain()
        let second = workspace.directory + "/second.git"
        #expect(try CommandRunner.writethru(["init", "--archive", second]).status == 0)
        let other = workspace.write("quad.txt", Array("Quad leaders to hold first summit\n\nLeaders will not meet in Anchorage.\n".utf8))
        #expect(try CommandRunner.writethru(["record", "--archive", second, "--story", "quad", "--at", "2021-03-12T08:00:00Z",
                                             other]).status == 0)
        let result = try CommandRunner.writethru(["search", "--format", "json", "--archive", workspace.archive,
                                                  "--archive", second, "Anchorage"])
        #expect(result.status == 0, "\(result.stderr)")
        let found = try JSONDecoder().decode(Found.self, from: Data(result.stdout.utf8))
        #expect(Set(found.hits.compactMap(\.archive)) == [workspace.archive, second])
        #expect(found.hits.allSatisfy { $0.archive != nil } && found.stories == 2)
        #expect(try Self.search(workspace, ["Anchorage"]).hits.allSatisfy { $0.archive == nil })
        let listing = try CommandRunner.writethru(["stories", "--archive", second, "--archive", workspace.archive])
        #expect(listing.status == 0)
        #expect(listing.stdout.split(separator: "\n").map { String($0.prefix(while: { $0 != " " })) }
            == [second + ":", workspace.archive + ":"], "merged by id: quad, then us-china-alaska-talks")
    }

    @Test(arguments: [
        (["search", "\"Zhao"], "unterminated string"),
        (["search", "Zhao AND ("], "syntax error"),
        (["search", "NEAR(Zhao"], "syntax error"),
    ])
    func queriesTheFullTextSyntaxRejectsFailWithOneLine(arguments: [String], reason: String) throws {
        let workspace = try Workspace.withSeedChain()
        let result = try workspace.writethru(arguments)
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains("not valid full-text syntax") && result.stderr.contains(reason), "\(result.stderr)")
    }

    @Test func reindexRebuildsTheDerivedIndexWhole() throws {
        let workspace = try Workspace.withSeedChain()
        let before = try Self.search(workspace, ["Psaki"])
        for suffix in ["", "-wal", "-shm"] { unlink(workspace.archive + "/writethru-index.sqlite" + suffix) }
        // A missing index is rebuilt on first use.
        #expect(try Self.search(workspace, ["Psaki"]).hits.map(\.sentence) == before.hits.map(\.sentence))
        let result = try workspace.writethru(["reindex"])
        #expect(result.status == 0)
        #expect(result.stdout == "indexed 5 revisions of 1 story\n")
        let entries = try FileManager.default.contentsOfDirectory(atPath: workspace.archive)
        #expect(entries.filter { $0.contains(".rebuilding") }.isEmpty, "\(entries)")
        #expect(try Self.search(workspace, ["Psaki"]).hits.map(\.sentence) == before.hits.map(\.sentence))
        #expect(try workspace.git(["fsck", "--strict"]).status == 0)
    }

    @Test(arguments: [
        (["search", "  "], Int32(64)),
        (["search", "... ,;"], 64),
        (["search", "--in", "sometimes", "Blinken"], 64),
        (["search", "--since", "someday", "Blinken"], 64),
        (["search", "--story", "no-such-story", "Blinken"], 67),
    ] as [([String], Int32)])
    func badSearchesFailWithOneLine(arguments: [String], status: Int32) throws {
        let workspace = try Workspace.withSeedChain()
        let result = try workspace.writethru(arguments)
        #expect(result.status == status, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test(arguments: [
        (["search", "Uighurs", "--format", "json"], "search"),
        (["verify", "--format", "json"], "verify"),
    ])
    func outputFollowsTheSchema(arguments: [String], schema name: String) throws {
        let workspace = try Workspace.withSeedChain()
        let problems = try SchemaCheck.problems(in: try workspace.writethru(arguments).stdout, schema: name)
        #expect(problems.isEmpty, "\(problems.prefix(5))")
    }
}
