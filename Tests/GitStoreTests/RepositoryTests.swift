import Foundation
import GitStore
import Testing

/// A fresh bare repository in a temporary directory, removed when the test ends.
final class TemporaryRepository {
    let path: String
    let repository: Repository

    init() throws {
        path = NSTemporaryDirectory() + "gitstore-" + UUID().uuidString + ".git"
        repository = try Repository.createBare(at: path, initialBranch: "main")
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

let someone = Signature(name: "Reporter", email: "desk@example.com", time: 1_615_486_680, offsetMinutes: 60)

@Suite struct RepositoryTests {
    @Test func blobsAreContentAddressedAndRoundTrip() throws {
        let temp = try TemporaryRepository()
        let bytes = Array("WASHINGTON, March 10 (Reuters) -\n".utf8)
        let first = try temp.repository.writeBlob(bytes)
        let second = try temp.repository.writeBlob(bytes)
        #expect(first == second)
        #expect(first == ObjectID.blobID(of: bytes))
        #expect(try temp.repository.blob(first) == bytes)
        #expect(try temp.repository.blob(try temp.repository.writeBlob([])) == [])
    }

    @Test func nestedTreesAndCommitsReadBack() throws {
        let temp = try TemporaryRepository()
        let repo = temp.repository
        let article = try repo.writeBlob(Array("# Headline\n".utf8))
        let source = try repo.writeBlob(Array("raw input".utf8))
        let tree = try repo.writeTree(files: ["article.md": article, "source/page.txt": source])
        let commit = try repo.createCommit(tree: tree, parents: [], author: someone, committer: someone,
                                           message: "Headline\n\nStory: x\n")
        let read = try repo.commit(commit)
        #expect(read.tree == tree)
        #expect(read.parents.isEmpty)
        #expect(read.author == someone)
        #expect(read.message == "Headline\n\nStory: x\n")
        #expect(try repo.entry(at: "source/page.txt", inCommit: commit) == source)
        #expect(try repo.entry(at: "missing.txt", inCommit: commit) == nil)
        #expect(try repo.files(inCommit: commit) == ["article.md": article, "source/page.txt": source])
    }

    @Test func objectIDsParseOnlyFullHex() {
        #expect(ObjectID(hex: "0123456789abcdef0123456789abcdef01234567")?.hex == "0123456789abcdef0123456789abcdef01234567")
        #expect(ObjectID(hex: "0123") == nil)
        #expect(ObjectID(hex: "zz23456789abcdef0123456789abcdef01234567") == nil)
    }

    @Test func historyIsFirstParentOldestFirst() throws {
        let temp = try TemporaryRepository()
        let repo = temp.repository
        let tree = try repo.writeTree(files: ["a": try repo.writeBlob([1])])
        var tip: ObjectID?
        var made: [ObjectID] = []
        for n in 0..<4 {
            let commit = try repo.createCommit(tree: tree, parents: tip.map { [$0] } ?? [], author: someone,
                                               committer: someone, message: "v\(n)\n")
            made.append(commit)
            tip = commit
        }
        #expect(try repo.firstParentHistory(from: made[3]) == made)
        #expect(try repo.commit(prefix: String(made[2].hex.prefix(10))) == made[2])
        #expect(try repo.commit(prefix: "zzzz") == nil)
    }

    @Test func referenceNamesAreValidated() {
        #expect(Repository.isValidReferenceName("refs/heads/stories/us-china-talks"))
        #expect(!Repository.isValidReferenceName("refs/heads/stories/a..b"))
        #expect(!Repository.isValidReferenceName("refs/heads/stories/x.lock"))
        #expect(!Repository.isValidReferenceName("refs/heads/stories/bad\u{7}name"))
    }
}

@Suite struct CompareAndSwapTests {
    private func commit(_ repo: Repository, _ text: String, parent: ObjectID? = nil) throws -> ObjectID {
        let tree = try repo.writeTree(files: ["article.md": try repo.writeBlob(Array(text.utf8))])
        return try repo.createCommit(tree: tree, parents: parent.map { [$0] } ?? [], author: someone,
                                     committer: someone, message: text + "\n")
    }

    @Test func createOnlyWhenAbsent() throws {
        let temp = try TemporaryRepository()
        let repo = temp.repository
        let first = try commit(repo, "one")
        try repo.updateReference("refs/heads/stories/x", to: first, expecting: nil, logMessage: "test")
        #expect(try repo.reference("refs/heads/stories/x") == first)
        let rival = try commit(repo, "rival")
        let error = #expect(throws: GitError.self) {
            try repo.updateReference("refs/heads/stories/x", to: rival, expecting: nil, logMessage: "test")
        }
        #expect(error?.isReferenceRace == true)
        #expect(try repo.reference("refs/heads/stories/x") == first)
    }

    @Test func moveOnlyFromTheExpectedTip() throws {
        let temp = try TemporaryRepository()
        let repo = temp.repository
        let first = try commit(repo, "one")
        try repo.updateReference("refs/heads/stories/x", to: first, expecting: nil, logMessage: "test")
        let second = try commit(repo, "two", parent: first)
        let stale = try commit(repo, "stale", parent: first)
        try repo.updateReference("refs/heads/stories/x", to: second, expecting: first, logMessage: "test")
        let error = #expect(throws: GitError.self) {
            try repo.updateReference("refs/heads/stories/x", to: stale, expecting: first, logMessage: "test")
        }
        #expect(error?.code == .modified)
        #expect(try repo.reference("refs/heads/stories/x") == second)
    }

    @Test func aHeldLockIsARaceNotAnOverwrite() throws {
        let temp = try TemporaryRepository()
        let repo = temp.repository
        let first = try commit(repo, "one")
        try repo.updateReference("refs/heads/stories/x", to: first, expecting: nil, logMessage: "test")
        let lock = temp.path + "/refs/heads/stories/x.lock"
        #expect(FileManager.default.createFile(atPath: lock, contents: Data()))
        let second = try commit(repo, "two", parent: first)
        let error = #expect(throws: GitError.self) {
            try repo.updateReference("refs/heads/stories/x", to: second, expecting: first, logMessage: "test")
        }
        #expect(error?.isReferenceRace == true)
        try FileManager.default.removeItem(atPath: lock)
        try repo.updateReference("refs/heads/stories/x", to: second, expecting: first, logMessage: "test")
        #expect(try repo.reference("refs/heads/stories/x") == second)
    }

    @Test func globListsStoryBranchesSorted() throws {
        let temp = try TemporaryRepository()
        let repo = temp.repository
        let c = try commit(repo, "x")
        for name in ["zeta", "alpha", "mid"] {
            try repo.updateReference("refs/heads/stories/" + name, to: c, expecting: nil, logMessage: "t")
        }
        try repo.updateReference("refs/heads/main", to: c, expecting: nil, logMessage: "t")
        let names = try repo.references(matching: "refs/heads/stories/*").map(\.name)
        #expect(names == ["refs/heads/stories/alpha", "refs/heads/stories/mid", "refs/heads/stories/zeta"])
    }
}
