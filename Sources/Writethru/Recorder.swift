import Foundation
import GitStore
import StoryText
import WritethruSupport

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
    public let commit: CommitID

    /// The same outcome naming `commit` (a bulk record builds commits after placing them).
    func with(commit: ObjectID, version: Int? = nil) -> RecordOutcome {
        RecordOutcome(file: file, line: line, story: story, match: match, version: version ?? self.version, status: status,
                      commit: CommitID(commit))
    }
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

/// An input read and checked, with what each of its revisions will be stored as.
struct CheckedInput: Sendable {
    let item: RecordItem
    let reads: [ReadRevision]
    let contents: [RevisionContent]

    /// Reads and checks `item` (on any thread; many at once) and works out what each of its
    /// revisions will be stored as.
    init(reading item: RecordItem, format: InputFormat?, options: ReadingOptions, furniture: DerivedIndex) throws(WritethruError) {
        self.item = item
        reads = try Archive.check(item, format: format, reading: options, furniture: furniture)
        contents = reads.map(RevisionContent.init)
    }
}

/// What a revision is stored as, whatever its story: its article.md, the hashes meta.json
/// holds, and the keys it adds to the derived index.
struct RevisionContent: Sendable {
    let article: [UInt8]
    /// SHA-256 of article.md and of the input's bytes.
    let contentHash: String
    let inputHash: String
    let keys: RevisionKeys

    init(_ read: ReadRevision) {
        article = Array(ArticleMarkdown.render(read.revision).utf8)
        contentHash = Digest.sha256Hex(article)
        inputHash = Digest.sha256Hex(read.evidence)
        keys = RevisionKeys(read.revision)
    }
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
    static let packedChunkSize = 2_500

    /// Records each revision of each input as the next revision of its story, in order.
    ///
    /// Every input is read and checked (on every core) before anything is written, so one bad
    /// file means nothing is recorded; the first bad one in order is named. A story branch only
    /// moves by compare-and-swap; a writer that loses a race re-reads the tip, rebuilds the
    /// revision on it and tries again.
    public func record(_ inputs: [InputFile], options: RecordOptions) throws(WritethruError) -> [RecordOutcome] {
        let index = try derivedIndex()
        defer { index.flush() }
        let generation = index.furnitureGeneration
        let (format, reading, story) = (options.format, config.reading, options.story)
        let checked = try inputs.concurrentMap { input in
            Result { () throws(WritethruError) in
                try CheckedInput(reading: RecordItem(input: input, story: story), format: format, options: reading, furniture: index)
            }
        }.map { result throws(WritethruError) in try result.get() }
        return try record(checked, options: options, index: index, readAt: generation)
    }

    /// Reads an input and checks that each of its revisions can be placed in a story. Static:
    /// many inputs are read at once on all cores.
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

    /// Records checked inputs in order (see `RecordingRun`).
    func record(_ checked: [CheckedInput], options: RecordOptions, index: DerivedIndex,
                readAt generation: Int) throws(WritethruError) -> [RecordOutcome] {
        let total = checked.reduce(0) { $0 + $1.reads.count }
        let run = RecordingRun(archive: self, options: options, index: index, skipRecorded: false,
                               packed: total >= Self.packedBatchThreshold)
        do {
            try run.add(checked, readAt: generation)
            return try run.finish()
        } catch {
            run.abandon()
            throw error
        }
    }

