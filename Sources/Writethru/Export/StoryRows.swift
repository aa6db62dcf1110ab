import Foundation
import SQLiteStore
import StoryDiff

/// The rows one story contributes to an export, table by table (`ExportSchema.tables` order),
/// each row's values in the table's column order. Ids are local to the story, from 1: the
/// primary key and every foreign key but `archive_id` are offset by the rows of the stories
/// written before (`RowNumbering`), so stories can be built concurrently and written in order.
struct StoryRows: Sendable {
    /// `tables[t]` holds the rows of `ExportSchema.tables[t]`.
    var tables: [[[SQLValue]]]
    /// The versions of the story that are in range (all of them when no range is given).
    var versionsInRange: Int

    func count(_ table: ExportSchema.Table) -> Int { tables[ExportSchema.position(of: table)].count }
}

extension StoryRows {
    /// The rows of `timeline`'s story, or nil when none of its versions is in `range`.
    ///
    /// With every version in range, every version, paragraph, sentence, claim change and
    /// finding is kept. Otherwise (docs/export.md, "Part of an archive"): the versions in range,
    /// with their claim changes and audit findings; the paragraphs and sentences they print or
    /// remove; and, as context (`in_range` 0), the version before each one in range and every version that
    /// introduced or removed a paragraph or sentence kept, so that every foreign key resolves.
    ///
    /// - Complexity: O(t) for the t paragraphs and sentences of all the versions (exact-text
    ///   spans, `TextSpans.trace`), plus O(c x f) to link the f audit findings to the c claim
    ///   changes of each version. The diffs and claims are the timeline's, not computed again.
    static func build(_ timeline: StoryTimeline, archiveID: Int, label: String, range: VersionRange) -> StoryRows? {
        let versions = timeline.versions
        let count = versions.count
        let selected = versions.map { range.contains($0.entry) }
        guard selected.contains(true), let latest = versions.last, let first = versions.first else { return nil }
        // selectedBefore[n] = versions in range among 1...n, to ask of a span in O(1).
        var selectedBefore = [0]
        for flag in selected { selectedBefore.append(selectedBefore[selectedBefore.count - 1] + (flag ? 1 : 0)) }
        func kept(_ span: TextSpan) -> Bool {
            let last = (span.removed ?? count + 1) - 1
            if selectedBefore[last] - selectedBefore[span.introduced - 1] > 0 { return true }
            return span.removed.map { selected[$0 - 1] } ?? false
        }

        let paragraphs = TextSpans.trace(versions.map(\.paragraphs))
        let sentenceTexts = timeline.provenance.sentenceTexts
        // Each version's sentences in reading order, and where each stood (paragraph, sentence).
        var places: [[(paragraph: Int, sentence: Int)]] = []
        var flat: [[String]] = []
        for version in sentenceTexts {
            var texts: [String] = []
            var spots: [(paragraph: Int, sentence: Int)] = []
            for (paragraph, sentences) in version.enumerated() {
                for (sentence, text) in sentences.enumerated() {
                    texts.append(text)
                    spots.append((paragraph, sentence))
                }
            }
            flat.append(texts)
            places.append(spots)
        }
        let sentences = TextSpans.trace(flat)
        // The paragraph span printing each sentence span where it was introduced.
        let sentenceParagraph = sentences.spans.map { span in
            paragraphs.rows[span.introduced - 1][places[span.introduced - 1][span.item].paragraph]
        }

        let keptSentences = sentences.spans.indices.filter { kept(sentences.spans[$0]) }
        var keptParagraphFlags = paragraphs.spans.map(kept)
        for sentence in keptSentences { keptParagraphFlags[sentenceParagraph[sentence]] = true }
        let keptParagraphs = paragraphs.spans.indices.filter { keptParagraphFlags[$0] }

        var keptVersions = selected
        for index in 1..<count where selected[index] { keptVersions[index - 1] = true }
        for span in keptParagraphs.map({ paragraphs.spans[$0] }) + keptSentences.map({ sentences.spans[$0] }) {
            keptVersions[span.introduced - 1] = true
            if let removed = span.removed { keptVersions[removed - 1] = true }
        }
        // Local ids: the rank among what is kept, from 1.
        var versionID = Array(repeating: 0, count: count)
        var next = 0
        for index in 0..<count where keptVersions[index] {
            next += 1
            versionID[index] = next
        }
        var paragraphID = Array(repeating: 0, count: paragraphs.spans.count)
        for (rank, index) in keptParagraphs.enumerated() { paragraphID[index] = rank + 1 }

        var tables = Array(repeating: [[SQLValue]](), count: ExportSchema.tables.count)
        let (storiesTable, versionsTable, paragraphsTable, sentencesTable, claimsTable, findingsTable, linksTable) = (
            ExportSchema.position(of: ExportSchema.stories), ExportSchema.position(of: ExportSchema.versions),
            ExportSchema.position(of: ExportSchema.paragraphs), ExportSchema.position(of: ExportSchema.sentences),
            ExportSchema.position(of: ExportSchema.claimChanges), ExportSchema.position(of: ExportSchema.auditFindings),
            ExportSchema.position(of: ExportSchema.auditItemChanges))
        let story = timeline.story.value
        tables[storiesTable] = [[.int(1), .int(archiveID), .text(story), .text(label + "/" + story),
                                 .text(latest.entry.headline), .int(count),
                                 .text(Timestamp.format(first.entry.updated)),
                                 .text(Timestamp.format(latest.entry.updated))]]
        for (index, version) in versions.enumerated() where keptVersions[index] {
            let previous = index > 0 ? versions[index - 1] : nil
            tables[versionsTable].append(versionRow(version, id: versionID[index], previous: previous,
                                                    sentences: flat[index].count, inRange: selected[index]))
        }
        for index in keptParagraphs {
            let span = paragraphs.spans[index]
            tables[paragraphsTable].append([.int(paragraphID[index]), .int(1), .text(span.text),
                                            .int(versionID[span.introduced - 1]),
                                            span.removed.map { .int(versionID[$0 - 1]) } ?? .null,
                                            .int(span.introduced), .optional(span.removed), .int(span.item + 1),
                                            .int(span.occurrence)])
        }
        for (rank, index) in keptSentences.enumerated() {
            let span = sentences.spans[index]
            let place = places[span.introduced - 1][span.item]
            tables[sentencesTable].append([.int(rank + 1), .int(1), .int(paragraphID[sentenceParagraph[index]]),
                                           .text(span.text), .int(versionID[span.introduced - 1]),
                                           span.removed.map { .int(versionID[$0 - 1]) } ?? .null, .int(span.introduced),
                                           .optional(span.removed), .int(place.sentence + 1), .int(span.occurrence)])
        }
        var claimID = 0
        var findingID = 0
        for (index, version) in versions.enumerated() where selected[index] && index > 0 {
            let claims = version.step?.claims ?? []
            let firstClaim = claimID + 1
            for (position, change) in claims.enumerated() {
                claimID += 1
                tables[claimsTable].append([.int(claimID), .int(1), .int(versionID[index]), .int(versionID[index - 1]),
                                            .int(position + 1), .text(change.kind.rawValue),
                                            .text(change.significance.rawValue), .optional(change.old),
                                            .optional(change.new), .optional(change.from), .optional(change.to),
                                            .text(change.reason), .int(change.paragraph)])
            }
            /// The id of the claim change equal to `change` (the audit copies the step's changes).
            func claimRow(_ change: ClaimChange) -> SQLValue {
                claims.firstIndex(of: change).map { .int(firstClaim + $0) } ?? .null
            }
            guard let audit = version.audit else { continue }
            var position = 0
            func finding(_ kind: String, status: String?, text: String, claim: SQLValue) {
                findingID += 1
                position += 1
                tables[findingsTable].append([.int(findingID), .int(1), .int(versionID[index]), .int(position),
                                              .text(kind), .optional(status), .text(text), claim])
            }
            for item in audit.items {
                finding("item", status: item.found ? "found" : "not-found", text: item.text, claim: .null)
                var linked = Set<Int64>()
                for change in item.changes {
                    guard case .integer(let claim) = claimRow(change), linked.insert(claim).inserted else { continue }
                    tables[linksTable].append([.int(findingID), .integer(claim)])
                }
            }
            for change in audit.undeclared {
                finding("undeclared", status: nil, text: change.reason, claim: claimRow(change))
            }
            for flag in audit.flags { finding("flag", status: nil, text: flag, claim: .null) }
        }
        return StoryRows(tables: tables, versionsInRange: selected.filter { $0 }.count)
    }

