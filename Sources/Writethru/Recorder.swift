import Crypto
import Foundation
import GitStore
import StoryText

/// What `record` did with one input.
public struct RecordOutcome: Sendable, Equatable {
    public enum Status: String, Sendable { case recorded, unchanged }
    public let file: String
    public let story: StoryID
    public let version: Int
    public let status: Status
    public let commit: ObjectID
}

extension Archive {
    /// How often a writer re-reads a story's tip and retries after losing the race for it.
    static let maximumAttempts = 400

    /// Records each input as the next revision of its story, in order.
    ///
    /// Every input is read and checked before anything is written, so one bad file means
    /// nothing is recorded. A story branch only moves by compare-and-swap; a writer that
    /// loses a race re-reads the tip, rebuilds the revision on it and tries again.
    ///
    /// - Parameters:
    ///   - story: the story for every input; when nil, each input's id is derived from its
    ///     headline (`StoryID.derived(fromHeadline:)`).
    ///   - revisionTime: the revision's own time; when nil, the input's Updated or Published
    ///     time, else `recordedAt`.
    ///   - recordedAt: the recording time (the commits' committer time).
    public func record(_ inputs: [InputFile], story: StoryID?, revisionTime: Date?,
                       recordedAt: Date) throws(WritethruError) -> [RecordOutcome] {
        let prepared = try inputs.map { input throws(WritethruError) in
            try prepare(input, story: story, revisionTime: revisionTime, recordedAt: recordedAt)
        }
        var outcomes: [RecordOutcome] = []
        for revision in prepared {
            outcomes.append(try write(revision))
        }
        return outcomes
    }

    private func prepare(_ input: InputFile, story: StoryID?, revisionTime: Date?,
                         recordedAt: Date) throws(WritethruError) -> PreparedRevision {
        let revision: Revision
        do {
            revision = try RevisionReader.read(input.bytes, options: config.reading)
        } catch {
            throw .badInput(file: input.name, reason: error.description)
        }
        guard let id = story ?? StoryID.derived(fromHeadline: revision.headline) else {
            throw .badInput(file: input.name, reason: "no story id can be made from its headline; give one with --story")
        }
        let (time, timeSource): (Date, String) =
            if let revisionTime { (revisionTime, "option") }
            else if let inputTime = revision.updated ?? revision.published { (inputTime, "input") }
            else { (recordedAt, "recorded") }
        return PreparedRevision(input: input, story: id, revision: revision,
                                article: Array(ArticleMarkdown.render(revision).utf8),
                                time: time, timeSource: timeSource, recordedAt: recordedAt)
    }

    private func write(_ prepared: PreparedRevision) throws(WritethruError) -> RecordOutcome {
        do {
            let articleBlob = try repository.writeBlob(prepared.article)
            let sourceBlob = try repository.writeBlob(prepared.input.bytes)
            for attempt in 1...Self.maximumAttempts {
                let tip = try self.tip(of: prepared.story)
                let parent = try tip.map { id throws(WritethruError) in try meta(of: id) }
                if let tip, let parent, prepared.isUnchanged(from: parent) {
                    return RecordOutcome(file: prepared.input.name, story: prepared.story, version: parent.version,
                                         status: .unchanged, commit: tip)
                }
                let revisionMeta = prepared.meta(version: (parent?.version ?? 0) + 1)
                let tree = try repository.writeTree(files: [
                    "article.md": articleBlob,
                    "meta.json": try repository.writeBlob(revisionMeta.encoded()),
                    revisionMeta.input.path: sourceBlob,
                ])
                let commit = try repository.createCommit(
                    tree: tree, parents: tip.map { [$0] } ?? [],
                    author: prepared.author(offsetMinutes: offsetMinutes(at: prepared.time)),
                    committer: Signature(name: config.recorderName, email: config.recorderEmail,
                                         time: Int64(prepared.recordedAt.timeIntervalSince1970.rounded(.down)),
                                         offsetMinutes: offsetMinutes(at: prepared.recordedAt)),
                    message: prepared.commitMessage(meta: revisionMeta))
                do {
                    try repository.updateReference(prepared.story.referenceName, to: commit, expecting: tip,
                                                   logMessage: "writethru record: version \(revisionMeta.version)")
                    return RecordOutcome(file: prepared.input.name, story: prepared.story, version: revisionMeta.version,
                                         status: .recorded, commit: commit)
                } catch {
                    guard let race = error as? GitError, race.isReferenceRace else { throw error }
                    backOff(attempt: attempt)
                }
            }
        } catch let error as WritethruError {
            throw error
        } catch {
            throw .storage("\(prepared.input.name): \(error)")
        }
        throw .contention("story \(prepared.story) is being written by other writers without pause: gave up after \(Self.maximumAttempts) attempts (if no writer is running, remove \(path)/\(prepared.story.referenceName).lock); nothing was lost, run record again")
    }

