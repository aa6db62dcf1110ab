import Foundation
import StoryDiff
import StoryText
import Writethru

/// `timeline --format json`, schema `writethru.timeline/1`.
struct TimelineJSON: Encodable {
    struct Item: Encodable { let text: String; let status: String }
    struct Audit: Encodable { let items: [Item]; let undeclared: [ClaimJSON]; let flags: [String] }
    struct Version: Encodable {
        let number: Int
        @Nullable var tag: String?
        let headline: String
        @Nullable var previousHeadline: String?
        @Nullable var advisory: String?
        let updated: String, recorded: String, commit: String
        @Nullable var sincePrevious: Int?
        let paragraphs: Int
        @Nullable var stats: TimelineReport.Stats?
        let changes: [ClaimJSON]
        @Nullable var audit: Audit?
    }

    let schema = "writethru.timeline/1"
    let story: String
    let versions: [Version]

    /// With `since`, only the versions updated at or after it (`TimelineReport.shown`).
    init(_ timeline: StoryTimeline, since: Date? = nil) {
        story = timeline.story.value
        var versions: [Version] = []
        for version in TimelineReport.shown(timeline, since: since) {
            let entry = version.entry
            let previous = TimelineReport.versionBefore(version, in: timeline)
            let step = version.step
            let headlineChanged = step.map { $0.from.headline != $0.to.headline } ?? false
            versions.append(Version(
                number: entry.number, tag: entry.tag, headline: entry.headline,
                previousHeadline: headlineChanged ? step?.from.headline : nil, advisory: entry.advisory,
                updated: Timestamp.format(entry.updated), recorded: Timestamp.format(entry.recorded),
                commit: entry.commit.hex,
                sincePrevious: previous.map { Int(entry.updated.timeIntervalSince($0.updated).rounded()) },
                paragraphs: version.paragraphs.count, stats: step.map(TimelineReport.Stats.init),
                changes: (step?.claims ?? []).map(ClaimJSON.init),
                audit: version.audit.map { audit in
                    Audit(items: audit.items.map { Item(text: $0.text, status: $0.found ? "found" : "not-found") },
                          undeclared: audit.undeclared.map(ClaimJSON.init), flags: audit.flags)
                }))
        }
        self.versions = versions
    }
}
