import Foundation
import TestSupport
import Testing

/// `writethru import`: directory trees, JSON Lines, a git scraping repository; re-runs and
/// interruptions.
@Suite struct ImportCommandTests {
    /// seeds/ copied as a story folder, a second folder whose files sort naturally (v2 before
    /// v10), an empty file, and a JSON Lines file at the top.
    static func sourceTree(_ workspace: Workspace) throws -> String {
        let root = workspace.directory + "/captures"
        let seeds = root + "/us-china-alaska-talks"
        let quad = root + "/quad"
        for folder in [seeds, quad] { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        for (index, path) in Fixtures.chain.enumerated() {
            try Data(Fixtures.bytes(path)).write(to: URL(fileURLWithPath: seeds + "/\(index + 1).txt"))
        }
        for (name, text) in [("v1.txt", "Quad leaders to hold first summit\n\nLeaders will meet.\n"),
                             ("v2.txt", "Quad leaders to hold first summit\n\nLeaders will meet on Friday.\n"),
                             ("v10.txt", "Quad leaders hold first summit\n\nLeaders met online on Friday.\n"),
                             ("v11.txt", "")] {
            try Data(text.utf8).write(to: URL(fileURLWithPath: quad + "/" + name))
        }
        let lines = """
            {"story": "jsonl-story", "headline": "A story in JSON Lines", "body": "The first text."}
            {"story": "jsonl-story", "headline": "A story in JSON Lines", "body": "The second text."}

            """
        try Data(lines.utf8).write(to: URL(fileURLWithPath: root + "/feed.jsonl"))
        return root
    }

    @Test func aDirectoryTreeImportsOnceAndAgainRecordsNothing() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        let root = try Self.sourceTree(workspace)
        let first = try workspace.writethru(["import", root])
        #expect(first.status == 2, "\(first.stderr)")
        #expect(first.stderr.isEmpty, "no progress line when stderr is not a terminal")
        #expect(first.stdout == """
            3 stories: 10 revisions recorded, 0 unchanged, 0 already recorded, 1 rejected
            rejected  \(root)/quad/v11.txt: the input is empty

            """)
        let log = try workspace.writethru(["log", "quad", "--format", "json"]).stdout
        struct Log: Decodable { struct Version: Decodable { let headline: String }; let versions: [Version] }
        #expect(try JSONDecoder().decode(Log.self, from: Data(log.utf8)).versions.map(\.headline)
                == ["Quad leaders to hold first summit", "Quad leaders to hold first summit", "Quad leaders hold first summit"])
        #expect(try workspace.writethru(["diff", "us-china-alaska-talks", "--stat"]).stdout
                == "+1 added  -0 removed  ~1 changed  0 moved  3 merged\n")

        let again = try workspace.writethru(["import", root, "--format", "json"])
        #expect(again.status == 2)
        struct Summary: Decodable { let recorded: Int; let alreadyRecorded: Int; let stories: Int }
        let summary = try JSONDecoder().decode(Summary.self, from: Data(again.stdout.utf8))
        #expect((summary.recorded, summary.alreadyRecorded, summary.stories) == (0, 10, 3))
        #expect(try SchemaCheck.problems(in: again.stdout, schema: "import").isEmpty)
        #expect(try workspace.writethru(["verify"]).status == 0)
        // Imported text is searchable at once.
        #expect(try workspace.writethru(["search", "met online on Friday"]).stdout.hasPrefix("quad  v3  ¶1  in the latest version\n"))
    }

    @Test func onATerminalAProgressLineRedrawsItself() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        let root = try Self.sourceTree(workspace)
        // `script` gives the command a terminal (util-linux, part of every Debian system).
        let command = "'\(CommandRunner.writethru)' import --archive '\(workspace.archive)' '\(root)'"
        let result = try CommandRunner.run("/usr/bin/script", ["-qec", command, "/dev/null"])
        let output = result.stdout.replacingOccurrences(of: "\r\n", with: "\n")
        #expect(output.contains("\r[========================] 10/10  "), "\(output)")
        #expect(output.components(separatedBy: "done").count == 2, "the finished line is drawn once")
        #expect(output.contains("3 stories: 10 revisions recorded, 0 unchanged, 0 already recorded, 1 rejected\n"))
        let quiet = try CommandRunner.run("/usr/bin/script", ["-qec", command + " --quiet", "/dev/null"])
        #expect(!quiet.stdout.contains("["))
    }

    @Test func aGitScrapingHistoryBecomesOneStoryPerURL() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        let repository = workspace.directory + "/scraper"
        #expect(try CommandRunner.git(["init", "-q", repository]).status == 0)
        let figures = ["as many as 1 million", "more than a million", "more than a million"]
        for (day, figure) in figures.enumerated() {
            let feed = """
                [{"url": "https://www.example.com/world/xinjiang", "html": "<html><head><title>Rights groups on Xinjiang</title></head><body><article><h1>Rights groups on Xinjiang</h1><p>Rights groups say China has detained \(figure) Uighurs.</p></article></body></html>"},
                 {"url": "https://www.example.com/world/quad", "html": "<html><body><article><h1>Quad summit</h1><p>Leaders meet on day \(day < 2 ? 1 : 3).</p></article></body></html>"}]
                """
            try Data(feed.utf8).write(to: URL(fileURLWithPath: repository + "/feed.json"))
            try Data("not news\n".utf8).write(to: URL(fileURLWithPath: repository + "/README"))
            let time = "2021-03-1\(day + 1)T10:00:00Z"
            let commit = try CommandRunner.run("/bin/sh", ["-c", "cd '\(repository)' && git add -A && GIT_AUTHOR_DATE=\(time) GIT_COMMITTER_DATE=\(time) git -c user.name=scraper -c user.email=s@example.com commit -q -m 'scrape \(day + 1)'"])
            #expect(commit.status == 0, "\(commit.stderr)")
        }
        let arguments = ["import", "--git", repository, "--path", "*.json", "--json-field", "html", "--group-by", "url"]
        let imported = try workspace.writethru(arguments)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout == "2 stories: 4 revisions recorded, 0 unchanged, 2 already recorded, 0 rejected\n")
        let log = try workspace.writethru(["log", "example-com-world-xinjiang"]).stdout
        #expect(log.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true)[2] }
                == ["2021-03-11T10:00:00Z", "2021-03-12T10:00:00Z"])
        let claims = try workspace.writethru(["claims", "example-com-world-xinjiang"]).stdout
        #expect(claims.contains("quantity changed (as many as 1 million Uighurs -> more than a million Uighurs)"))
        #expect(try workspace.writethru(["log", "example-com-world-quad"]).stdout.split(separator: "\n").count == 2)
        let again = try workspace.writethru(arguments)
        #expect(again.stdout == "2 stories: 0 revisions recorded, 0 unchanged, 6 already recorded, 0 rejected\n")
        let missing = try workspace.writethru(["import", "--git", workspace.directory + "/nowhere", "--path", "*"])
        #expect(missing.status == 66)
        #expect(try workspace.writethru(["import", "--git", repository]).status == 64)
    }

    /// Plain files in a scraper's history: each path is one story, each changed version of it
    /// a revision dated by its commit, an unchanged file taken once.
    @Test func aGitHistoryOfPlainFilesBecomesOneStoryPerPath() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        let repository = workspace.directory + "/pages"
        #expect(try CommandRunner.git(["init", "-q", repository]).status == 0)
        try FileManager.default.createDirectory(atPath: repository + "/wire", withIntermediateDirectories: true)
        let versions = ["Talks open in Alaska\n\nThe two sides met on Thursday.\n",
                        "Talks open in Alaska\n\nThe two sides met on Thursday and traded accusations.\n",
                        "Talks open in Alaska\n\nThe two sides met on Thursday and traded accusations.\n"]
        for (day, text) in versions.enumerated() {
            try Data(text.utf8).write(to: URL(fileURLWithPath: repository + "/wire/alaska.txt"))
            try Data("Other page \(day)\n\nNot matched by the pattern.\n".utf8).write(to: URL(fileURLWithPath: repository + "/other.md"))
            let time = "2021-03-\(day + 18)T09:00:00Z"
            let commit = try CommandRunner.run("/bin/sh", ["-c", "cd '\(repository)' && git add -A && GIT_AUTHOR_DATE=\(time) GIT_COMMITTER_DATE=\(time) git -c user.name=scraper -c user.email=s@example.com commit -q -m 'scrape \(day + 1)'"])
            #expect(commit.status == 0, "\(commit.stderr)")
        }
        let imported = try workspace.writethru(["import", "--git", repository, "--path", "wire/*.txt"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout == "1 story: 2 revisions recorded, 0 unchanged, 0 already recorded, 0 rejected\n")
        let log = try workspace.writethru(["log", "wire-alaska-txt", "--format", "json"]).stdout
        struct Log: Decodable { struct Version: Decodable { let updated: String }; let versions: [Version] }
        #expect(try JSONDecoder().decode(Log.self, from: Data(log.utf8)).versions.map(\.updated)
                == ["2021-03-18T09:00:00Z", "2021-03-19T09:00:00Z"])
        #expect(try workspace.writethru(["show", "wire-alaska-txt"]).stdout.contains("traded accusations"))
    }

    @Test func anInterruptedImportLeavesEveryStoryAtAWholeRevision() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        let root = workspace.directory + "/many"
        // 6,000 revisions: two packs, so an interruption can fall between them.
        for story in 0..<600 {
            let folder = root + "/story-\(story)"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for version in 1...10 {
                let text = "Story \(story) headline\n\n" + (1...version).map { "Paragraph \($0) of story \(story), added in version \($0)." }
                    .joined(separator: "\n\n") + "\n"
                try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/v\(version).txt"))
            }
        }
        // Ctrl-C as soon as the first branches of the first pack have moved, while the rest is
        // being read or written.
        let (process, stdout, stderr) = try workspace.startAndWaitForFirstBranch(["import", root])
        // The test runner blocks SIGINT and its children inherit that: the import unblocks it.
        process.interrupt()
        let message = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130, "\(message)")
        #expect(message.hasPrefix("writethru: error: interrupted: "), "\(message)")
        #expect(message.hasSuffix("run the same command again to record the rest\n"))
        // The summary of what it kept comes first, on standard output.
        let summaryText = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(summaryText.range(of: #"^\d+ stories: \d+ revisions recorded, "#, options: .regularExpression) != nil,
                "\(summaryText)")
        #expect(summaryText.contains("\nstopped   interrupted: "), "\(summaryText)")
        let locks = FileManager.default.enumerator(atPath: workspace.archive)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".lock") }
        #expect(locks == [])
        // Whatever had been written is whole: every branch at a complete revision.
        let verify = try workspace.writethru(["verify"])
        #expect(verify.status == 0, "\(verify.stdout)")
        #expect(try workspace.git(["fsck", "--strict", "--connectivity-only"]).status == 0)
        let finished = try workspace.writethru(["import", root, "--format", "json"])
        #expect(finished.status == 0, "\(finished.stderr)")
        struct Summary: Decodable { let recorded: Int; let alreadyRecorded: Int; let stories: Int }
        let summary = try JSONDecoder().decode(Summary.self, from: Data(finished.stdout.utf8))
        #expect(summary.recorded + summary.alreadyRecorded == 6_000)
        #expect(summary.alreadyRecorded > 0, "the interrupted run kept its first pack")
        #expect(summary.stories == 600)
        let stories = try workspace.writethru(["stories", "--format", "json"]).stdout
        struct Story: Decodable { let versions: Int }
        #expect(try JSONDecoder().decode([Story].self, from: Data(stories.utf8)).map(\.versions) == Array(repeating: 10, count: 600))
        #expect(try workspace.writethru(["verify"]).status == 0)
    }

    @Test(arguments: [
        (["import"], Int32(64)),
        (["import", "--path", "*.json", "somewhere"], 64),
        (["import", "--git", ".", "--path", "*", "extra"], 64),
        (["import", "--git", ".", "--path", "*", "--group-by", "url"], 64),
    ] as [([String], Int32)])
    func badImportsFailWithOneLine(arguments: [String], status: Int32) throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        let result = try workspace.writethru(arguments)
        #expect(result.status == status, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }
}