    private func offsetMinutes(at date: Date) -> Int32 {
        Int32(config.reading.timeZone.secondsFromGMT(for: date) / 60)
    }

    /// Waits a random moment that grows with the attempt, so racing writers fall out of step.
    private func backOff(attempt: Int) {
        let ceiling = UInt32(min(attempt, 20) * 250)
        usleep(UInt32.random(in: 0...ceiling))
    }
}

/// An input read, checked and rendered, ready to be written.
struct PreparedRevision {
    let input: InputFile
    let story: StoryID
    let revision: Revision
    let article: [UInt8]
    let time: Date
    let timeSource: String
    let recordedAt: Date

    var contentHash: String { Self.sha256(article) }

    static func sha256(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    /// Same normalized text and the same wire metadata as the story's latest revision.
    func isUnchanged(from parent: RevisionMeta) -> Bool {
        parent.content.sha256 == contentHash && parent.tag == revision.tag && parent.advisory == revision.advisory
            && parent.byline == revision.byline && parent.url == revision.url
    }

    func meta(version: Int) -> RevisionMeta {
        RevisionMeta(
            format: ArchiveConfig.currentFormat, story: story.value, version: version, tag: revision.tag,
            headline: revision.headline, advisory: revision.advisory, byline: revision.byline,
            authors: revision.authors, dateline: revision.dateline,
            published: revision.published.map(Timestamp.format), updated: Timestamp.format(time),
            updatedSource: timeSource, recorded: Timestamp.format(recordedAt), url: revision.url,
            credits: revision.credits,
            input: .init(path: "source/" + input.sourceName, format: "text", bytes: input.bytes.count,
                         sha256: Self.sha256(input.bytes)),
            content: .init(sha256: contentHash), removed: revision.removed)
    }

    /// git requires an email; bylines have none, so every author gets this placeholder.
    static let authorEmail = "byline@writethru.invalid"

    /// The revision's author: its byline's authors, else its agency, else "Unknown".
    func author(offsetMinutes: Int32) -> Signature {
        let names = revision.authors.isEmpty ? [revision.dateline?.agency ?? "Unknown"] : revision.authors
        let name = names.joined(separator: ", ").filter { $0 != "<" && $0 != ">" && $0 != "\n" }
        return Signature(name: name.isEmpty ? "Unknown" : name, email: Self.authorEmail,
                         time: Int64(time.timeIntervalSince1970.rounded(.down)), offsetMinutes: offsetMinutes)
    }

    /// Subject (tag and headline), the advisory line, then trailers.
    func commitMessage(meta: RevisionMeta) -> String {
        var message = (revision.tag.map { $0 + "-" } ?? "") + revision.headline + "\n\n"
        if let advisory = revision.advisory { message += advisory + "\n\n" }
        message += "Story: \(story)\nVersion: \(meta.version)\nUpdated: \(meta.updated)\n"
        message += "Source: \(revision.url ?? meta.input.path)\n"
        return message
    }
}
