import WritethruSupport
import Foundation
import StoryText

/// One version as the timeline reads it: its paragraphs and its own time (for resolving
/// relative dates in claims).
public struct VersionText: Sendable, Equatable {
    public let paragraphs: [String]
    public let time: Date?

    public init(paragraphs: [String], time: Date? = nil) {
        self.paragraphs = paragraphs
        self.time = time
    }
}

/// What happened to one paragraph or sentence in one version.
public struct LineageEvent: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        case introduced, changed, moved
        case movedChanged = "moved-and-changed"
        case split, merged, removed, reintroduced
    }

    public let kind: Kind
    /// 1-based version number.
    public let version: Int
    /// The text in the version before (nil when introduced).
    public let before: String?
    /// The text in this version (nil when removed, or when merged into another one).
    public let after: String?
    /// The paragraph number in this version (in the version before for a removal or a piece
    /// merged into another).
    public let paragraph: Int
    /// The identities of the other pieces of a split or merge.
    public let related: [Int]
    /// What the claims of a sentence did in this version (empty for paragraphs).
    public let claims: [ClaimChange]

    /// True when this version gave the text its present wording.
    public var setsWording: Bool { kind != .moved && kind != .removed && after != nil }
}

/// The life of one paragraph or sentence across the versions of a story.
public struct Lineage: Sendable, Equatable, Identifiable {
    public let id: Int
    /// The version its text first appeared in (for a piece split off or merged in, the
    /// earliest version any of its text appeared in).
    public internal(set) var origin: Int
    public internal(set) var events: [LineageEvent]

    /// The last version at or before `version` that gave it its wording.
    public func lastChanged(atOrBefore version: Int) -> Int {
        events.last { $0.version <= version && $0.setsWording }?.version ?? origin
    }

    /// The last version at or before `version` in which it came back after a removal.
    public func reintroduced(atOrBefore version: Int) -> Int? {
        events.last { $0.version <= version && $0.kind == .reintroduced }?.version
    }
}

/// Where the text of one paragraph or sentence of a version came from.
public struct Blame: Sendable, Equatable {
    /// The identity (`Provenance.paragraphs[id]` or `Provenance.sentences[id]`).
    public let id: Int
    public let introduced: Int
    public let lastChanged: Int
    /// Set when it had been removed and came back, to the version where it did.
    public let reintroduced: Int?

    public init(id: Int, introduced: Int, lastChanged: Int, reintroduced: Int?) {
        self.id = id
        self.introduced = introduced
        self.lastChanged = lastChanged
        self.reintroduced = reintroduced
    }
}

/// Stable identities for the paragraphs and sentences of every version of a story, chained
/// through the diffs of consecutive versions, with a memory of removed text so that a
/// sentence that comes back is recognised as reintroduced, not new (docs/diff/timeline.md).
public struct Provenance: Sendable {
    /// The comparison of version n - 1 with version n is `steps[n - 2]`.
    public struct Step: Sendable {
        public let diff: ParagraphDiff
        public let links: [SentenceLink]
        /// The claim changes of the step, as `SentenceAligner.claimChanges` gives them.
        public let claims: [ClaimChange]
    }

    public let steps: [Step]
    /// Every paragraph identity, indexed by id.
    public let paragraphs: [Lineage]
    /// Every sentence identity, indexed by id.
    public let sentences: [Lineage]
    /// `paragraphIDs[n - 1][k - 1]`: the identity of paragraph k of version n.
    public let paragraphIDs: [[Int]]
    /// `sentenceIDs[n - 1][k - 1][s]`: the identity of sentence s of paragraph k of version n.
    public let sentenceIDs: [[[Int]]]
    /// `sentenceTexts[n - 1][k - 1][s]`: sentence s of paragraph k of version n, as segmented.
    public let sentenceTexts: [[[String]]]

    public var versionCount: Int { paragraphIDs.count }

    /// For each paragraph of `version` (1-based), where its text came from.
    public func paragraphBlame(version: Int) -> [Blame] {
        paragraphIDs[version - 1].map { blame(paragraphs[$0], at: version) }
    }

    /// For each paragraph of `version`, for each of its sentences, where its text came from.
    public func sentenceBlame(version: Int) -> [[Blame]] {
        sentenceIDs[version - 1].map { $0.map { blame(sentences[$0], at: version) } }
    }

