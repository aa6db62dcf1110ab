/// The identities of every version so far, extended one step (one update) at a time: each
/// paragraph and sentence of the new version takes an old identity, a reintroduced one or a
/// new one.
struct IdentityChain {
    let settings: DiffSettings
    var paragraphs = IdentityRegister()
    var sentences = IdentityRegister()
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
                placed[k][s] = sentences.introduce(newSentences[k][s], version: version, paragraph: k + 1,
                                                   threshold: IdentityRegister.exactOnly)
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
                let kind: LineageEvent.Kind = switch op.kind {
                case .moved: .moved
                case .changed: .changed
                default: .movedChanged
                }
                paragraphs.record(oldIDs[0], LineageEvent(kind: kind, version: version, before: before,
                                                          after: pieces.first,
                                                          paragraph: op.new[0], related: [], claims: []))
                placed[op.new[0] - 1] = oldIDs[0]
            case .split:
                let parent = oldIDs[0]
                var ids = [parent]
                for (number, piece) in zip(op.new.dropFirst(), pieces.dropFirst()) {
                    ids.append(paragraphs.start(origin: paragraphs.lineages[parent].origin,
                                                LineageEvent(kind: .split, version: version, before: before,
                                                             after: piece,
                                                             paragraph: number, related: [parent], claims: [])))
                }
                paragraphs.record(parent, LineageEvent(kind: .split, version: version, before: before,
                                                       after: pieces.first, paragraph: op.new[0],
                                                       related: Array(ids.dropFirst()), claims: []))
                for (number, id) in zip(op.new, ids) { placed[number - 1] = id }
            case .merged:
                let survivor = oldIDs[0]
                for (number, absorbed) in zip(op.old.dropFirst(), oldIDs.dropFirst()) {
                    paragraphs.record(absorbed, LineageEvent(kind: .merged, version: version, before: old[number - 1],
                                                             after: nil,
                                                             paragraph: number, related: [survivor], claims: []))
                }
                paragraphs.lineages[survivor].origin = oldIDs.map { paragraphs.lineages[$0].origin }.min() ?? version
                paragraphs.record(survivor, LineageEvent(kind: .merged, version: version, before: before,
                                                         after: pieces.first, paragraph: op.new[0],
                                                         related: Array(oldIDs.dropFirst()), claims: []))
                placed[op.new[0] - 1] = survivor
            case .added:
                placed[op.new[0] - 1] = paragraphs.introduce(pieces.first ?? "", version: version, paragraph: op.new[0],
                                                             threshold: settings.splitThreshold)
            case .removed:
                paragraphs.remove(oldIDs[0], text: old[op.old[0] - 1], version: version, paragraph: op.old[0])
            }
        }
        for (k, id) in placed.enumerated() where id < 0 {
            placed[k] = paragraphs.introduce(new[k], version: version, paragraph: k + 1,
                                             threshold: IdentityRegister.exactOnly)
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
                                          threshold: settings.sentenceReintroductionThreshold))
            }
        case (_, 0):
            for (ref, id) in zip(link.old, oldIDs) {
                sentences.remove(id, text: ref.text, version: version, paragraph: ref.paragraph, claims: claims)
            }
            return []
        case (1, 1):
            if link.oldText != link.newText {
                sentences.record(oldIDs[0], LineageEvent(kind: .changed, version: version, before: link.oldText,
                                                         after: link.newText,
                                                         paragraph: link.paragraph, related: [], claims: claims))
            }
            return [(link.new[0], oldIDs[0])]
        case (1, _):
            let parent = oldIDs[0]
            var placed = [(link.new[0], parent)]
            for ref in link.new.dropFirst() {
                placed.append((ref, sentences.start(origin: sentences.lineages[parent].origin,
                                                    LineageEvent(kind: .split, version: version, before: link.oldText,
                                                                 after: ref.text, paragraph: ref.paragraph,
                                                                 related: [parent], claims: claims))))
            }
            sentences.record(parent, LineageEvent(kind: .split, version: version, before: link.oldText,
                                                  after: link.new[0].text, paragraph: link.paragraph,
                                                  related: placed.dropFirst().map(\.1), claims: claims))
            return placed
        default:
            let survivor = oldIDs[0]
            for (ref, absorbed) in zip(link.old.dropFirst(), oldIDs.dropFirst()) {
                sentences.record(absorbed, LineageEvent(kind: .merged, version: version, before: ref.text, after: nil,
                                                        paragraph: ref.paragraph, related: [survivor], claims: []))
            }
            sentences.lineages[survivor].origin = oldIDs.map { sentences.lineages[$0].origin }.min() ?? version
            sentences.record(survivor, LineageEvent(kind: .merged, version: version, before: link.oldText,
                                                    after: link.newText, paragraph: link.paragraph,
                                                    related: Array(oldIDs.dropFirst()), claims: claims))
            return [(link.new[0], survivor)]
        }
    }
}