    fileprivate func read(_ input: InputFile, options: RecordOptions, furniture: DerivedIndex) throws(WritethruError) -> [ReadRevision] {
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

    fileprivate static func time(of revision: Revision, options: RecordOptions, fallback: Date?) -> (Date, String) {
        if let time = options.revisionTime { return (time, "option") }
        if let time = revision.updated ?? revision.published { return (time, "input") }
        if let fallback { return (fallback, "capture") }
        return (options.recordedAt, "recorded")
    }

    /// Adds a recorded revision's URL, headline and paragraphs to the derived index.
    fileprivate func remember(_ prepared: PreparedRevision, in index: DerivedIndex) {
        index.addRevision(story: prepared.story.value, keys: prepared.content.keys)
    }

    /// Writes one revision and moves its branch, retrying on a lost race. `target` is the
    /// repository handle to write through (default: the archive's own).
    fileprivate func write(_ prepared: PreparedRevision, through target: Repository? = nil) throws(WritethruError) -> RecordOutcome {
        let repository = target ?? self.repository
        do {
            for attempt in 1...Self.maximumAttempts {
                let tip = try self.tip(of: prepared.story)
                let parent = try tip.map { id throws(WritethruError) in try meta(of: id) }
                if let tip, let parent, RevisionFingerprint(parent) == RevisionFingerprint(prepared) {
                    return prepared.outcome(version: parent.version, status: .unchanged, commit: tip)
                }
                let version = (parent?.version ?? 0) + 1
                let commit = try makeCommit(prepared, version: version, parent: tip, in: repository)
                do {
                    try repository.updateReference(prepared.story.referenceName, to: commit, expecting: tip,
                                                   logMessage: "writethru record: version \(version)")
                    return prepared.outcome(version: version, status: .recorded, commit: commit)
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

    /// Places a revision in the batch on top of what the batch already holds for its story:
    /// its version and parent are fixed now; its objects are built when the chunk is
    /// committed, and its branch moves then.
    fileprivate func stage(_ prepared: PreparedRevision, in current: PackedBatch,
                       outcomes: inout [RecordOutcome]) throws(WritethruError) -> RecordOutcome {
        if current.start[prepared.story] == nil {
            let tip = try self.tip(of: prepared.story)
            current.start[prepared.story] = .some(tip)
            current.order.append(prepared.story)
            if let tip {
                let meta = try meta(of: tip)
                current.heads[prepared.story] = .init(version: meta.version, fingerprint: RevisionFingerprint(meta), commit: tip, position: nil)
            }
        }
        let head = current.heads[prepared.story]
        let outcome: RecordOutcome
        if let head, head.fingerprint == RevisionFingerprint(prepared) {
            outcome = prepared.outcome(version: head.version, status: .unchanged, commit: head.commit)
            if let position = head.position { current.alias(outcomes.count, to: position) }
        } else {
            let version = (head?.version ?? 0) + 1
            let parent: PackedBatch.Parent = head.map { head in head.position.map { .staged($0) } ?? .commit(head.commit) } ?? .none
            current.entries.append(.init(prepared: prepared, position: outcomes.count, version: version, parent: parent))
            current.heads[prepared.story] = .init(version: version, fingerprint: RevisionFingerprint(prepared), commit: .zero,
                                                  position: outcomes.count)
            outcome = prepared.outcome(version: version, status: .recorded, commit: .zero)
        }
        outcomes.append(outcome)
        if current.entries.count >= Self.packedChunkSize {
            try commit(current, outcomes: &outcomes)
        }
        return outcome
    }

    /// Writes a chunk: builds every revision's objects (files and trees on all cores, then
    /// the commits in order, each on its parent), writes them as one pack, then moves each
    /// story branch it touched, by compare-and-swap, from the tip it had when the chunk began.
    /// A story that another writer moved meanwhile has its revisions of the chunk recorded
    /// again, one by one, on the new tip.
    fileprivate func commit(_ batch: PackedBatch, outcomes: inout [RecordOutcome]) throws(WritethruError) {
        defer { batch.reset() }
        do {
            let settings = CommitSettings(config: config)
            let built = batch.entries.concurrentMap { entry in
                Result {
                    let revision = try RevisionCommit(entry.prepared, version: entry.version, settings: settings)
                    return (revision, try revision.files())
                }
            }
            var objects: [GitObject] = []
            objects.reserveCapacity(batch.entries.count * 6)
            for (entry, result) in zip(batch.entries, built) {
                let (revision, files) = try result.get()
                let parents: [ObjectID] = switch entry.parent {
                case .none: []
                case .commit(let id): [id]
                case .staged(let position): [outcomes[position].commit.object]
                }
                let commit = try GitObject.commit(tree: files.tree, parents: parents, author: revision.author,
                                                  committer: revision.committer, message: revision.message)
                objects += files.objects
                objects.append(commit)
                outcomes[entry.position] = outcomes[entry.position].with(commit: commit.id)
            }
            batch.resolveAliases(in: &outcomes)
            try repository.writePack(objects)
            // Lost races are redone through a second handle, which writes loose objects: a
            // pack per redone revision would litter objects/pack.
            var loose: Repository?
            for story in batch.order {
                guard let position = batch.heads[story]?.position, let start = batch.start[story] else { continue }
                let head = outcomes[position]
                do {
                    try repository.updateReference(story.referenceName, to: head.commit.object, expecting: start,
                                                   logMessage: "writethru record: version \(head.version)")
                } catch {
                    guard let race = error as? GitError, race.isReferenceRace else { throw error }
                    let handle = try loose ?? Repository.open(at: path)
                    loose = handle
                    batch.raced.insert(story)
                    // An import skips what the story now holds: the other writer may have
                    // recorded the same inputs.
                    var held = batch.skipRecorded ? try recordedInputs(of: story) : [:]
                    for entry in batch.entries where entry.prepared.story == story {
                        if let existing = held[entry.prepared.content.inputHash] {
                            outcomes[entry.position] = entry.prepared.outcome(version: existing.version, status: .alreadyRecorded,
                                                                              commit: existing.commit)
                            continue
                        }
                        let outcome = try write(entry.prepared, through: handle)
                        outcomes[entry.position] = outcome
                        if outcome.status == .recorded { held[entry.prepared.content.inputHash] = (outcome.version, outcome.commit.object) }
                    }
                }
            }
            batch.resolveAliases(in: &outcomes)
            // What the chunk taught the derived index, now that its revisions are in the archive.
            batch.index.flush()
        } catch let error as WritethruError {
            throw error
        } catch {
            throw .storage("\(error)")
        }
    }

    /// Writes a revision's commit through libgit2 (one loose object each: a single record).
    private func makeCommit(_ prepared: PreparedRevision, version: Int, parent: ObjectID?,
                            in repository: Repository) throws -> ObjectID {
        let revision = try RevisionCommit(prepared, version: version, settings: CommitSettings(config: config))
        let tree = try repository.writeTree(files: [
            "article.md": try repository.writeBlob(revision.article),
            "meta.json": try repository.writeBlob(revision.meta),
            revision.sourcePath: try repository.writeBlob(revision.evidence),
        ])
        return try repository.createCommit(tree: tree, parents: parent.map { [$0] } ?? [], author: revision.author,
                                           committer: revision.committer, message: revision.message)
    }

    /// Waits a random moment that grows with the attempt, so racing writers fall out of step.
    private func backOff(attempt: Int) {
        let ceiling = UInt32(min(attempt, 20) * 250)
        usleep(UInt32.random(in: 0...ceiling))
    }
}

/// One run of `record` or `import`: takes checked inputs in order, a part at a time, decides
/// each revision's story and writes it. A packed run stages revisions and writes a pack per
/// `packedChunkSize` of them (`finish` writes the rest); otherwise each revision is written on
/// its own. With `skipRecorded`, an input whose bytes some version of its story already holds
/// is reported `already-recorded` and not written again (what makes an import safe to re-run).
final class RecordingRun {
    private let archive: Archive
    private let options: RecordOptions
    private let index: DerivedIndex
    private let skipRecorded: Bool
    private var identifier: StoryIdentifier
    private var recordedInputs = RecordedInputs()
    private let batch: PackedBatch?
    private(set) var outcomes: [RecordOutcome] = []

    init(archive: Archive, options: RecordOptions, index: DerivedIndex, skipRecorded: Bool, packed: Bool) {
        self.archive = archive
        self.options = options
        self.index = index
        self.skipRecorded = skipRecorded
        identifier = StoryIdentifier(archive: archive, index: index, matchSimilar: options.matchSimilar)
        batch = packed ? PackedBatch(index: index, skipRecorded: skipRecorded) : nil
    }

    /// Places and stages (or writes) the revisions of `checked`, which were read while the
    /// derived index's furniture generation was `generation`: an input read before this run
    /// taught the index new furniture is read again. `progress` hears how many revisions of
    /// `checked` have been placed.
    func add(_ checked: [CheckedInput], readAt generation: Int, progress: ((Int) -> Void)? = nil) throws(WritethruError) {
        var placed = 0
        for entry in checked {
            if Interruption.isRequested { throw interrupted() }
            let (item, input) = (entry.item, entry.item.input)
            let learnedSince = index.furnitureGeneration != generation && archive.config.reading.boilerplate.learnAfterStories > 0
            let reread = learnedSince ? try? archive.read(input, options: options, furniture: index) : nil
            for (position, read) in (reread ?? entry.reads).enumerated() {
                defer {
                    placed += 1
                    progress?(placed)
                }
                try place(read, of: item, content: reread == nil ? entry.contents[position] : nil)
                if let batch, !batch.raced.isEmpty {
                    recordedInputs.forget(batch.raced)
                    batch.raced = []
                }
            }
        }
    }

    private func place(_ read: ReadRevision, of item: RecordItem, content: RevisionContent?) throws(WritethruError) {
        let input = item.input
        let time = Archive.time(of: read.revision, options: options, fallback: item.fallbackTime)
        let (story, match) = try identifier.identify(read.revision, time: time.0, explicit: item.story, file: input.name)
        let prepared = PreparedRevision(input: input, read: read, story: story, match: match, time: time.0,
                                        timeSource: time.1, recordedAt: options.recordedAt,
                                        content: content ?? RevisionContent(read))
        if skipRecorded, let held = try recordedInputs.version(holding: prepared, in: archive) {
            let commit = held.position.map { outcomes[$0].commit.object } ?? held.commit
            outcomes.append(prepared.outcome(version: held.version, status: .alreadyRecorded, commit: commit))
            if let position = held.position { batch?.alias(outcomes.count - 1, to: position) }
            return
        }
        let outcome: RecordOutcome
        if let batch {
            outcome = try archive.stage(prepared, in: batch, outcomes: &outcomes)
        } else {
            outcome = try archive.write(prepared)
            outcomes.append(outcome)
        }
        if outcome.status == .recorded {
            archive.remember(prepared, in: index)
            recordedInputs.note(prepared, version: outcome.version, position: outcomes.count - 1)
        }
    }

    /// Stops the run: what is staged is dropped (its pack was never written), what was written
    /// stays.
    private func interrupted() -> WritethruError {
        let kept = outcomes.filter { $0.status == .recorded }.count - (batch?.entries.count ?? 0)
        return .interrupted("interrupted: \(kept) revision\(kept == 1 ? "" : "s") recorded and kept, every story branch at a whole revision; run the same command again to record the rest")
    }

    /// Gives up on what is staged (after an error or an interruption): the lines it would have
    /// added to the derived index are dropped with it, so the index never names revisions the
    /// archive does not hold. A run that writes each revision at once has nothing staged.
    func abandon() {
        if batch != nil { index.discardUnwritten() }
    }

    /// Writes what is still staged; returns every outcome, in order.
    func finish() throws(WritethruError) -> [RecordOutcome] {
        if let batch, !batch.entries.isEmpty { try archive.commit(batch, outcomes: &outcomes) }
        return outcomes
    }
}

/// The inputs each story already holds, by the SHA-256 of their bytes: read from a story's
/// history the first time the story comes up, then kept up to date as the run records.
struct RecordedInputs {
    /// A version holding an input: its commit, or (recorded by this run) where its outcome sits,
    /// whose commit may not be built yet.
    struct Held {
        let version: Int
        let commit: ObjectID
        let position: Int?
    }

    private var byStory: [StoryID: [String: Held]] = [:]

    mutating func version(holding prepared: PreparedRevision, in archive: Archive) throws(WritethruError) -> Held? {
        if byStory[prepared.story] == nil {
            byStory[prepared.story] = try archive.recordedInputs(of: prepared.story).mapValues {
                Held(version: $0.version, commit: $0.commit, position: nil)
            }
        }
        return byStory[prepared.story]?[prepared.content.inputHash]
    }

    /// Drops what is known of `stories`, to be read again from their branches.
    mutating func forget(_ stories: Set<StoryID>) {
        for story in stories { byStory[story] = nil }
    }

    mutating func note(_ prepared: PreparedRevision, version: Int, position: Int) {
        byStory[prepared.story, default: [:]][prepared.content.inputHash] = Held(version: version, commit: .zero,
                                                                                                         position: position)
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
    /// Where a staged revision's parent is: none (a new story), a commit already in the
    /// archive, or a revision staged before it (by the position of its outcome).
    enum Parent {
        case none
        case commit(ObjectID)
        case staged(Int)
    }

    struct Entry {
        let prepared: PreparedRevision
        /// Where its outcome sits.
        let position: Int
        let version: Int
        let parent: Parent
    }

    /// The newest revision of a story: in the archive (`commit`) or staged (`position`).
    struct Head {
        let version: Int
        let fingerprint: RevisionFingerprint
        let commit: ObjectID
        let position: Int?
    }

    /// The tip each story had when the chunk first touched it (nil: no branch yet).
    var start: [StoryID: ObjectID?] = [:]
    /// Stories in the order the chunk first touched them.
    var order: [StoryID] = []
    var heads: [StoryID: Head] = [:]
    /// The chunk's revisions, in order.
    var entries: [Entry] = []
    /// Outcomes that name the commit of a staged revision (an unchanged or already recorded
    /// input): (outcome, outcome of the staged revision).
    private var aliases: [(Int, Int)] = []
    /// Written out with each chunk, once its branches have moved.
    let index: DerivedIndex
    /// Whether the run skips inputs a story already holds (an import).
    let skipRecorded: Bool
    /// Stories whose branch another writer moved during the run: their revisions were written
    /// again on the new tip, so what the run remembers of them is stale.
    var raced: Set<StoryID> = []

    init(index: DerivedIndex, skipRecorded: Bool) {
        self.index = index
        self.skipRecorded = skipRecorded
    }

    /// Notes that the outcome at `position` names the commit of the revision whose outcome
    /// is at `staged`, when that revision is still waiting in this chunk.
    func alias(_ position: Int, to staged: Int) {
        guard let first = entries.first?.position, staged >= first else { return }
        aliases.append((position, staged))
    }

    /// Copies built commits (and, after a lost race, versions) into the outcomes that name them.
    func resolveAliases(in outcomes: inout [RecordOutcome]) {
        for (position, staged) in aliases {
            outcomes[position] = outcomes[position].with(commit: outcomes[staged].commit.object, version: outcomes[staged].version)
        }
    }

    func reset() {
        start = [:]
        order = []
        heads = [:]
        entries = []
        aliases = []
    }
}

/// What tells a revision from the one before it: the same normalized text and the same wire
/// metadata make an update `unchanged`.
struct RevisionFingerprint: Equatable {
    let content: String
    let tag: String?
    let advisory: String?
    let byline: String?
    let url: String?

    init(_ meta: RevisionMeta) {
        (content, tag, advisory, byline, url) = (meta.content.sha256, meta.tag, meta.advisory, meta.byline, meta.url)
    }

    init(_ prepared: PreparedRevision) {
        let revision = prepared.revision
        (content, tag, advisory, byline, url) = (prepared.contentHash, revision.tag, revision.advisory?.text, revision.byline, revision.url)
    }
}

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

/// A revision's commit, but for its parent: its files, its message and its signatures (as
/// libgit2 would store them). A single record writes the files through libgit2; a bulk record
/// builds their objects itself (`files()`).
struct RevisionCommit {
    let article: [UInt8]
    let meta: [UInt8]
    let evidence: [UInt8]
    let sourcePath: String
    let message: String
    let author: Signature
    let committer: Signature

    init(_ prepared: PreparedRevision, version: Int, settings: CommitSettings) throws {
        let revisionMeta = prepared.meta(version: version)
        article = prepared.article
        meta = revisionMeta.encoded()
        evidence = prepared.read.evidence
        sourcePath = revisionMeta.input.path
        message = prepared.commitMessage(meta: revisionMeta)
        author = try prepared.author(offsetMinutes: settings.offsetMinutes(at: prepared.time)).canonical()
        committer = try Signature(name: settings.recorderName, email: settings.recorderEmail,
                                  time: Int64(prepared.recordedAt.timeIntervalSince1970.rounded(.down)),
                                  offsetMinutes: settings.offsetMinutes(at: prepared.recordedAt)).canonical()
    }

    /// The blobs and trees of the commit's files, and the root tree's id.
    func files() throws -> (objects: [GitObject], tree: ObjectID) {
        let blobs = [try GitObject.blob(article), try GitObject.blob(meta), try GitObject.blob(evidence)]
        let source = try GitObject.tree([.init(name: String(sourcePath.dropFirst("source/".count)), id: blobs[2].id)])
        let root = try GitObject.tree([.init(name: "article.md", id: blobs[0].id), .init(name: "meta.json", id: blobs[1].id),
                                       .init(name: "source", id: source.id, isTree: true)])
        return (blobs + [source, root], root.id)
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
    let content: RevisionContent

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


    /// `source/<name>`; one line of JSON Lines is kept as `source/<name>.line-<n>`.
    var sourcePath: String {
        "source/" + input.sourceName + (read.line.map { ".line-\($0)" } ?? "")
    }

    func outcome(version: Int, status: RecordOutcome.Status, commit: ObjectID) -> RecordOutcome {
        RecordOutcome(file: input.name, line: read.line, story: story, match: match, version: version, status: status,
                      commit: CommitID(commit))
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
                         sha256: content.inputHash),
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
