import Foundation
import TestSupport
import Testing

/// `parse`, `sentences` and `record` of HTML and JSON inputs, through the real executable.
@Suite struct ReadingCommandTests {
    private func run(_ arguments: [String], stdin: [UInt8]? = nil) throws -> CommandResult {
        try CommandRunner.run(CommandRunner.writethru, arguments, stdin: stdin, directory: Fixtures.root.path)
    }

    @Test(arguments: [
        (["parse", "seeds/us-china-alaska-talks/05-update-4.txt"], "parse-seed.txt"),
        (["parse", "--format", "json", "seeds/us-china-alaska-talks/05-update-4.txt"], "parse-seed.json"),
        (["parse", "Tests/StoryTextTests/Fixtures/html/jsonld-newsarticle.html"], "parse-jsonld.txt"),
        (["parse", "--format", "json", "Tests/StoryTextTests/Fixtures/json/chain.jsonl"], "parse-chain.json"),
        (["sentences", "seeds/us-china-alaska-talks/04-update-3.txt"], "sentences-update-3.txt"),
    ])
    func outputMatchesExpected(arguments: [String], expected: String) throws {
        let result = try run(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        try expectMatches(result.stdout, expected: expected)
    }

    @Test func parseOfTheSeedPageFindsItsWireMetadataAndNoFurniture() throws {
        let result = try run(["parse", "--format", "json", "seeds/us-china-alaska-talks/05-update-4.txt"])
        struct Parsed: Decodable {
            struct Advisory: Decodable { let text: String; let items: [Item] }
            struct Item: Decodable { let verb: String?; let object: String; let paragraphs: [Int] }
            struct Dateline: Decodable { let place: String; let date: String?; let agency: String? }
            struct Paragraph: Decodable { let text: String; let sentences: [String] }
            let tag: String?, headline: String, advisory: Advisory?, authors: [String], dateline: Dateline?
            let published: String?, updated: String?, paragraphs: [Paragraph]
        }
        let parsed = try JSONDecoder().decode(Parsed.self, from: Data(result.stdout.utf8))
        #expect(parsed.tag == "UPDATE 4")
        #expect(parsed.headline == "Top U.S., China diplomats to hold first in-person talks of Biden presidency")
        #expect(parsed.advisory?.items.map(\.object) == ["Chinese confirmation of talks", "comment"])
        #expect(parsed.authors == ["Michael Martina", "David Brunnstrom"])
        #expect(parsed.dateline?.place == "WASHINGTON")
        #expect(parsed.dateline?.date == "March 10")
        #expect(parsed.dateline?.agency == "Reuters")
        #expect(parsed.published == "2021-03-11T06:06:00Z")
        #expect(parsed.updated == "2021-03-11T18:18:00Z")
        let body = parsed.paragraphs.map(\.text).joined(separator: "\n")
        for furniture in ["40% Off", "ProPicks", "3rd party Ad", "Latest comments", "Risk Disclosure", "Fusion Media", "All Rights Reserved"] {
            #expect(!body.contains(furniture), "body holds \(furniture)")
        }
    }

    @Test func sentencesReadsStandardInputAndPrintsJSON() throws {
        let text = "Officials meet\n\nGov. Ana Ruiz met U.S. officials. \"Are you sure?\" he asked.\n\nShares of Acme Inc. rose 3.5%. It said so.\n"
        let plain = try run(["sentences"], stdin: Array(text.utf8))
        #expect(plain.stdout == "Gov. Ana Ruiz met U.S. officials.\n\"Are you sure?\" he asked.\n\nShares of Acme Inc. rose 3.5%.\nIt said so.\n")
        let json = try run(["sentences", "--format", "json"], stdin: Array(text.utf8))
        #expect(try JSONDecoder().decode([[String]].self, from: Data(json.stdout.utf8)) == [
            ["Gov. Ana Ruiz met U.S. officials.", "\"Are you sure?\" he asked."], ["Shares of Acme Inc. rose 3.5%.", "It said so."],
        ])
    }

    @Test func recordTakesHTMLAndJSONLinesAndSaysHowItMatched() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        let result = try run(["record", "--archive", workspace.archive,
                              "Tests/StoryTextTests/Fixtures/json/chain.jsonl",
                              "Tests/StoryTextTests/Fixtures/html/jsonld-newsarticle.html"])
        #expect(result.status == 0, "\(result.stderr)")
        try expectMatches(result.stdout, expected: "record-mixed.txt")
        let tree = try workspace.git(["ls-tree", "-r", "--name-only", "stories/airline-strike"])
        #expect(tree.stdout == "article.md\nmeta.json\nsource/chain.jsonl.line-4\n")
        let html = try workspace.writethru(["show", "--source", "storm-floods-coastal-towns-thousands-evacuated"])
        #expect(html.stdoutBytes == (try Fixtures.bytes("Tests/StoryTextTests/Fixtures/html/jsonld-newsarticle.html")))
    }

    @Test func inputFormatCanBeForced() throws {
        let page = "Tests/StoryTextTests/Fixtures/html/no-markup.html"
        let asText = try run(["parse", "--input", "text", page])
        #expect(asText.stdout.contains("format     text"))
        let asHTML = try run(["parse", "--input", "html", page])
        #expect(asHTML.stdout.contains("headline   Council approves new budget"))
    }

    @Test func unreadablePagesAreOneLineErrors() throws {
        let result = try run(["parse", "--input", "html", "-"], stdin: [0x1F, 0x8B, 0x08, 0x00] + (0..<4000).map { UInt8(truncatingIfNeeded: ($0 &* 2654435761) >> 13) })
        #expect(result.status == 65)
        #expect(result.stderr == "writethru: error: -: the input is binary data, not text\n")
        let json = try run(["record", "--archive", "/nonexistent-archive", "Tests/StoryTextTests/Fixtures/json/bad-line.jsonl"])
        #expect(json.status == 68)
    }

    /// Inputs that are not regular files: a FIFO (what `<(...)` gives) is read to its end, and
    /// /dev/null is empty input (65), not an unreadable file (66). Both failed before: the
    /// reader asked for the file's size and got nothing.
    @Test func fifosAreReadAndDevNullIsEmpty() throws {
        let fifo = FileManager.default.temporaryDirectory.appendingPathComponent("writethru-fifo-\(getpid())").path
        unlink(fifo)
        #expect(mkfifo(fifo, 0o600) == 0)
        defer { unlink(fifo) }
        let text = try Fixtures.bytes(Fixtures.chain[0])
        let writer = Thread {
            guard let handle = FileHandle(forWritingAtPath: fifo) else { return }
            handle.write(Data(text))
            try? handle.close()
        }
        writer.start()
        let fromFifo = try run(["parse", fifo])
        let fromFile = try run(["parse", Fixtures.chain[0]])
        #expect(fromFifo.status == 0, "\(fromFifo.stderr)")
        #expect(fromFifo.stdout == fromFile.stdout)

        let empty = try run(["parse", "/dev/null"])
        #expect(empty.status == 65)
        #expect(empty.stderr == "writethru: error: /dev/null: the input is empty\n")
    }
}