    /// One `versions` row: the entry, its counts, and what the update changed.
    private static func versionRow(_ version: StoryTimeline.Version, id: Int, previous: StoryTimeline.Version?,
                                   sentences: Int, inRange: Bool) -> [SQLValue] {
        let entry = version.entry
        let step = version.step
        let diff = step?.diff
        func ops(_ kinds: ParagraphOp.Kind...) -> SQLValue {
            diff.map { diff in .int(kinds.reduce(0) { $0 + diff.count($1) }) } ?? .null
        }
        let previousHeadline = step.flatMap { $0.from.headline != $0.to.headline ? $0.from.headline : nil }
        return [.int(id), .int(1), .int(entry.number), .optional(entry.tag), .text(entry.headline),
                .optional(previousHeadline), .optional(entry.advisory), .text(Timestamp.format(entry.updated)),
                .text(Timestamp.format(entry.recorded)), .int(entry.timeIsRecorded ? 1 : 0), .text(entry.commit.hex),
                .optional(previous.map { Int(entry.updated.timeIntervalSince($0.entry.updated).rounded()) }),
                .int(version.paragraphs.count), .int(sentences), ops(.added), ops(.removed),
                ops(.changed, .movedChanged), ops(.moved, .movedChanged), ops(.split), ops(.merged),
                step.map { .int($0.claims.count) } ?? .null, .int(inRange ? 1 : 0)]
    }
}
