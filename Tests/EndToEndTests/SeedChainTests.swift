import Foundation
import TestSupport
import Testing

/// Whole command lines against an archive holding the seed chain, compared byte for byte
/// with Expected/.
@Suite struct SeedChainTests {
    let story = "us-china-alaska-talks"

    @Test func recordPrintsStoryVersionStatusAndCommit() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        var text = ""
        for path in Fixtures.chain {
            let result = try CommandRunner.run(CommandRunner.writethru,
                                               ["record", "--archive", workspace.archive, "--story", story, path],
                                               directory: Fixtures.root.path)
            #expect(result.status == 0)
            #expect(result.stderr.isEmpty)
            text += result.stdout
        }
        try expectMatches(text, expected: "record.txt")
        let again = try CommandRunner.run(CommandRunner.writethru,
                                          ["record", "--archive", workspace.archive, "--story", story, "--format", "json",
                                           Fixtures.chain[4], Fixtures.chain[3]],
                                          directory: Fixtures.root.path)
        try expectMatches(again.stdout, expected: "record-again.json")
    }

    @Test(arguments: [
        (["stories"], "stories.txt"),
        (["stories", "--format", "json"], "stories.json"),
        (["log", "us-china-alaska-talks"], "log.txt"),
        (["log", "us-china-alaska-talks", "--format", "json"], "log.json"),
        (["show", "us-china-alaska-talks"], "show-latest.md"),
        (["show", "us-china-alaska-talks", "1"], "show-1.md"),
        (["show", "us-china-alaska-talks", "UPDATE 2", "--format", "json"], "show-update-2.json"),
    ])
    func readingCommandsMatchExpectedOutput(arguments: [String], expected: String) throws {
        let workspace = try Workspace.withSeedChain()
        let result = try workspace.writethru(arguments)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        try expectMatches(result.stdout, expected: expected)
    }

    @Test func showFindsVersionsByCommitPrefixAndPrintsSources() throws {
        let workspace = try Workspace.withSeedChain()
        let log = try workspace.git(["rev-list", "--reverse", "stories/" + story])
        let commits = log.stdout.split(separator: "\n").map(String.init)
        #expect(commits.count == 5)
        let byPrefix = try workspace.writethru(["show", story, String(commits[2].prefix(8))])
        let byNumber = try workspace.writethru(["show", story, "3"])
        #expect(byPrefix.status == 0)
        #expect(byPrefix.stdout == byNumber.stdout)
        let source = try workspace.writethru(["show", "--source", story, "UPDATE 4"])
        #expect(source.stdoutBytes == (try Fixtures.bytes(Fixtures.chain[4])))
    }

    @Test func plainGitReadsTheArchive() throws {
        let workspace = try Workspace.withSeedChain()
        let gitShow = try workspace.git(["show", "stories/\(story):article.md"])
        #expect(gitShow.status == 0)
        #expect(gitShow.stdout == (try workspace.writethru(["show", story])).stdout)
        let gitLog = try workspace.git(["log", "--format=%s|%ad|%cd|%(trailers:key=Version,valueonly)", "--date=iso-strict", "stories/" + story])
        try expectMatches(gitLog.stdout, expected: "git-log.txt")
        let tree = try workspace.git(["ls-tree", "-r", "--name-only", "stories/" + story])
        #expect(tree.stdout == "article.md\nmeta.json\nsource/05-update-4.txt\n")
        let fsck = try workspace.git(["fsck", "--strict", "--no-dangling"])
        #expect(fsck.status == 0, "\(fsck.stderr)")
        #expect(try workspace.git(["symbolic-ref", "HEAD"]).stdout == "refs/heads/main\n")
        #expect(try workspace.git(["config", "core.bare"]).stdout == "true\n")
    }

    @Test func archiveComesFromTheEnvironmentWhenNoOptionIsGiven() throws {
        let workspace = try Workspace.withSeedChain()
        let viaEnvironment = try CommandRunner.writethru(["stories"], environment: ["WRITETHRU_ARCHIVE": workspace.archive])
        #expect(viaEnvironment.status == 0)
        #expect(viaEnvironment.stdout == (try workspace.writethru(["stories"])).stdout)
    }

    @Test func recordReadsStandardInputAndDerivesTheStoryID() throws {
        let workspace = try Workspace()
        #expect(try workspace.writethru(["init"]).status == 0)
        let text = "Quake hits coastal town\n\nAt least 12 people were killed, officials said.\n"
        let result = try workspace.writethru(["record", "-", "--at", "2024-05-01T10:00:00+02:00", "--format", "json"],
                                             stdin: Array(text.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"story\": \"quake-hits-coastal-town\""))
        let log = try workspace.writethru(["log", "quake-hits-coastal-town"])
        #expect(log.stdout.hasPrefix("1  -  2024-05-01T08:00:00Z  "))
        #expect(try workspace.git(["ls-tree", "-r", "--name-only", "stories/quake-hits-coastal-town"]).stdout
                == "article.md\nmeta.json\nsource/stdin\n")
    }

    @Test func helpCompletionsAndVersion() throws {
        let help = try CommandRunner.writethru(["--help"])
        for command in ["init", "record", "stories", "log", "show"] {
            #expect(help.stdout.contains("  \(command)"), "help lists \(command)")
        }
        let completion = try CommandRunner.writethru(["--generate-completion-script", "bash"])
        #expect(completion.status == 0)
        #expect(completion.stdout.contains("_writethru"))
        #expect(try CommandRunner.writethru(["--version"]).stdout == "0.1.0\n")
    }

    /// The parser is given only the subcommand the command line names (decision 0017): each
    /// command's help must be what `help COMMAND` prints with every subcommand given, and an
    /// option error must still name the whole command.
    @Test func eachCommandsHelpIsTheSameWhenOnlyItIsGiven() throws {
        let help = try CommandRunner.writethru(["--help"]).stdout
        let section = (help.components(separatedBy: "SUBCOMMANDS:\n").last ?? "").components(separatedBy: "\n\n")[0]
        let names = section.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("  "), !line.hasPrefix("   ") else { return nil }
            return line.split(separator: " ").first.map(String.init)
        }.filter { $0 != "help" }
        #expect(names.count == 31, "\(names)")
        for name in names {
            let alone = try CommandRunner.writethru([name, "--help"])
            let viaHelp = try CommandRunner.writethru(["help", name])
            #expect(alone.status == 0)
            #expect(alone.stdout == viaHelp.stdout, "\(name)")
            #expect(alone.stdout.contains("USAGE: writethru \(name)"), "\(name)")
        }
        // A completion script describes every command, whichever the command line names.
        let script = try CommandRunner.writethru(["--generate-completion-script", "bash"])
        let scriptAfterCommand = try CommandRunner.writethru(["log", "--generate-completion-script", "bash"])
        #expect(script.status == 0 && scriptAfterCommand.status == 0)
        #expect(script.stdout.contains("record") && script.stdout.contains("sentences"))
        #expect(scriptAfterCommand.stdout == script.stdout)
        let wrong = try CommandRunner.writethru(["log", "x", "--no-such-option"])
        #expect(wrong.status == 64)
        #expect(wrong.stderr == "writethru: error: Unknown option '--no-such-option'\n")
    }

    /// Usage errors are one line with exit 64, as the README promises of every error; a
    /// misspelt command gets the nearest name (before, 3 to 4 lines of usage, and "2 unexpected
    /// arguments" for a misspelt command).
    @Test(arguments: [
        (["recrod", "x"], "writethru: error: unknown command 'recrod' (did you mean 'record'?); `writethru --help` lists the commands\n"),
        (["zzzzzz"], "writethru: error: unknown command 'zzzzzz'; `writethru --help` lists the commands\n"),
        (["diff", "s", "--format", "xml"], "writethru: error: The value 'xml' is invalid for '--format <format>'. Please provide one of 'text', 'json', 'markdown' or 'html'.\n"),
        (["diff", "--files", "a"], "writethru: error: --files takes two files: OLD NEW\n"),
        (["show", "--source", "--reparse", "s"], "writethru: error: --source and --reparse cannot be used together\n"),
    ])
    func usageErrorsAreOneLine(arguments: [String], stderr: String) throws {
        let result = try CommandRunner.writethru(arguments)
        #expect(result.status == 64)
        #expect(result.stderr == stderr)
        #expect(result.stdout.isEmpty)
    }
}
