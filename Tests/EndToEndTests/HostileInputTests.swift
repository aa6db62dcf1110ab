import Foundation
import TestSupport
import Testing

/// Inputs made to mislead: symbolic links out of an imported tree, folders that give one story
/// id, a JSON Lines file with one bad line, names that carry terminal control characters, a
/// headline megabytes long (issue 16).
@Suite struct HostileInputTests {
    struct Summary: Decodable {
        struct Rejection: Decodable, Equatable { let file: String; let reason: String }
        let stories: Int
        let recorded: Int
        let rejected: [Rejection]
    }

    static func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    static func makeFolder(_ path: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    static func importJSON(_ workspace: Workspace, _ paths: [String]) throws -> Summary {
        let result = try workspace.writethru(["import"] + paths + ["--format", "json"])
        #expect(result.status == 2, "\(result.stderr)")
        return try JSONDecoder().decode(Summary.self, from: Data(result.stdout.utf8))
    }

    static func stories(_ workspace: Workspace) throws -> [String] {
        let listing = try workspace.writethru(["stories", "--format", "json"]).stdout
        struct Story: Decodable { let story: String }
        return try JSONDecoder().decode([Story].self, from: Data(listing.utf8)).map(\.story)
    }

    // MARK: 1. Symbolic links

    @Test func symbolicLinksInsideAnImportedTreeAreNotFollowed() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        let outside = workspace.directory + "/outside"
        try Self.makeFolder(outside)
        try Self.write("Secret memo leaks\n\nThe memo was never meant to leave the office.\n", to: outside + "/memo.txt")
        let root = workspace.directory + "/captures"
        try Self.makeFolder(root + "/talks")
        try Self.write("Talks open in Alaska\n\nThe talks opened on Thursday.\n", to: root + "/talks/v1.txt")
        let links = FileManager.default
        try links.createSymbolicLink(atPath: root + "/memo.txt", withDestinationPath: outside + "/memo.txt")
        try links.createSymbolicLink(atPath: root + "/linked-folder", withDestinationPath: outside)
        try links.createSymbolicLink(atPath: root + "/talks/v2.txt", withDestinationPath: outside + "/memo.txt")

        let summary = try Self.importJSON(workspace, [root])
        #expect(summary.recorded == 1)
        let reason = "a symbolic link (not followed)"
        #expect(summary.rejected == [.init(file: root + "/linked-folder", reason: reason),
                                     .init(file: root + "/memo.txt", reason: reason),
                                     .init(file: root + "/talks/v2.txt", reason: reason)])
        #expect(try Self.stories(workspace) == ["talks"])
    }

    /// A named pipe in a tree would make the import wait for a writer for ever: it is rejected,
    /// never opened, and the rest is recorded.
    @Test func aNamedPipeInsideAnImportedTreeIsNotRead() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        let root = workspace.directory + "/captures"
        try Self.makeFolder(root + "/talks")
        try Self.write("Talks open in Alaska\n\nThe talks opened on Thursday.\n", to: root + "/talks/v1.txt")
        #expect(mkfifo(root + "/talks/v2.txt", 0o644) == 0)
        #expect(mkfifo(root + "/feed.jsonl", 0o644) == 0)
        let started = Date()
        let summary = try Self.importJSON(workspace, [root])
        #expect(Date().timeIntervalSince(started) < 30)
        #expect(summary.recorded == 1)
        let reason = "not a regular file (a named pipe, socket or device: not read)"
        #expect(summary.rejected == [.init(file: root + "/feed.jsonl", reason: reason),
                                     .init(file: root + "/talks/v2.txt", reason: reason)])
    }

    @Test func aSymbolicLinkNamedOnTheCommandLineIsFollowed() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        let root = workspace.directory + "/captures"
        try Self.makeFolder(root + "/talks")
        try Self.write("Talks open in Alaska\n\nThe talks opened on Thursday.\n", to: root + "/talks/v1.txt")
        let file = workspace.write("memo.txt", Array("Secret memo leaks\n\nThe memo was leaked.\n".utf8))
        try FileManager.default.createSymbolicLink(atPath: workspace.directory + "/tree", withDestinationPath: root)
        try FileManager.default.createSymbolicLink(atPath: workspace.directory + "/named.txt", withDestinationPath: file)
        let result = try workspace.writethru(["import", workspace.directory + "/tree", workspace.directory + "/named.txt"])
        #expect(result.status == 0, "\(result.stdout) \(result.stderr)")
        #expect(try Self.stories(workspace) == ["secret-memo-leaks", "talks"])
    }

    // MARK: 2. Folders that give one story id

    @Test func foldersWhoseNamesGiveTheSameStoryIdAreRejectedButTheFirst() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        let root = workspace.directory + "/captures"
        for (folder, body) in [("My Story", "First."), ("my story", "Second."), ("my-story", "Third.")] {
            try Self.makeFolder(root + "/" + folder)
            try Self.write("A story\n\n\(body)\n", to: root + "/" + folder + "/v1.txt")
            try Self.write("A story\n\n\(body) More.\n", to: root + "/" + folder + "/v2.txt")
        }
        let summary = try Self.importJSON(workspace, [root])
        #expect(summary.recorded == 2)
        func reason(_ folder: String) -> String {
            "folder '\(folder)' gives the same story id 'my-story' as folder 'My Story'; rename one"
        }
        #expect(summary.rejected == [.init(file: root + "/my story/v1.txt", reason: reason("my story")),
                                     .init(file: root + "/my story/v2.txt", reason: reason("my story")),
                                     .init(file: root + "/my-story/v1.txt", reason: reason("my-story")),
                                     .init(file: root + "/my-story/v2.txt", reason: reason("my-story"))])
        #expect(try workspace.writethru(["show", "my-story"]).stdout.contains("First. More."))
    }

    // MARK: 3. JSON Lines with a bad line

    static let linesWithTwoBad = """
        {"story": "feed-story", "headline": "A story in JSON Lines", "body": "The first text."}
        {"story": "feed-story", "headline": "A story in JSON Lines", "body": "The second text."
        {"story": "feed-story", "headline": "A story in JSON Lines", "body": "The third text."}
        {"story": "feed-story", "body": "No headline here."}

        """

    @Test func importRecordsTheGoodLinesOfAJSONLinesFileAndRejectsTheBadOnes() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        let feed = workspace.write("feed.jsonl", Array(Self.linesWithTwoBad.utf8))
        let summary = try Self.importJSON(workspace, [feed])
        #expect(summary.recorded == 2)
        #expect(summary.rejected.map(\.file) == [feed + ":2", feed + ":4"])
        #expect(summary.rejected.first?.reason.contains("not a JSON object") == true, "\(summary.rejected)")
        #expect(summary.rejected.last?.reason.contains("headline") == true, "\(summary.rejected)")
        let text = try workspace.writethru(["show", "feed-story"]).stdout
        #expect(text.contains("The third text."))
        // Run again: the good lines are already recorded, the bad ones rejected again.
        let again = try Self.importJSON(workspace, [feed])
        #expect((again.recorded, again.rejected.count) == (0, 2))
    }

    @Test func recordRefusesAJSONLinesFileWithABadLineNamingTheLine() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        let before = workspace.snapshot()
        let feed = workspace.write("feed.jsonl", Array(Self.linesWithTwoBad.utf8))
        let result = try workspace.writethru(["record", feed])
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("line 2"), "\(result.stderr)")
        #expect(workspace.snapshot() == before)
    }

    @Test func recordNamesTheLineWhoseHeadlineGivesNoStoryId() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        let lines = """
            {"headline": "A story in JSON Lines", "body": "The first text."}
            {"headline": "!!!", "body": "The second text."}

            """
        let feed = workspace.write("feed.jsonl", Array(lines.utf8))
        let result = try workspace.writethru(["record", feed])
        #expect(result.status == 65)
        #expect(result.stderr.contains(feed + ":2: no story id"), "\(result.stderr)")
    }

    // MARK: 4. Control characters in names

    static let hostileName = "evil\n\u{202E}txt.gpj\u{1B}[2J.txt"
    static let escapedName = "evil\\n\\u{202E}txt.gpj\\u{1B}[2J.txt"

    static func expectNoControlCharacters(_ output: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let bad = output.unicodeScalars.filter { scalar in
            (scalar.value < 0x20 && scalar != "\n") || (0x7F...0x9F).contains(scalar.value)
                || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
        }
        #expect(bad.isEmpty, "raw control characters in \(output.debugDescription)", sourceLocation: sourceLocation)
    }

    @Test func recordPrintsAHostileFileNameEscaped() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        let good = workspace.write(Self.hostileName, Array("Talks open\n\nThe talks opened.\n".utf8))
        let recorded = try workspace.writethru(["record", good])
        #expect(recorded.status == 0, "\(recorded.stderr)")
        #expect(recorded.stdout.contains(Self.escapedName), "\(recorded.stdout.debugDescription)")
        #expect(recorded.stdout.split(separator: "\n").count == 1)
        Self.expectNoControlCharacters(recorded.stdout)

        let empty = workspace.write("empty" + Self.hostileName, [])
        let refused = try workspace.writethru(["record", empty])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("empty" + Self.escapedName), "\(refused.stderr.debugDescription)")
        #expect(refused.stderr.split(separator: "\n").count == 1)
        Self.expectNoControlCharacters(refused.stderr)
    }

    @Test func importPrintsAHostileRejectedFileNameEscaped() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        let root = workspace.directory + "/captures"
        try Self.makeFolder(root)
        try Self.write("", to: root + "/" + Self.hostileName)
        let result = try workspace.writethru(["import", root])
        #expect(result.status == 2)
        #expect(result.stdout.contains("rejected  " + root + "/" + Self.escapedName + ": the input is empty"),
                "\(result.stdout.debugDescription)")
        Self.expectNoControlCharacters(result.stdout)
    }

    @Test func aHeadlineWithBidiAndC1ControlsIsPrintedEscaped() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        let file = workspace.write("story.txt", Array("Talks \u{202E}nepo\u{2066} in \u{9B}2J Alaska\n\nThe talks opened.\n".utf8))
        let recorded = try workspace.writethru(["record", file])
        #expect(recorded.status == 0, "\(recorded.stderr)")
        let escaped = "Talks \\u{202E}nepo\\u{2066} in \\u{9B}2J Alaska"
        for arguments in [["stories"], ["log", "talks-nepo-in-2j-alaska"], ["parse", file]] {
            let result = try workspace.writethru(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(result.stdout.contains(escaped), "\(arguments): \(result.stdout.debugDescription)")
            Self.expectNoControlCharacters(result.stdout)
        }
        // JSON keeps the headline as it is: valid JSON, the reader's own text.
        let json = try workspace.writethru(["log", "talks-nepo-in-2j-alaska", "--format", "json"]).stdout
        struct Log: Decodable { struct Version: Decodable { let headline: String }; let versions: [Version] }
        #expect(try JSONDecoder().decode(Log.self, from: Data(json.utf8)).versions.first?.headline
                == "Talks \u{202E}nepo\u{2066} in \u{9B}2J Alaska")
    }

    // MARK: 5. Headline length

    @Test func aFiveMegabyteSingleLineInputHasNoHeadline() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        let before = workspace.snapshot()
        let words = String(repeating: "word ", count: 1_048_576)
        let file = workspace.write("huge.txt", Array(words.utf8))
        let result = try workspace.writethru(["record", file])
        #expect(result.status == 65, "\(result.stdout)")
        #expect(result.stderr.contains("no headline"), "\(result.stderr.prefix(300))")
        #expect(result.stderr.utf8.count < 400)
        #expect(workspace.snapshot() == before)
    }

    @Test func aLineLongerThanAnyHeadlineIsNoHeadlineInTextAndJSON() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        let long = String(repeating: "Officials said ", count: 30)
        let text = workspace.write("long.txt", Array((long + "\n\nThe talks opened.\n").utf8))
        let json = workspace.write("long.json", Array("{\"headline\": \"\(long)\", \"body\": \"Text.\"}".utf8))
        for file in [text, json] {
            let result = try workspace.writethru(["parse", file])
            #expect(result.status == 65, "\(file): \(result.stdout.prefix(200))")
            #expect(result.stderr.contains("no headline"), "\(result.stderr)")
        }
        let fits = String(repeating: "Officials said ", count: 26)
        let file = workspace.write("fits.txt", Array((fits + "\n\nThe talks opened.\n").utf8))
        let recorded = try workspace.writethru(["record", file, "--format", "json"])
        #expect(recorded.status == 0, "\(recorded.stderr)")
        struct Outcome: Decodable { let story: String }
        let story = try JSONDecoder().decode([Outcome].self, from: Data(recorded.stdout.utf8)).first?.story ?? ""
        #expect(!story.isEmpty && story.count <= 72, "\(story)")
    }

    // MARK: 6. parse --claims of JSON Lines

    @Test func parseClaimsOfJSONLinesIsOneJSONDocument() throws {
        let lines = """
            {"headline": "Talks open", "body": "Officials said 12 people were hurt."}
            {"headline": "Talks open", "body": "Police said 14 people were hurt."}

            """
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        let feed = workspace.write("feed.jsonl", Array(lines.utf8))
        let result = try workspace.writethru(["parse", "--claims", "--format", "json", feed])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        let revisions = try #require(document as? [[[String: Any]]], "\(result.stdout)")
        #expect(revisions.count == 2)
        #expect(revisions.allSatisfy { $0.count == 1 })

        let single = workspace.write("one.json", Array((lines.split(separator: "\n").first ?? "").utf8))
        let one = try workspace.writethru(["parse", "--claims", "--format", "json", single])
        let claims = try JSONSerialization.jsonObject(with: Data(one.stdout.utf8))
        #expect((claims as? [[String: Any]])?.count == 1, "one revision: its claims, as before")
    }
}
