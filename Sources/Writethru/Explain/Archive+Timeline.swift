import Foundation
import StoryDiff
import StoryText
import WritethruSupport

/// Every version of a story read as one timeline: what each update brought, checked against
/// its advisory line, and where each paragraph and sentence came from (docs/timeline.md).
public struct StoryTimeline: Sendable {
    public struct Version: Sendable {
        public let entry: VersionEntry
        public let paragraphs: [String]
        /// This version compared with the one before it (nil for the first version).
        public let step: Comparison?
        public let advisory: Advisory?
        /// The advisory line checked against the step (nil for the first version).
        public let audit: VersionAudit?

        public var side: ComparedSide {
            ComparedSide(version: entry, file: nil, headline: entry.headline, paragraphs: paragraphs,
                         time: entry.updated)
        }
    }

    public let story: StoryID
    public let versions: [Version]
    public let provenance: Provenance
    let settings: DiffSettings

    /// Any two versions compared (1-based numbers); consecutive ones are not computed again.
    public func comparison(from old: Int, to new: Int) -> Comparison {
        if new == old + 1, let step = versions[new - 1].step { return step }
        let before = versions[old - 1].side
        let after = versions[new - 1].side
        return Comparison(from: before, to: after,
                          diff: ParagraphAligner.diff(old: before.paragraphs, new: after.paragraphs,
                                                      settings: settings),
                          settings: settings)
    }

    /// The audit of every version after the first, as `writethru audit` reports it.
    public var audit: StoryAudit {
        StoryAudit(story: story, versions: versions.compactMap { version in
            version.audit.map { StoryAudit.Version(entry: version.entry, advisory: version.advisory, audit: $0) }
        })
    }
}

extension Archive {
    /// Reads every version of a story once and chains the comparisons of consecutive versions.
    ///
    /// - Complexity: one read of each version, one paragraph diff and one claim comparison per
    ///   update; independent of how many other stories the archive holds.
    public func timeline(story: StoryID) throws(WritethruError) -> StoryTimeline {
        let entries = try versions(of: story)
        var texts: [VersionText] = []
        for entry in entries {
            let paragraphs = ArticleMarkdown.paragraphs(of: try article(of: entry))
            texts.append(VersionText(paragraphs: paragraphs, time: entry.timeForDates,
                                     date: entry.datelineDate.flatMap { StoryDate(printed: $0, paragraphs: paragraphs) }))
        }
        let provenance = ProvenanceTracker.trace(texts, settings: config.diff)
        let settings = config.diff
        let audits = Array(entries.indices.dropFirst()).concurrentMap { index in
            AdvisoryAuditor.audit(advisory: entries[index].advisory.map { Advisory(text: $0) }, tag: entries[index].tag,
                                  claims: provenance.steps[index - 1].claims, settings: settings)
        }
        var versions: [StoryTimeline.Version] = []
        for (index, entry) in entries.enumerated() {
            let advisory = entry.advisory.map { Advisory(text: $0) }
            let paragraphs = texts[index].paragraphs
            guard index > 0 else {
                versions.append(StoryTimeline.Version(entry: entry, paragraphs: paragraphs, step: nil,
                                                      advisory: advisory, audit: nil))
                continue
            }
            let step = provenance.steps[index - 1]
            let previous = versions[index - 1]
            let comparison = Comparison(from: previous.side,
                                        to: ComparedSide(version: entry, file: nil, headline: entry.headline,
                                                         paragraphs: paragraphs, time: entry.updated),
                                        diff: step.diff, claims: step.claims)
            versions.append(StoryTimeline.Version(entry: entry, paragraphs: paragraphs, step: comparison,
                                                  advisory: advisory, audit: audits[index - 1]))
        }
        return StoryTimeline(story: story, versions: versions, provenance: provenance, settings: config.diff)
    }
}

