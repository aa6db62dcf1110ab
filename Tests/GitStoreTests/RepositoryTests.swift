import Foundation
@testable import GitStore
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

    /// Objects built in memory (the bulk record path) are byte for byte what libgit2 writes:
    /// same ids for blobs, trees (in git's order, a subtree sorting as its name and "/") and
    /// commits, whatever the signatures hold; and a pack of them reads back.
    @Test func builtObjectsMatchLibgit2AndPackReadsBack() throws {
        let temp = try TemporaryRepository()
        let repo = temp.repository
        let texts = ["", "# Headline\n", "Zoë said “yes”.\n"]
        let blobs = try texts.map { try GitObject.blob(Array($0.utf8)) }
        for (text, blob) in zip(texts, blobs) { #expect(blob.id == (try repo.writeBlob(Array(text.utf8)))) }
        let subtree = try GitObject.tree([.init(name: "page.txt", id: blobs[2].id)])
        let root = try GitObject.tree([.init(name: "source.md", id: blobs[1].id), .init(name: "source", id: subtree.id, isTree: true),
                                   .init(name: "source-a", id: blobs[0].id), .init(name: "article.md", id: blobs[1].id)])
        let libgit2Tree = try repo.writeTree(files: ["source.md": blobs[1].id, "source/page.txt": blobs[2].id,
                                                     "source-a": blobs[0].id, "article.md": blobs[1].id])
        #expect(root.id == libgit2Tree)
        let signatures = [
            Signature(name: " Zoë Ångström, \"Jo\" Smith. ", email: "byline@writethru.invalid", time: 1_615_486_680, offsetMinutes: -300),
            Signature(name: "Reporter", email: "desk@example.com", time: 1_615_486_680, offsetMinutes: 330),
            Signature(name: "Night Desk", email: "night@example.com", time: 0, offsetMinutes: 0),
        ]
        var parents: [ObjectID] = []
        for signature in signatures {
            let canonical = try signature.canonical()
            let message = "UPDATE 1-Zoë’s story\n\n(Adds comment)\n\nStory: x\n"
            let built = try GitObject.commit(tree: root.id, parents: parents, author: canonical, committer: try signatures[1].canonical(),
                                         message: message)
            let written = try repo.createCommit(tree: libgit2Tree, parents: parents, author: signature, committer: signatures[1],
                                                message: message)
            #expect(built.id == written, "\(signature.name)")
            parents = [written]
        }
        #expect(throws: GitError.self) { try Signature(name: "<>", email: "x@example.com", time: 0, offsetMinutes: 0).canonical() }

        let other = try TemporaryRepository()
        let head = try GitObject.commit(tree: root.id, parents: [], author: try signatures[0].canonical(),
                                    committer: try signatures[1].canonical(), message: "Packed\n")
        try other.repository.writePack(blobs + [subtree, root, head, blobs[1]])
        #expect(try other.repository.blob(blobs[2].id) == Array(texts[2].utf8))
        let read = try other.repository.commit(head.id)
        #expect(read.tree == root.id)
        #expect(read.author.name == (try signatures[0].canonical()).name)
        #expect(read.author.name.hasPrefix("Zoë Ångström, \"Jo\" Smith"))
        #expect(read.author.offsetMinutes == -300)
        let packs = try FileManager.default.contentsOfDirectory(atPath: other.path + "/objects/pack")
        #expect(packs.filter { $0.hasSuffix(".pack") }.count == 1)
        #expect(packs.filter { $0.hasSuffix(".idx") }.count == 1)
    }
}


/// The pack index's layout, where a test repository cannot reach: offsets past 2 GiB go to the
/// table of 64-bit offsets.
@Suite struct PackIndexTests {
    @Test func largeOffsetsGoToTheSixtyFourBitTable() throws {
        let objects = [try GitObject.blob(Array("a".utf8)), try GitObject.blob(Array("b".utf8))]
        var pack = PackStream.Pack()
        pack.bytes = [UInt8](repeating: 7, count: 20)
        pack.offsets = [12, 0x1_2345_6789]
        pack.checksums = [1, 2]
        let index = PackStream.index(of: objects, in: pack)
        // Header 8, fan-out 1,024, two ids 40, two CRCs 8, two offsets 8, one large offset 8,
        // the pack's checksum 20, the index's 20.
        #expect(index.count == 8 + 1024 + 40 + 8 + 8 + 8 + 40)
        let sorted = objects.indices.sorted { objects[$0].id < objects[$1].id }
        let offsets = Array(index[(8 + 1024 + 40 + 8)..<(8 + 1024 + 40 + 16)])
        let large = Array(index[(8 + 1024 + 40 + 16)..<(8 + 1024 + 40 + 24)])
        let smallEntry: [UInt8] = [0, 0, 0, 12]
        let largeEntry: [UInt8] = [0x80, 0, 0, 0]
        #expect(offsets == (sorted[0] == 0 ? smallEntry + largeEntry : largeEntry + smallEntry))
        #expect(large == [0, 0, 0, 1, 0x23, 0x45, 0x67, 0x89])
        #expect(Array(index[(index.count - 40)..<(index.count - 20)]) == pack.bytes.suffix(20))
    }
}

/// libgit2 keeps at most 32 MB of pack files mapped and 8 MB of objects cached in a process
/// (docs/import.md, "Memory"): by default it maps up to 8 GB and caches 256 MB.
@Suite struct GitMemoryTests {
    @Test func packMappingsAndTheObjectCacheAreBounded() throws {
        _ = try TemporaryRepository()
        #expect(GitSettings.mappedPackLimit == 32 << 20)
        #expect(GitSettings.objectCacheLimit == 8 << 20)
    }
}
