import Crypto
import Foundation
import GitStore
import StoryText

/// What `record` did with one revision.
public struct RecordOutcome: Sendable, Equatable {
    public enum Status: String, Sendable {
        case recorded, unchanged
        /// An import met an input some version of its story already holds (same input bytes).
        case alreadyRecorded = "already-recorded"
    }
    public let file: String
    /// The line of a JSON Lines input, else nil.
    public let line: Int?
    public let story: StoryID
    public let match: StoryMatch
    public let version: Int
    public let status: Status
    public let commit: ObjectID
}

/// How `record` reads and places its inputs.
public struct RecordOptions: Sendable {
    /// The story for every input; when nil, each revision's story is found (docs/reading.md).
    public var story: StoryID?
    /// The revision's own time; when nil, the input's Updated or Published time, else `recordedAt`.
    public var revisionTime: Date?
    /// The recording time (the commits' committer time).
    public var recordedAt: Date
    /// The input format; sniffed from each input when nil.
    public var format: InputFormat?
    /// Match revisions to recent stories by the similarity of their first paragraphs.
    public var matchSimilar: Bool

    public init(story: StoryID? = nil, revisionTime: Date? = nil, recordedAt: Date, format: InputFormat? = nil,
                matchSimilar: Bool = false) {
        self.story = story
        self.revisionTime = revisionTime
        self.recordedAt = recordedAt
        self.format = format
        self.matchSimilar = matchSimilar
    }
}

/// An input read and checked, with the words of each of its revisions when already found.
struct CheckedInput: Sendable {
    let item: RecordItem
    let reads: [ReadRevision]
    let words: [Set<String>]?
}

/// One input to record, with what the caller already knows of it.
public struct RecordItem: Sendable {
    public let input: InputFile
    /// Its story; nil: found as `record` finds stories (docs/reading.md).
    public let story: StoryID?
    /// The revision's time when the input names none (an import from git: the commit's time).
    public let fallbackTime: Date?

    public init(input: InputFile, story: StoryID? = nil, fallbackTime: Date? = nil) {
        self.input = input
        self.story = story
        self.fallbackTime = fallbackTime
    }
}

extension Archive {
    /// How often a writer re-reads a story's tip and retries after losing the race for it.
    static let maximumAttempts = 400
    /// From this many revisions on, a `record` writes its objects as packs, not loose files.
    static let packedBatchThreshold = 16
    /// Revisions per pack in a batch: each chunk is written, then its story branches move.
    static let packedChunkSize = 5_000

    /// Records each revision of each input as the next revision of its story, in order.
    ///
    /// Every input is read and checked before anything is written, so one bad file means
    /// nothing is recorded. A story branch only moves by compare-and-swap; a writer that
    /// loses a race re-reads the tip, rebuilds the revision on it and tries again.
    public func record(_ inputs: [InputFile], options: RecordOptions) throws(WritethruError) -> [RecordOutcome] {
        let index = try derivedIndex()
        defer { index.flush() }
        var checked: [CheckedInput] = []
        for input in inputs {
            let item = RecordItem(input: input, story: options.story)
            checked.append(CheckedInput(item: item, reads: try check(item, options: options, furniture: index), words: nil))
        }
        return try record(checked, options: options, index: index, skipRecorded: false, progress: nil)
    }

    /// Reads an input and checks that each of its revisions can be placed in a story.
    func check(_ item: RecordItem, options: RecordOptions, furniture index: DerivedIndex) throws(WritethruError) -> [ReadRevision] {
        try Self.check(item, format: options.format, reading: config.reading, furniture: index)
    }

    /// `check` without the archive, so that many inputs can be read at once on all cores.
    static func check(_ item: RecordItem, format: InputFormat?, reading: ReadingOptions,
                      furniture: DerivedIndex) throws(WritethruError) -> [ReadRevision] {
        let reads: [ReadRevision]
        do {
            reads = try RevisionReader.read(item.input.bytes, format: format, options: reading, furniture: furniture)
        } catch {
            throw .badInput(file: item.input.name, reason: error.description)
        }
        for read in reads where item.story == nil {
            try checkStoryCanBeFound(read.revision, file: item.input.name)
        }
        return reads
    }

