import Foundation
internal import GitStore
import StoryText

/// A revision read, checked, placed in its story and rendered, ready to be written.
struct PreparedRevision {
    let input: InputFile
    let read: ReadRevision
    let story: StoryID
    let match: StoryMatch
    let time: Date
    let timeSource: String
    let recordedAt: Date
    let content: RevisionContent
    /// The run that writes it and its place there (runs of two or more revisions).
    var run: RunMark?
    /// How it was fetched, for a captured revision.
    var capture: RevisionCapture?

    init(input: InputFile, read: ReadRevision, story: StoryID, match: StoryMatch, time: Date, timeSource: String,
         recordedAt: Date, content: RevisionContent) {
        self.content = content
        self.input = input
        self.read = read
        self.story = story
        self.match = match
        self.time = time
        self.timeSource = timeSource
        self.recordedAt = recordedAt
    }

    var revision: Revision { read.revision }
    var article: [UInt8] { content.article }
    var contentHash: String { content.contentHash }


    /// Where the input is kept in the revision's tree.
    var sourcePath: String { RevisionTree.sourcePath(name: input.sourceName, line: read.line) }

    func outcome(version: Int, status: RecordOutcome.Status, commit: ObjectID) -> RecordOutcome {
        RecordOutcome(file: input.name, line: read.line, story: story, match: match, version: version, status: status,
                      commit: CommitID(commit))
    }

    func meta(version: Int) -> RevisionMeta {
        RevisionMeta(
            format: ArchiveConfig.currentFormat, story: story.value, version: version, tag: revision.tag,
            headline: revision.headline, advisory: revision.advisory?.text,
            advisoryItems: revision.advisory?.items ?? [],
            byline: revision.byline, authors: revision.authors, dateline: revision.dateline,
            published: Timestamp.published(revision), updated: Timestamp.format(time),
            updatedSource: timeSource, recorded: Timestamp.format(recordedAt), url: revision.url,
            credits: revision.credits,
            input: .init(path: sourcePath, format: read.format.rawValue, line: read.line, bytes: read.evidence.count,
                         sha256: content.inputHash, replaced: read.replaced),
            content: .init(sha256: contentHash), removed: revision.removed, run: run, capture: capture)
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
        if let advisory = revision.advisory { message += advisory.text + "\n\n" }
        message += "Story: \(story)\nVersion: \(meta.version)\nUpdated: \(meta.updated)\n"
        message += "Source: \(revision.url ?? meta.input.path)\n"
        return message
    }
}
