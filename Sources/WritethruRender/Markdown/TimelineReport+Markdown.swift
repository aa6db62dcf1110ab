import Foundation
import StoryDiff
import StoryText
import Writethru

extension TimelineReport {
    static func markdown(_ timeline: StoryTimeline, since: Date? = nil) -> String {
        var out = "# Timeline of " + Markdown.escape(timeline.story.value) + "\n\n"
            + Markdown.escape(header(timeline, since: since)) + "\n"
        for version in shown(timeline, since: since) {
            let entry = version.entry
            let previous = versionBefore(version, in: timeline)
            out += "\n## " + Markdown.escape(label(entry)) + " · " + Timestamp.format(entry.updated)
            if let previous { out += " (" + gap(entry.updated.timeIntervalSince(previous.updated)) + ")" }
            out += "\n\n**" + Markdown.escape(entry.headline) + "**\n\n"
            var bullets: [String] = []
            if let step = version.step, step.from.headline != step.to.headline {
                bullets.append("headline was: " + Markdown.escape(step.from.headline))
            }
            if let advisory = version.advisory { bullets.append("advisory: " + Markdown.escape(advisory.text)) }
            if let step = version.step, let audit = version.audit {
                bullets.append(Stats(step).line)
                let ranked = ranked(step.claims)
                for change in ranked.prefix(shownChanges) {
                    bullets.append("**\(change.kind.rawValue)** " + Markdown.escape(summary(change, kind: false)))
                }
                if ranked.count > shownChanges { bullets.append("… and " + more(ranked.count - shownChanges)) }
                bullets += auditLines(audit).map { Markdown.escape($0.text) }
            } else {
                bullets.append(firstVersion(version.paragraphs.count))
            }
            out += bullets.map { "- " + $0 + "\n" }.joined()
        }
        return out
    }
}