    /// Records checked inputs in order. With `skipRecorded`, an input whose bytes some version
    /// of its story already holds is reported `already-recorded` and not written again (what
    /// makes an import safe to re-run). `progress` hears of each revision as it is placed.
    func record(_ checked: [CheckedInput], options: RecordOptions, index: DerivedIndex, skipRecorded: Bool,
                progress: ((Int, Int) -> Void)?) throws(WritethruError) -> [RecordOutcome] {
        var identifier = StoryIdentifier(archive: self, index: index, matchSimilar: options.matchSimilar)
        let total = checked.reduce(0) { $0 + $1.reads.count }
        let batch = total >= Self.packedBatchThreshold ? try PackedBatch(archive: self, index: index) : nil
        var outcomes: [RecordOutcome] = []
        let generation = index.furnitureGeneration
        var recordedInputs = RecordedInputs()
        for entry in checked {
            let (item, input) = (entry.item, entry.item.input)
            // Earlier revisions of this run may have taught the index new furniture: read again.
            let learnedSince = index.furnitureGeneration != generation && config.reading.boilerplate.learnAfterStories > 0
            let reread = learnedSince ? try? read(input, options: options, furniture: index) : nil
            let reads = reread ?? entry.reads
            for (position, read) in reads.enumerated() {
                defer { progress?(outcomes.count, total) }
                let time = Self.time(of: read.revision, options: options, fallback: item.fallbackTime)
                let (story, match) = try identifier.identify(read.revision, time: time.0, explicit: item.story, file: input.name)
                let prepared = PreparedRevision(input: input, read: read, story: story, match: match, time: time.0,
                                                timeSource: time.1, recordedAt: options.recordedAt,
                                                words: reread == nil ? entry.words?[position] : nil)
                if skipRecorded, let held = try recordedInputs.version(holding: prepared, in: self, batch: batch) {
                    outcomes.append(prepared.outcome(version: held.version, status: .alreadyRecorded, commit: held.commit))
                    continue
                }
                let outcome: RecordOutcome
                if let batch {
                    outcome = try stage(prepared, in: batch, outcomes: &outcomes)
                } else {
                    outcome = try write(prepared)
                    outcomes.append(outcome)
                }
                if outcome.status == .recorded {
                    remember(prepared, in: index)
                    recordedInputs.note(prepared, version: outcome.version, commit: outcome.commit)
                }
            }
        }
        if let batch { try commit(batch, outcomes: &outcomes) }
        return outcomes
    }

    private func read(_ input: InputFile, options: RecordOptions, furniture: DerivedIndex) throws(WritethruError) -> [ReadRevision] {
        do {
            return try RevisionReader.read(input.bytes, format: options.format, options: config.reading, furniture: furniture)
        } catch {
            throw .badInput(file: input.name, reason: error.description)
        }
    }

    private static func checkStoryCanBeFound(_ revision: Revision, file: String) throws(WritethruError) {
        if let named = revision.story {
            do {
                _ = try StoryID(validating: named)
            } catch {
                throw .badInput(file: file, reason: "its story field: \(error.description)")
            }
        } else if revision.url == nil, StoryID.derived(fromHeadline: revision.headline) == nil {
            throw .badInput(file: file, reason: "no story id can be made from its headline; give one with --story")
        }
    }

    private static func time(of revision: Revision, options: RecordOptions, fallback: Date?) -> (Date, String) {
        if let time = options.revisionTime { return (time, "option") }
        if let time = revision.updated ?? revision.published { return (time, "input") }
        if let fallback { return (fallback, "capture") }
        return (options.recordedAt, "recorded")
    }

    /// Adds a recorded revision's URL, headline and paragraphs to the derived index.
    private func remember(_ prepared: PreparedRevision, in index: DerivedIndex) {
        let revision = prepared.read.revision
        index.addRevision(story: prepared.story.value, url: revision.url, headline: revision.headline, paragraphs: revision.paragraphs,
                          learned: revision.removed.filter { $0.rule == "learned" }.map(\.text), words: prepared.words)
    }

