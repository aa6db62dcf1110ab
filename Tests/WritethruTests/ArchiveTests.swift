import Foundation
import GitStore
import TestSupport
import Testing
import WritethruSupport
@testable import Writethru

/// A new archive in a temporary directory, removed when the test ends.
final class TemporaryArchive {
    let path: String
    let archive: Archive

    init() throws {
        path = NSTemporaryDirectory() + "writethru-" + UUID().uuidString + ".git"
        archive = try Archive.create(at: path, now: Date(timeIntervalSince1970: 1_700_000_000))
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func input(_ relativePath: String) throws -> InputFile {
        InputFile(name: relativePath, bytes: try Fixtures.bytes(relativePath))
    }

    /// Every object and ref file in the archive, to prove a failed command wrote nothing.
    func snapshot() -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: path)
        var files: [String] = []
        while let next = enumerator?.nextObject() as? String { files.append(next) }
        return files.sorted()
    }
}

let recordedAt = Date(timeIntervalSince1970: 1_764_000_000)
let talks = try! StoryID(validating: "us-china-alaska-talks")

@Suite struct ArchiveTests {
    @Test func newArchiveCarriesTheTemplateFilesByteForByte() throws {
        let temp = try TemporaryArchive()
        let repo = temp.archive.repository
        let main = try #require(try repo.reference(Archive.mainBranch))
        let files = try repo.files(inCommit: main)
        #expect(files.keys.sorted() == [".gitattributes", "README.md", "writethru.json"])
        for (name, blob) in files {
            #expect(try repo.blob(blob) == Fixtures.bytes("repo-template/" + name), "\(name) differs from repo-template/")
        }
        #expect(temp.archive.config == ArchiveConfig.standard)
    }

