import Foundation
internal import GitStore
import WritethruSupport

/// Walks the archive once, remembering what it has already checked.
struct Checker {
    let archive: Archive
    var checked = Set<ObjectID>()
    var revisions = 0
    var problems: [VerifyReport.Problem] = []

    init(archive: Archive) { self.archive = archive }

    mutating func problem(_ story: StoryID?, _ commit: ObjectID?, _ message: String) {
        problems.append(VerifyReport.Problem(story: story, commit: commit.map(CommitID.init), message: message))
    }

    /// Reads an object and checks its hash, once; false (with a problem) when that fails.
    mutating func read(_ id: ObjectID, _ story: StoryID?, _ commit: ObjectID?, what: String) -> Bool {
        guard !checked.contains(id) else { return true }
        do {
            try archive.repository.readObject(id)
            checked.insert(id)
            return true
        } catch {
            problem(story, commit, "\(what) \(id.short()) cannot be read: \(error)")
            return false
        }
    }

    mutating func checkMain() {
        guard let main = try? archive.repository.reference(Archive.mainBranch) else {
            problem(nil, nil, "the main branch is missing")
            return
        }
        guard read(main, nil, main, what: "commit"),
              let files = try? archive.repository.files(inCommit: main) else { return }
        for (path, blob) in files.sorted(by: { $0.key < $1.key }) { _ = read(blob, nil, main, what: path) }
        guard let config = files[ArchiveConfig.fileName], let bytes = try? archive.repository.blob(config) else {
            problem(nil, main, "main has no readable \(ArchiveConfig.fileName)")
            return
        }
        if case .failure(let error) = Result(catching: { () throws(WritethruError) in
            try ArchiveConfig.parse(bytes)
        }) {
            problem(nil, main, "\(ArchiveConfig.fileName) on main: \(error)")
        }
    }

    mutating func check(story: StoryID, tip: ObjectID) {
        let history: [ObjectID]
        do {
            history = try archive.repository.firstParentHistory(from: tip)
        } catch {
            problem(story, tip, "its history cannot be walked: \(error)")
            return
        }
        var previous: (updated: Date, recorded: Date)?
        for (index, commit) in history.enumerated() {
            revisions += 1
            guard read(commit, story, commit, what: "commit"),
                  let parsed = try? archive.repository.commit(commit) else { continue }
            guard read(parsed.tree, story, commit, what: "tree"),
                  let files = try? archive.repository.files(inCommit: commit) else { continue }
            var readable = true
            for (path, blob) in files.sorted(by: { $0.key < $1.key }) where !read(blob, story, commit, what: path) {
                readable = false
            }
            guard readable else { continue }
            guard let metaBlob = files[RevisionTree.metaPath], let metaBytes = try? archive.repository.blob(metaBlob),
                  let meta = try? RevisionMeta.decode(metaBytes) else {
                problem(story, commit, "version \(index + 1) has no readable meta.json")
                continue
            }
            if meta.story != story.value {
                problem(story, commit, "version \(index + 1): meta.json names story '\(meta.story)'")
            }
            if meta.version != index + 1 {
                problem(story, commit, "version \(index + 1): meta.json says version \(meta.version)")
            }
            if let article = files[RevisionTree.articlePath], let bytes = try? archive.repository.blob(article) {
                if Digest.sha256Hex(bytes) != meta.content.sha256 {
                    problem(story, commit,
                            "version \(index + 1): article.md does not match the content hash in meta.json")
                }
            } else {
                problem(story, commit, "version \(index + 1) has no article.md")
            }
            if let source = files[meta.input.path], let bytes = try? archive.repository.blob(source) {
                if Digest.sha256Hex(bytes) != meta.input.sha256 {
                    problem(story, commit,
                            "version \(index + 1): \(meta.input.path) does not match the input hash in meta.json")
                }
            } else {
                problem(story, commit, "version \(index + 1) has no \(meta.input.path)")
            }
            guard let updated = Timestamp.parse(meta.updated), let recorded = Timestamp.parse(meta.recorded) else {
                problem(story, commit, "version \(index + 1): unreadable times in meta.json")
                continue
            }
            if let previous, updated < previous.updated {
                problem(story, commit, "version \(index + 1) is dated \(meta.updated), before version \(index)")
            }
            if let previous, recorded < previous.recorded {
                problem(story, commit, "version \(index + 1) was recorded at \(meta.recorded), before version \(index)")
            }
            previous = (updated, recorded)
        }
    }
}