    /// Writes one revision and moves its branch, retrying on a lost race. `target` is the
    /// repository handle to write through (default: the archive's own).
    private func write(_ prepared: PreparedRevision, through target: Repository? = nil) throws(WritethruError) -> RecordOutcome {
        let repository = target ?? self.repository
        do {
            for attempt in 1...Self.maximumAttempts {
                let tip = try self.tip(of: prepared.story)
                let parent = try tip.map { id throws(WritethruError) in try meta(of: id) }
                if let tip, let parent, prepared.isUnchanged(from: parent) {
                    return prepared.outcome(version: parent.version, status: .unchanged, commit: tip)
                }
                let revisionMeta = prepared.meta(version: (parent?.version ?? 0) + 1)
                let commit = try makeCommit(prepared, meta: revisionMeta, parent: tip, in: repository)
                do {
                    try repository.flushPackedWrites()
                    try repository.updateReference(prepared.story.referenceName, to: commit, expecting: tip,
                                                   logMessage: "writethru record: version \(revisionMeta.version)")
                    return prepared.outcome(version: revisionMeta.version, status: .recorded, commit: commit)
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

    /// Builds a revision's commit in memory on top of what the batch already holds for its
    /// story; the branch moves when the chunk is committed.
    private func stage(_ prepared: PreparedRevision, in current: PackedBatch,
                       outcomes: inout [RecordOutcome]) throws(WritethruError) -> RecordOutcome {
        let outcome: RecordOutcome
        do {
            if current.start[prepared.story] == nil {
                let tip = try self.tip(of: prepared.story)
                current.start[prepared.story] = .some(tip)
                current.order.append(prepared.story)
                if let tip { current.heads[prepared.story] = (tip, try meta(of: tip)) }
            }
            let head = current.heads[prepared.story]
            if let head, prepared.isUnchanged(from: head.meta) {
                outcome = prepared.outcome(version: head.meta.version, status: .unchanged, commit: head.commit)
            } else {
                let revisionMeta = prepared.meta(version: (head?.meta.version ?? 0) + 1)
                let commit = try makeCommit(prepared, meta: revisionMeta, parent: head?.commit, in: repository)
                current.heads[prepared.story] = (commit, revisionMeta)
                outcome = prepared.outcome(version: revisionMeta.version, status: .recorded, commit: commit)
            }
        } catch let error as WritethruError {
            throw error
        } catch {
            throw .storage("\(prepared.input.name): \(error)")
        }
        current.entries.append((prepared, outcomes.count))
        outcomes.append(outcome)
        if current.entries.count >= Self.packedChunkSize {
            try commit(current, outcomes: &outcomes)
        }
        return outcome
    }

    /// Writes a chunk's objects as one pack, then moves each story branch it touched, by
    /// compare-and-swap, from the tip it had when the chunk began. A story that another writer
    /// moved meanwhile has its revisions of the chunk recorded again, one by one, on the new tip.
    private func commit(_ batch: PackedBatch, outcomes: inout [RecordOutcome]) throws(WritethruError) {
        do {
            try repository.flushPackedWrites()
            defer { batch.index.flush() }
            // Lost races are redone through a second handle, which writes loose objects: a
            // pack per redone revision would litter objects/pack.
            var loose: Repository?
            for story in batch.order {
                guard let head = batch.heads[story], let start = batch.start[story], head.commit != start else { continue }
                do {
                    try repository.updateReference(story.referenceName, to: head.commit, expecting: start,
                                                   logMessage: "writethru record: version \(head.meta.version)")
                } catch {
                    guard let race = error as? GitError, race.isReferenceRace else { throw error }
                    let handle = try loose ?? Repository.open(at: path)
                    loose = handle
                    for (prepared, position) in batch.entries where prepared.story == story {
                        outcomes[position] = try write(prepared, through: handle)
                    }
                }
            }
        } catch let error as WritethruError {
            throw error
        } catch {
            throw .storage("\(error)")
        }
        batch.reset()
    }

    private func makeCommit(_ prepared: PreparedRevision, meta revisionMeta: RevisionMeta, parent: ObjectID?,
                            in repository: Repository) throws -> ObjectID {
        let tree = try repository.writeTree(files: [
            "article.md": try repository.writeBlob(prepared.article),
            "meta.json": try repository.writeBlob(revisionMeta.encoded()),
            revisionMeta.input.path: try repository.writeBlob(prepared.read.evidence),
        ])
        return try repository.createCommit(
            tree: tree, parents: parent.map { [$0] } ?? [],
            author: prepared.author(offsetMinutes: offsetMinutes(at: prepared.time)),
            committer: Signature(name: config.recorderName, email: config.recorderEmail,
                                 time: Int64(prepared.recordedAt.timeIntervalSince1970.rounded(.down)),
                                 offsetMinutes: offsetMinutes(at: prepared.recordedAt)),
            message: prepared.commitMessage(meta: revisionMeta))
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

/// The inputs each story already holds, by the SHA-256 of their bytes: read from a story's
/// history the first time the story comes up, then kept up to date as the run records.
struct RecordedInputs {
    private var byStory: [StoryID: [String: (version: Int, commit: ObjectID)]] = [:]

    mutating func version(holding prepared: PreparedRevision, in archive: Archive,
                          batch: PackedBatch?) throws(WritethruError) -> (version: Int, commit: ObjectID)? {
        if byStory[prepared.story] == nil { byStory[prepared.story] = try archive.recordedInputs(of: prepared.story) }
        return byStory[prepared.story]?[PreparedRevision.sha256(prepared.read.evidence)]
    }

    mutating func note(_ prepared: PreparedRevision, version: Int, commit: ObjectID) {
        byStory[prepared.story, default: [:]][PreparedRevision.sha256(prepared.read.evidence)] = (version, commit)
    }
}

extension Archive {
    /// The SHA-256 of each version's input, with the version and commit that hold it.
    func recordedInputs(of story: StoryID) throws(WritethruError) -> [String: (version: Int, commit: ObjectID)] {
        guard let tip = try tip(of: story) else { return [:] }
        let history: [ObjectID]
        do {
            history = try repository.firstParentHistory(from: tip)
        } catch {
            throw .storage("story \(story): \(error)")
        }
        var inputs: [String: (version: Int, commit: ObjectID)] = [:]
        for (index, commit) in history.enumerated() {
            let meta = try meta(of: commit)
            if inputs[meta.input.sha256] == nil { inputs[meta.input.sha256] = (index + 1, commit) }
        }
        return inputs
    }
}

/// The revisions of a `record` run staged in memory, a chunk at a time. A class: its tables
/// grow with every revision and must not be copied.
final class PackedBatch {
    /// The tip each story had when the chunk first touched it (nil: no branch yet).
    var start: [StoryID: ObjectID?] = [:]
    /// Stories in the order the chunk first touched them.
    var order: [StoryID] = []
    /// The newest commit the chunk holds for each story, and its meta.
    var heads: [StoryID: (commit: ObjectID, meta: RevisionMeta)] = [:]
    /// The chunk's revisions and where their outcomes sit.
    var entries: [(PreparedRevision, Int)] = []
    /// Written out with each chunk, once its branches have moved.
    let index: DerivedIndex

    init(archive: Archive, index: DerivedIndex) throws(WritethruError) {
        self.index = index
        do {
            try archive.repository.enablePackedWrites()
        } catch {
            throw .storage("\(error)")
        }
    }

    func reset() {
        start = [:]
        order = []
        heads = [:]
        entries = []
    }
}

/// A revision read, checked, placed in its story and rendered, ready to be written.
struct PreparedRevision {
    let input: InputFile
    let read: ReadRevision
    let story: StoryID
    let match: StoryMatch
    let time: Date
    let timeSource: String
    let recordedAt: Date
    let article: [UInt8]

    /// The revision's words for the search index, when already found (an import finds them
    /// on all cores while reading).
    let words: Set<String>?

    init(input: InputFile, read: ReadRevision, story: StoryID, match: StoryMatch, time: Date, timeSource: String,
         recordedAt: Date, words: Set<String>? = nil) {
        self.words = words
        self.input = input
        self.read = read
        self.story = story
        self.match = match
        self.time = time
        self.timeSource = timeSource
        self.recordedAt = recordedAt
        self.article = Array(ArticleMarkdown.render(read.revision).utf8)
    }

    var revision: Revision { read.revision }
    var contentHash: String { Self.sha256(article) }

    static func sha256(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        for byte in SHA256.hash(data: bytes) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// `source/<name>`; one line of JSON Lines is kept as `source/<name>.line-<n>`.
    var sourcePath: String {
        "source/" + input.sourceName + (read.line.map { ".line-\($0)" } ?? "")
    }

    func outcome(version: Int, status: RecordOutcome.Status, commit: ObjectID) -> RecordOutcome {
        RecordOutcome(file: input.name, line: read.line, story: story, match: match, version: version, status: status,
                      commit: commit)
    }

    /// Same normalized text and the same wire metadata as the story's latest revision.
    func isUnchanged(from parent: RevisionMeta) -> Bool {
        parent.content.sha256 == contentHash && parent.tag == revision.tag && parent.advisory == revision.advisory?.text
            && parent.byline == revision.byline && parent.url == revision.url
    }

    func meta(version: Int) -> RevisionMeta {
        RevisionMeta(
            format: ArchiveConfig.currentFormat, story: story.value, version: version, tag: revision.tag,
            headline: revision.headline, advisory: revision.advisory?.text, advisoryItems: revision.advisory?.items ?? [],
            byline: revision.byline, authors: revision.authors, dateline: revision.dateline,
            published: revision.published.map(Timestamp.format), updated: Timestamp.format(time),
            updatedSource: timeSource, recorded: Timestamp.format(recordedAt), url: revision.url,
            credits: revision.credits,
            input: .init(path: sourcePath, format: read.format.rawValue, line: read.line, bytes: read.evidence.count,
                         sha256: Self.sha256(read.evidence)),
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
        if let advisory = revision.advisory { message += advisory.text + "\n\n" }
        message += "Story: \(story)\nVersion: \(meta.version)\nUpdated: \(meta.updated)\n"
        message += "Source: \(revision.url ?? meta.input.path)\n"
        return message
    }
}