    private func blame(_ lineage: Lineage, at version: Int) -> Blame {
        Blame(id: lineage.id, introduced: lineage.origin, lastChanged: lineage.lastChanged(atOrBefore: version),
              reintroduced: lineage.reintroduced(atOrBefore: version))
    }
}

/// Builds a `Provenance` from the versions of a story.
///
/// Paragraphs follow the paragraph diff of each step (unchanged, moved and changed paragraphs
/// keep their identity; the first piece of a split and of a merge keeps it, the other pieces
/// of a split start new identities that share its origin). Sentences follow
/// `SentenceAligner.links`. Added text is first compared with everything removed before it:
/// a removed paragraph at least `DiffSettings.splitThreshold` similar, or a removed sentence
/// at least `SentenceAligner.acrossThreshold` similar (numbers and dates masked), comes back
/// under its old identity as reintroduced.
///
/// - Complexity: one paragraph diff and one sentence alignment per step, plus, for each added
///   paragraph or sentence, a comparison with each removed one still remembered.
public enum ProvenanceTracker {
    public static func trace(_ versions: [VersionText], settings: DiffSettings = DiffSettings()) -> Provenance {
        guard !versions.isEmpty else {
            return Provenance(steps: [], paragraphs: [], sentences: [], paragraphIDs: [], sentenceIDs: [], sentenceTexts: [])
        }
        // The comparisons are independent of one another and take nearly all the time: they
        // run on every core; the identities are then chained in order.
        let sentences = versions.concurrentMap { $0.paragraphs.map(SentenceSegmenter.sentences) }
        let comparisons = Array(versions.indices.dropFirst()).concurrentMap { index in
            StepComparison(old: versions[index - 1], new: versions[index], oldSentences: sentences[index - 1],
                           newSentences: sentences[index], settings: settings)
        }
        var tracker = Tracker(settings: settings)
        tracker.start(versions[0], sentences: sentences[0])
        var steps: [Provenance.Step] = []
        for (offset, comparison) in comparisons.enumerated() {
            let index = offset + 1
            steps.append(tracker.step(comparison, old: versions[index - 1], new: versions[index], newSentences: sentences[index],
                                      version: index + 1))
        }
        return Provenance(steps: steps, paragraphs: tracker.paragraphs.lineages, sentences: tracker.sentences.lineages,
                          paragraphIDs: tracker.paragraphIDs, sentenceIDs: tracker.sentenceIDs, sentenceTexts: sentences)
    }
}

/// What one update changed, before identities are assigned: the paragraph diff, the sentence
/// links and each link's claim changes.
private struct StepComparison: Sendable {
    let diff: ParagraphDiff
    let links: [SentenceLink]
    let claims: [[ClaimChange]]

    init(old: VersionText, new: VersionText, oldSentences: [[String]], newSentences: [[String]], settings: DiffSettings) {
        diff = ParagraphAligner.diff(old: old.paragraphs, new: new.paragraphs, settings: settings)
        links = SentenceAligner.links(diff, oldSentences: oldSentences, newSentences: newSentences, includingVerbatim: true)
        claims = links.map {
            ClaimComparer.changes(old: $0.oldText, new: $0.newText, paragraph: $0.paragraph, oldTime: old.time, newTime: new.time)
        }
    }
}

/// Identities of one kind (paragraphs or sentences) and the memory of removed ones.
private struct Identities {
    var lineages: [Lineage] = []
    /// Removed and not yet back: identity, text, and its masked bag of words once needed.
    var removed: [(id: Int, text: String, bag: [String: Int]?)] = []

    mutating func introduce(_ text: String, version: Int, paragraph: Int, claims: [ClaimChange] = [],
                            threshold: Double) -> Int {
        if let back = reclaim(text, threshold: threshold) {
            record(back.id, LineageEvent(kind: .reintroduced, version: version, before: back.text, after: text,
                                         paragraph: paragraph, related: [], claims: claims))
            return back.id
        }
        return start(origin: version, LineageEvent(kind: .introduced, version: version, before: nil, after: text,
                                                   paragraph: paragraph, related: [], claims: claims))
    }

    mutating func start(origin: Int, _ event: LineageEvent) -> Int {
        let id = lineages.count
        lineages.append(Lineage(id: id, origin: origin, events: [event]))
        return id
    }

    mutating func record(_ id: Int, _ event: LineageEvent) {
        lineages[id].events.append(event)
    }

