import Foundation
import TestSupport
import Testing

/// With `--format json` (or `jsonl`), an error is one JSON object on stderr,
/// `{"error": {"code": N, "message": "..."}}`, for the commands' own errors and for the
/// parser's usage errors alike (docs/decisions/0040-json-errors.md); text stays text.
@Suite struct JSONErrorTests {
    /// The error object of a run: stderr is exactly one line, starting with the key order
    /// promised, whose code is the exit status.
    static func error(_ result: CommandResult, sourceLocation: SourceLocation = #_sourceLocation) throws -> (code: Int, message: String) {
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(result.stderr.hasPrefix("{\"error\": {\"code\": \(result.status), \"message\": \""),
                "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.hasSuffix("\"}}\n") && result.stderr.filter { $0 == "\n" }.count == 1,
                "\(result.stderr)", sourceLocation: sourceLocation)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stderr.utf8)) as? [String: Any])
        #expect(object.count == 1, sourceLocation: sourceLocation)
        let error = try #require(object["error"] as? [String: Any])
        #expect(Set(error.keys) == ["code", "message"], sourceLocation: sourceLocation)
        return (try #require(error["code"] as? Int), try #require(error["message"] as? String))
    }

    @Test(arguments: [
        (["log", "no-such-story", "--format", "json"], 67),
        (["timeline", "no-such-story", "--format=json"], 67),
        (["show", "us-china-alaska-talks", "9", "--format", "json"], 67),
        (["audit", "no-such-story", "--format", "json"], 67),
        (["log", "us-china-alaska-talks", "--bogus", "--format", "json"], 64),
        (["log", "--format", "json"], 64),
        (["record", "--format", "json"], 64),
        (["record", "--format", "json", "/no/such/file.txt"], 66),
        (["log", "us-china-alaska-talks", "--format", "text", "--format", "json", "--bogus"], 64),
    ])
    func commandErrorsAreOneJSONObject(arguments: [String], code: Int) throws {
        let workspace = try Workspace.withSeedChain()
        let result = try workspace.writethru(arguments)
        #expect(result.status == Int32(code), "\(result.stderr)")
        let error = try Self.error(result)
        #expect(error.code == code)
        #expect(!error.message.isEmpty && !error.message.hasPrefix("writethru:"))
    }

    @Test func aMissingArchiveIs68InJSON() throws {
        let result = try CommandRunner.writethru(["log", "x", "--archive", "/no/such/archive.git", "--format", "json"])
        #expect(result.status == 68)
        let error = try Self.error(result)
        #expect(error.message == "/no/such/archive.git is not a Writethru archive: nothing is there "
                    + "(create one with `writethru init`)")
    }

    @Test func anUnknownCommandIs64InJSON() throws {
        let result = try CommandRunner.writethru(["recrod", "--format", "json"])
        #expect(result.status == 64)
        #expect(try Self.error(result).message.contains("did you mean 'record'?"))
    }

    /// jsonl asks for JSON errors too, whether or not the command prints jsonl (a bad value is
    /// a usage error, 64; a command that takes it reports its own error, here 67).
    @Test func jsonLinesErrorsAreJSON() throws {
        let workspace = try Workspace.withSeedChain()
        let result = try workspace.writethru(["log", "no-such-story", "--format", "jsonl"])
        #expect(result.status == 64 || result.status == 67, "\(result.stderr)")
        _ = try Self.error(result)
    }

    /// `post-json` is JSON output, so its errors are JSON too (before, they were a text line).
    @Test func postJSONErrorsAreJSON() throws {
        let workspace = try Workspace.withSeedChain()
        let unknown = try workspace.writethru(["timeline", "no-such-story", "--format", "post-json"])
        #expect(unknown.status == 67, "\(unknown.stderr)")
        #expect(try Self.error(unknown).message == "no story 'no-such-story' in the archive")
        let invalid = try workspace.writethru(["audit", "../x", "--format", "post-json"])
        #expect(invalid.status == 64, "\(invalid.stderr)")
        _ = try Self.error(invalid)
    }

    /// A control character in a message (here from a file name) is escaped, and the line stays
    /// one line.
    @Test func controlCharactersAreEscaped() throws {
        let name = "/no/such/bad\u{1B}[2Jfile\nnext\u{85}.txt"
        let missing = try CommandRunner.writethru(["parse", name, "--format", "json"])
        #expect(missing.status == 66, "\(missing.stderr)")
        #expect(missing.stderr.contains("bad\\u001b[2Jfile\\nnext\\u0085.txt"), "\(missing.stderr)")
        #expect(!missing.stderr.contains("\u{1B}") && !missing.stderr.contains("\u{85}"))
        #expect(try Self.error(missing).message.contains("bad\u{1B}[2Jfile\nnext\u{85}.txt"))
    }

    @Test(arguments: [
        ["log", "no-such-story"],
        ["log", "no-such-story", "--format", "text"],
        ["log", "no-such-story", "--format", "json", "--format", "text"],
        // After `--`, `--format json` is the story and version, not an option.
        ["show", "--", "--format", "json"],
    ])
    func textErrorsStayText(arguments: [String]) throws {
        let workspace = try Workspace.withSeedChain()
        let result = try workspace.writethru(arguments)
        #expect(result.status == 67 || result.status == 64, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("writethru: error: "), "\(result.stderr)")
        #expect(result.stderr.filter { $0 == "\n" }.count == 1)
    }
}
