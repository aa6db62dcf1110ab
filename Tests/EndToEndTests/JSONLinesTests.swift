import Foundation
import TestSupport
import Testing

/// `--format jsonl` on `stories`, `log`, `search` (and `changes`, in ChangesCommandTests): one
/// JSON object a line, each the item the JSON form's array holds; only these commands take it.
@Suite struct JSONLinesTests {
    static let story = "us-china-alaska-talks"

    /// Each line of `jsonl`, parsed.
    static func lines(_ jsonl: String) throws -> [NSDictionary] {
        #expect(jsonl.isEmpty || jsonl.hasSuffix("\n"))
        return try jsonl.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? NSDictionary, "\(line)")
        }
    }

    static func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    @Test func theSeedChainsLinesByteForByte() throws {
        let workspace = try Workspace.withSeedChain()
        let log = try workspace.writethru(["log", Self.story, "--format", "jsonl"])
        #expect(log.status == 0, "\(log.stderr)")
        try expectMatches(log.stdout, expected: "log.jsonl")
        let stories = try workspace.writethru(["stories", "--format", "jsonl"])
        try expectMatches(stories.stdout, expected: "stories.jsonl")
        let search = try workspace.writethru(["search", "million Uighurs", "--format", "jsonl"])
        try expectMatches(search.stdout, expected: "search-uighurs.jsonl")
    }

    @Test func eachLineIsAnItemOfTheJSONForm() throws {
        let workspace = try Workspace.withSeedChain()
        let other = workspace.write("plant.txt", Array("Plant closes\n\nThe plant will close in June. About 300 jobs will go.\n".utf8))
        #expect(try workspace.writethru(["record", "--story", "plant-closes", other]).status == 0)

        let log = try Self.lines(try workspace.writethru(["log", Self.story, "--format", "jsonl"]).stdout)
        let logJSON = try #require(try Self.json(try workspace.writethru(["log", Self.story, "--format", "json"]).stdout) as? [String: Any])
        #expect(log.count == 5)
        #expect(log == (logJSON["versions"] as? [NSDictionary]))

        for arguments in [["stories"], ["stories", "--sort", "updated"], ["stories", "--limit", "1"], ["stories", "--since", "2024-01-01"]] {
            let lines = try Self.lines(try workspace.writethru(arguments + ["--format", "jsonl"]).stdout)
            let array = try #require(try Self.json(try workspace.writethru(arguments + ["--format", "json"]).stdout) as? [NSDictionary])
            #expect(lines == array, "\(arguments)")
        }

        for query in ["Uighurs", "jobs", "\"talks\" OR plant"] {
            let lines = try Self.lines(try workspace.writethru(["search", query, "--format", "jsonl"]).stdout)
            let document = try #require(try Self.json(try workspace.writethru(["search", query, "--format", "json"]).stdout) as? [String: Any])
            #expect(lines == (document["hits"] as? [NSDictionary]), "\(query)")
            #expect(!lines.isEmpty)
            // What a line cannot say: the total and the stories count are the document's alone.
            #expect(lines.allSatisfy { $0["total"] == nil && $0["stories"] == nil })
        }
        // No match: no line at all.
        #expect(try workspace.writethru(["search", "zeppelin", "--format", "jsonl"]).stdout.isEmpty)
    }

    @Test func severalArchivesNameEachLinesArchive() throws {
        let first = try Workspace.withSeedChain()
        let second = try Workspace.withSeedChain()
        let result = try CommandRunner.writethru(["stories", "--format", "jsonl", "--archive", first.archive, "--archive", second.archive])
        let lines = try Self.lines(result.stdout)
        #expect(lines.compactMap { $0["archive"] as? String } == [first.archive, second.archive])
    }

    @Test func aLargeListingIsOneObjectALine() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        var files: [String] = []
        for number in 1...40 {
            files.append(workspace.write("s\(number).txt", Array("Story \(number) headline\n\nParagraph \(number) of the story, said the desk.\n".utf8)))
        }
        for file in files { #expect(try workspace.writethru(["record", file]).status == 0) }
        let lines = try Self.lines(try workspace.writethru(["stories", "--format", "jsonl"]).stdout)
        #expect(lines.count == 40)
        #expect(Set(lines.compactMap { $0["story"] as? String }).count == 40)
    }

    @Test(arguments: [["diff", story], ["timeline", story], ["audit", story], ["show", story], ["claims", story],
                      ["blame", story], ["verify"]])
    func otherCommandsRefuseJSONLines(arguments: [String]) throws {
        let workspace = try Workspace.withSeedChain()
        let result = try workspace.writethru(arguments + ["--format", "jsonl"])
        #expect(result.status == 64, "\(arguments)")
        // Asked for JSON Lines, the usage error is one JSON object (docs/decisions/0040).
        #expect(result.stderr.hasPrefix("{\"error\": {\"code\": 64, \"message\": \"The value 'jsonl' is invalid for '--format"))
        #expect(result.stderr.filter { $0 == "\n" }.count == 1)
        #expect(result.stdout.isEmpty)
    }
}
