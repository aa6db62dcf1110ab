import Foundation
internal import GitStore
import StoryText

/// What a revision's commit is made of, besides its story's article: settings of the archive.
struct CommitSettings: Sendable {
    let recorderName: String
    let recorderEmail: String
    let timeZone: TimeZone

    init(config: ArchiveConfig) {
        recorderName = config.recorderName
        recorderEmail = config.recorderEmail
        timeZone = config.reading.timeZone
    }

    func offsetMinutes(at date: Date) -> Int32 {
        Int32(timeZone.secondsFromGMT(for: date) / 60)
    }
}

/// A revision's commit, but for its parent: its tree's files, its message and its signatures
/// (as libgit2 would store them). A single record writes the tree through libgit2; a bulk record
/// builds its objects itself (`RevisionTree.objects()`).
struct RevisionCommit {
    let tree: RevisionTree
    let message: String
    let author: Signature
    let committer: Signature

    init(_ prepared: PreparedRevision, version: Int, settings: CommitSettings) throws {
        let revisionMeta = prepared.meta(version: version)
        tree = RevisionTree(article: prepared.article, meta: revisionMeta.encoded(),
                            sourcePath: revisionMeta.input.path, source: prepared.read.evidence)
        message = prepared.commitMessage(meta: revisionMeta)
        author = try prepared.author(offsetMinutes: settings.offsetMinutes(at: prepared.time)).canonical()
        committer = try Signature(name: settings.recorderName, email: settings.recorderEmail,
                                  time: Int64(prepared.recordedAt.timeIntervalSince1970.rounded(.down)),
                                  offsetMinutes: settings.offsetMinutes(at: prepared.recordedAt)).canonical()
    }
}