    @Test func recordsTheChainVersionByVersion() throws {
        let temp = try TemporaryArchive()
        for (n, path) in Fixtures.chain.enumerated() {
            let outcome = try temp.archive.record([try temp.input(path)], options: RecordOptions(story: talks, revisionTime: nil, recordedAt: recordedAt))
            #expect(outcome.map(\.status) == [.recorded])
            #expect(outcome.map(\.version) == [n + 1])
        }
        let versions = try temp.archive.versions(of: talks)
        #expect(versions.map(\.number) == [1, 2, 3, 4, 5])
        #expect(versions.map(\.tag) == [nil, "UPDATE 1", "UPDATE 2", "UPDATE 3", "UPDATE 4"])
        #expect(versions.last?.advisory == "(Adds Chinese confirmation of talks, comment)")
        #expect(versions.map { Timestamp.format($0.updated) } == [
            "2021-03-11T06:06:00Z", "2021-03-11T07:41:00Z", "2021-03-11T10:02:00Z", "2021-03-11T13:37:00Z",
            "2021-03-11T18:18:00Z"])
        let stories = try temp.archive.stories()
        #expect(stories.map(\.story) == [talks])
        #expect(stories.first?.versions == 5)
        #expect(stories.first.map { Timestamp.format($0.first) } == "2021-03-11T06:06:00Z")
    }

    @Test func theSameContentAgainIsUnchangedAndMakesNoCommit() throws {
        let temp = try TemporaryArchive()
        let first = try temp.archive.record([try temp.input(Fixtures.chain[4])], options: RecordOptions(story: talks, revisionTime: nil, recordedAt: recordedAt))
        let again = try temp.archive.record([try temp.input(Fixtures.chain[4])], options: RecordOptions(story: talks, revisionTime: nil, recordedAt: recordedAt.addingTimeInterval(60)))
        #expect(again.map(\.status) == [.unchanged])
        #expect(again.first?.commit == first.first?.commit)
        #expect(try temp.archive.versions(of: talks).count == 1)
    }

    @Test func differentFurnitureAroundTheSameStoryIsUnchanged() throws {
        let temp = try TemporaryArchive()
        let original = try Fixtures.bytes(Fixtures.chain[4])
        _ = try temp.archive.record([InputFile(name: "a.txt", bytes: original)], options: RecordOptions(story: talks, revisionTime: nil, recordedAt: recordedAt))
        let rescraped = Array("Get 50% Off\n".utf8) + original.drop { $0 != 0x0A }
        let outcome = try temp.archive.record([InputFile(name: "b.txt", bytes: rescraped)], options: RecordOptions(story: talks, revisionTime: nil, recordedAt: recordedAt))
        #expect(outcome.map(\.status) == [.unchanged])
    }

    @Test func revisionTreeMetaAndMessageFollowTheStorageFormat() throws {
        let temp = try TemporaryArchive()
        let outcome = try temp.archive.record([try temp.input(Fixtures.chain[4])], options: RecordOptions(story: talks, revisionTime: nil, recordedAt: recordedAt))
        let commitID = try #require(outcome.first?.commit)
        let repo = temp.archive.repository
        let files = try repo.files(inCommit: commitID.object)
        #expect(files.keys.sorted() == ["article.md", "meta.json", "source/05-update-4.txt"])
        #expect(try repo.blob(try #require(files["source/05-update-4.txt"])) == Fixtures.bytes(Fixtures.chain[4]))
        let meta = try temp.archive.meta(of: commitID.object)
        #expect(meta.story == "us-china-alaska-talks")
        #expect(meta.version == 1)
        #expect(meta.tag == "UPDATE 4")
        #expect(meta.updated == "2021-03-11T18:18:00Z")
        #expect(meta.updatedSource == "input")
        #expect(meta.recorded == Timestamp.format(recordedAt))
        #expect(meta.content.sha256 == Digest.sha256Hex(try repo.blob(try #require(files["article.md"]))))
        #expect(meta.input.bytes == 6710)
        let commit = try repo.commit(commitID.object)
        #expect(commit.author.time == 1_615_486_680)
        #expect(commit.author.name == "Michael Martina, David Brunnstrom")
        #expect(commit.committer.time == Int64(recordedAt.timeIntervalSince1970))
        #expect(commit.message == """
            UPDATE 4-Top U.S., China diplomats to hold first in-person talks of Biden presidency

            (Adds Chinese confirmation of talks, comment)

            Story: us-china-alaska-talks
            Version: 1
            Updated: 2021-03-11T18:18:00Z
            Source: source/05-update-4.txt

            """)
    }

    @Test func atOverridesTheInputTime() throws {
        let temp = try TemporaryArchive()
        let at = Date(timeIntervalSince1970: 1_615_500_000)
        _ = try temp.archive.record([try temp.input(Fixtures.chain[0])], options: RecordOptions(story: talks, revisionTime: at, recordedAt: recordedAt))
        let version = try temp.archive.version(nil, of: talks)
        #expect(version.updated == at)
        #expect(try temp.archive.meta(of: version.commit.object).updatedSource == "option")
    }

    @Test func storyIDIsDerivedFromTheHeadlineWithoutItsTag() throws {
        let temp = try TemporaryArchive()
        let outcome = try temp.archive.record([try temp.input(Fixtures.chain[4])], options: RecordOptions(story: nil, revisionTime: nil, recordedAt: recordedAt))
        #expect(outcome.first?.story.value == "top-us-china-diplomats-to-hold-first-in-person-talks-of-biden-presidency")
    }

    @Test func oneBadFileInABatchWritesNothing() throws {
        let temp = try TemporaryArchive()
        let before = temp.snapshot()
        #expect(throws: WritethruError.badInput(file: "empty.txt", reason: "the input is empty")) {
            try temp.archive.record([try temp.input(Fixtures.chain[0]), InputFile(name: "empty.txt", bytes: [])], options: RecordOptions(story: talks, revisionTime: nil, recordedAt: recordedAt))
        }
        #expect(temp.snapshot() == before)
    }

    @Test func versionsResolveByNumberTagAndCommitPrefix() throws {
        let temp = try TemporaryArchive()
        let outcomes = try temp.archive.record(try Fixtures.chain.map { try temp.input($0) }, options: RecordOptions(story: talks, revisionTime: nil, recordedAt: recordedAt))
        let archive = temp.archive
        #expect(try archive.version(nil, of: talks).number == 5)
        #expect(try archive.version("1", of: talks).number == 1)
        #expect(try archive.version("update 3", of: talks).number == 4)
        let third = try #require(outcomes.dropFirst(2).first?.commit)
        #expect(try archive.version(third.short(7), of: talks).number == 3)
        #expect(throws: WritethruError.notFound("story 'us-china-alaska-talks' has no version 9 (it has 5)")) {
            try archive.version("9", of: talks)
        }
        #expect(throws: WritethruError.self) { try archive.version("UPDATE 9", of: talks) }
        #expect(throws: WritethruError.notFound("no story 'nothing-here' in the archive")) {
            try archive.versions(of: try StoryID(validating: "nothing-here"))
        }
    }

    @Test func openRefusesWhatIsNotAnArchive() throws {
        let directory = NSTemporaryDirectory() + "not-archive-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(throws: WritethruError.notAnArchive(path: directory, reason: "it is not a git repository")) {
            try Archive.open(at: directory)
        }
        #expect(throws: WritethruError.notAnArchive(path: directory + "/missing", reason: "nothing is there (create one with `writethru init`)")) {
            try Archive.open(at: directory + "/missing")
        }
        _ = try Repository.createBare(at: directory + "/plain.git", initialBranch: "main")
        #expect(throws: WritethruError.notAnArchive(path: directory + "/plain.git", reason: "its main branch has no writethru.json")) {
            try Archive.open(at: directory + "/plain.git")
        }
    }

    @Test func createRefusesToOverwrite() throws {
        let temp = try TemporaryArchive()
        #expect(throws: WritethruError.cannotCreate(path: temp.path, reason: "an archive or git repository is already there")) {
            try Archive.create(at: temp.path)
        }
    }

    @Test func locationPrefersOptionThenEnvironmentThenDataHome() {
        #expect(Archive.location(option: "/a", environment: ["WRITETHRU_ARCHIVE": "/b"]) == "/a")
        #expect(Archive.location(option: nil, environment: ["WRITETHRU_ARCHIVE": "/b"]) == "/b")
        #expect(Archive.location(option: nil, environment: ["XDG_DATA_HOME": "/x", "HOME": "/h"]) == "/x/writethru/archive.git")
        #expect(Archive.location(option: nil, environment: ["HOME": "/h"]) == "/h/.local/share/writethru/archive.git")
    }
}

@Suite struct StoryIDTests {
    @Test(arguments: ["../../etc", "a..b", "x.lock", "bad\u{1}id", "", "-leading", "with space", "slash/inside",
                      "trailing.", String(repeating: "a", count: 101), "caf\u{e9}", "refs@{1}"])
    func refusesUnsafeIDs(text: String) {
        #expect(throws: WritethruError.self) { try StoryID(validating: text) }
    }

    @Test(arguments: ["us-china-alaska-talks", "REUTERS_2021.03.10", "0042", "a"])
    func acceptsSafeIDs(text: String) throws {
        #expect(try StoryID(validating: text).referenceName == "refs/heads/stories/" + text)
    }

    @Test func controlCharactersAreShownEscaped() {
        #expect(throws: WritethruError.usage("invalid story id 'bad\\x01id': use only ASCII letters, digits, '.', '_' and '-'")) {
            try StoryID(validating: "bad\u{1}id")
        }
    }

    @Test(arguments: [
        ("Top U.S., China diplomats to meet in Alaska next week", "top-us-china-diplomats-to-meet-in-alaska-next-week"),
        ("Zürich's café owners ‘wary’ of new rules", "zurichs-cafe-owners-wary-of-new-rules"),
        ("A very long headline that goes on and on about the many things the minister said at the summit today",
         "a-very-long-headline-that-goes-on-and-on-about-the-many-things-the"),
        ("!!!", nil),
    ] as [(String, String?)])
    func derivesFromHeadlines(headline: String, expected: String?) {
        #expect(StoryID.derived(fromHeadline: headline)?.value == expected)
    }
}

@Suite struct ReparseTests {
    /// Commits a new writethru.json to the archive's main branch, as an editor would from a clone.
    private func replaceSettings(of temp: TemporaryArchive, with json: String) throws {
        let repo = temp.archive.repository
        let main = try #require(try repo.reference(Archive.mainBranch))
        var files = try repo.files(inCommit: main)
        files[ArchiveConfig.fileName] = try repo.writeBlob(Array(json.utf8))
        let tree = try repo.writeTree(files: files)
        let signature = Signature(name: "Editor", email: "desk@example.com", time: 1_700_000_100, offsetMinutes: 0)
        let commit = try repo.createCommit(tree: tree, parents: [main], author: signature, committer: signature,
                                           message: "Turn boilerplate rules off\n")
        try repo.updateReference(Archive.mainBranch, to: commit, expecting: main, logMessage: "test")
    }

    /// A malformed writethru.json is reported against the archive the user named, not the
    /// file name alone ("writethru.json is not a Writethru archive" before).
    @Test func malformedSettingsNameTheArchive() throws {
        let temp = try TemporaryArchive()
        try replaceSettings(of: temp, with: #"{"format": 1, "diff": {"moveThreshold": "high"}}"#)
        #expect(throws: WritethruError.notAnArchive(path: temp.path,
                                                    reason: "its writethru.json is not valid: wrong type at diff.moveThreshold")) {
            try Archive.open(at: temp.path)
        }
    }

    @Test func changedRulesNeverRewriteHistoryButReparseSeesThem() throws {
        let temp = try TemporaryArchive()
        _ = try temp.record([try temp.input(Fixtures.chain[4])], story: talks)
        try replaceSettings(of: temp, with: #"{"format": 1, "boilerplate": {"rules": [], "learnAfterStories": 0}}"#)
        let reopened = try Archive.open(at: temp.path)
        let version = try reopened.version(nil, of: talks)
        let recorded = try reopened.article(of: version)
        let reparsed = try reopened.reparsedArticle(of: version)
        #expect(!recorded.contains("Latest comments"))
        #expect(reparsed.contains("Latest comments"))
        #expect(reparsed.contains("3rd party Ad"))
        #expect(try reopened.article(of: reopened.version(nil, of: talks)) == recorded)
        // The current rules, reparsed under the rules it was recorded with, give the record back.
        #expect(try temp.archive.reparsedArticle(of: version) == recorded)
    }
}