    mutating func remove(_ id: Int, text: String, version: Int, paragraph: Int, claims: [ClaimChange] = []) {
        record(id, LineageEvent(kind: .removed, version: version, before: text, after: nil, paragraph: paragraph,
                                related: [], claims: claims))
        removed.append((id, text, nil))
    }

    /// The remembered removal most similar to `text`, at or above `threshold`, taken out of
    /// the memory; the earliest removal wins a tie.
    private mutating func reclaim(_ text: String, threshold: Double) -> (id: Int, text: String)? {
        guard !removed.isEmpty else { return nil }
        var best: (index: Int, similarity: Double)?
        if let same = removed.firstIndex(where: { $0.text == text }) {
            best = (same, 2)
        } else if threshold <= 1 {
            let bag = SentenceAligner.masked(text)
            for index in removed.indices {
                let candidate = removed[index].bag ?? SentenceAligner.masked(removed[index].text)
                removed[index].bag = candidate
                let similarity = SentenceAligner.dice(bag, candidate)
                if similarity >= threshold, similarity > (best?.similarity ?? -1) { best = (index, similarity) }
            }
        }
        guard let best else { return nil }
        let found = removed.remove(at: best.index)
        return (found.id, found.text)
    }
}

private struct Tracker {
    let settings: DiffSettings
    var paragraphs = Identities()
    var sentences = Identities()
    var paragraphIDs: [[Int]] = []
    var sentenceIDs: [[[Int]]] = []

    init(settings: DiffSettings) { self.settings = settings }

    mutating func start(_ first: VersionText, sentences rows: [[String]]) {
        var ids: [Int] = []
        var sentenceRows: [[Int]] = []
        for (offset, (text, row)) in zip(first.paragraphs, rows).enumerated() {
            ids.append(paragraphs.start(origin: 1, LineageEvent(kind: .introduced, version: 1, before: nil, after: text,
                                                                paragraph: offset + 1, related: [], claims: [])))
            sentenceRows.append(row.map { sentence in
                sentences.start(origin: 1, LineageEvent(kind: .introduced, version: 1, before: nil, after: sentence,
                                                        paragraph: offset + 1, related: [], claims: []))
            })
        }
        paragraphIDs.append(ids)
        sentenceIDs.append(sentenceRows)
    }

    mutating func step(_ comparison: StepComparison, old: VersionText, new: VersionText, newSentences: [[String]],
                       version: Int) -> Provenance.Step {
        followParagraphs(comparison.diff, old: old.paragraphs, new: new.paragraphs, version: version)
        var placed = newSentences.map { $0.map { _ in -1 } }
        let previous = sentenceIDs[version - 2]
        for (link, changes) in zip(comparison.links, comparison.claims) {
            for (ref, id) in followSentences(link, previous: previous, version: version, claims: changes) {
                placed[ref.paragraph - 1][ref.index] = id
            }
        }
        // Every sentence is in exactly one link; should one be missed, it starts an identity of
        // its own rather than borrowing another's.
        for (k, row) in placed.enumerated() {
            for (s, id) in row.enumerated() where id < 0 {
                placed[k][s] = sentences.introduce(newSentences[k][s], version: version, paragraph: k + 1, threshold: 2)
            }
        }
        sentenceIDs.append(placed)
        return Provenance.Step(diff: comparison.diff, links: comparison.links, claims: comparison.claims.flatMap { $0 })
    }

    private mutating func followParagraphs(_ diff: ParagraphDiff, old: [String], new: [String], version: Int) {
        let previous = paragraphIDs[version - 2]
        var placed = Array(repeating: -1, count: new.count)
        for op in diff.ops {
            // The diff rebuilds both versions exactly, so the texts are the paragraphs themselves.
            let before = op.old.isEmpty ? nil : op.old.map { old[$0 - 1] }.joined(separator: " ")
            let pieces = op.new.map { new[$0 - 1] }
            let oldIDs = op.old.map { previous[$0 - 1] }
            switch op.kind {
            case .unchanged:
                placed[op.new[0] - 1] = oldIDs[0]
            case .moved, .changed, .movedChanged:
                let kind: LineageEvent.Kind = op.kind == .moved ? .moved : op.kind == .changed ? .changed : .movedChanged
                paragraphs.record(oldIDs[0], LineageEvent(kind: kind, version: version, before: before, after: pieces.first,
                                                          paragraph: op.new[0], related: [], claims: []))
                placed[op.new[0] - 1] = oldIDs[0]
            case .split:
                let parent = oldIDs[0]
                var ids = [parent]
                for (number, piece) in zip(op.new.dropFirst(), pieces.dropFirst()) {
                    ids.append(paragraphs.start(origin: paragraphs.lineages[parent].origin,
                                                LineageEvent(kind: .split, version: version, before: before, after: piece,
                                                             paragraph: number, related: [parent], claims: [])))
                }
                paragraphs.record(parent, LineageEvent(kind: .split, version: version, before: before, after: pieces.first,
                                                       paragraph: op.new[0], related: Array(ids.dropFirst()), claims: []))
                for (number, id) in zip(op.new, ids) { placed[number - 1] = id }
            case .merged:
                let survivor = oldIDs[0]
                for (number, absorbed) in zip(op.old.dropFirst(), oldIDs.dropFirst()) {
                    paragraphs.record(absorbed, LineageEvent(kind: .merged, version: version, before: old[number - 1], after: nil,
                                                             paragraph: number, related: [survivor], claims: []))
                }
                paragraphs.lineages[survivor].origin = oldIDs.map { paragraphs.lineages[$0].origin }.min() ?? version
                paragraphs.record(survivor, LineageEvent(kind: .merged, version: version, before: before, after: pieces.first,
                                                         paragraph: op.new[0], related: Array(oldIDs.dropFirst()), claims: []))
                placed[op.new[0] - 1] = survivor
            case .added:
                placed[op.new[0] - 1] = paragraphs.introduce(pieces.first ?? "", version: version, paragraph: op.new[0],
                                                             threshold: settings.splitThreshold)
            case .removed:
                paragraphs.remove(oldIDs[0], text: old[op.old[0] - 1], version: version, paragraph: op.old[0])
            }
        }
        for (k, id) in placed.enumerated() where id < 0 {
            placed[k] = paragraphs.introduce(new[k], version: version, paragraph: k + 1, threshold: 2)
        }
        paragraphIDs.append(placed)
    }

    /// The identities of the new sentences of one link, with their events recorded.
    private mutating func followSentences(_ link: SentenceLink, previous: [[Int]], version: Int,
                                          claims: [ClaimChange]) -> [(SentenceRef, Int)] {
        let oldIDs = link.old.map { previous[$0.paragraph - 1][$0.index] }
        switch (link.old.count, link.new.count) {
        case (0, _):
            return link.new.map { ref in
                (ref, sentences.introduce(ref.text, version: version, paragraph: ref.paragraph, claims: claims,
                                          threshold: SentenceAligner.acrossThreshold))
            }
        case (_, 0):
            for (ref, id) in zip(link.old, oldIDs) {
                sentences.remove(id, text: ref.text, version: version, paragraph: ref.paragraph, claims: claims)
            }
            return []
        case (1, 1):
            if link.oldText != link.newText {
                sentences.record(oldIDs[0], LineageEvent(kind: .changed, version: version, before: link.oldText, after: link.newText,
                                                         paragraph: link.paragraph, related: [], claims: claims))
            }
            return [(link.new[0], oldIDs[0])]
        case (1, _):
            let parent = oldIDs[0]
            var placed = [(link.new[0], parent)]
            for ref in link.new.dropFirst() {
                placed.append((ref, sentences.start(origin: sentences.lineages[parent].origin,
                                                    LineageEvent(kind: .split, version: version, before: link.oldText, after: ref.text,
                                                                 paragraph: ref.paragraph, related: [parent], claims: claims))))
            }
            sentences.record(parent, LineageEvent(kind: .split, version: version, before: link.oldText, after: link.new[0].text,
                                                  paragraph: link.paragraph, related: placed.dropFirst().map(\.1), claims: claims))
            return placed
        default:
            let survivor = oldIDs[0]
            for (ref, absorbed) in zip(link.old.dropFirst(), oldIDs.dropFirst()) {
                sentences.record(absorbed, LineageEvent(kind: .merged, version: version, before: ref.text, after: nil,
                                                        paragraph: ref.paragraph, related: [survivor], claims: []))
            }
            sentences.lineages[survivor].origin = oldIDs.map { sentences.lineages[$0].origin }.min() ?? version
            sentences.record(survivor, LineageEvent(kind: .merged, version: version, before: link.oldText, after: link.newText,
                                                    paragraph: link.paragraph, related: Array(oldIDs.dropFirst()), claims: claims))
            return [(link.new[0], survivor)]
        }
    }
}
