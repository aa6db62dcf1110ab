import ArgumentParser
import Foundation
import Writethru
import WritethruRender

struct Changes: DirectlyParsed {
    static let baseConfiguration = CommandConfiguration(
        commandName: "changes",
        abstract: "List every update recorded since a time, story by story: a desk's morning check.",
        discussion: """
            Every version recorded at or after TIME, across the archive (or every --archive given): one \
            block per story, the story most recently recorded first, its versions in order, each with its \
            label, times, a one-line title, its most significant claim changes and its audit findings. \
            TIME is the recording time (when the version entered the archive), not the version's own \
            time: "since I last looked" includes a correction filed hours ago and recorded now. TIME is \
            ISO 8601, a date, or before now (45m, 2h, 3d, 1w; now is WRITETHRU_NOW when set). Nothing \
            recorded since then: one line saying so, exit 0. --format json gives schema \
            writethru.changes/1; jsonl one update a line.
            """)

    @OptionGroup var archives: ArchivesOption
    @OptionGroup var output: ListFormatOption
    @OptionGroup var color: ColorOption

    @Option(name: .long, help: ArgumentHelp(
        "Versions recorded at or after this time: ISO 8601, a date, or before now (45m, 2h, 3d, 1w).",
        valueName: "time"))
    var since: String

    @Flag(name: .long, help: "Only the updates whose audit found something: an undeclared change, an advisory item not found, a flag.")
    var undeclaredOnly = false

    func run() throws {
        try reporting { () throws(WritethruError) in
            let opened = try archives.open()
            guard let since = try TimeOption.parse(since, option: "--since", archive: opened.first) else { return }
            var found: [(order: Int, recent: RecentlyRecorded, archive: Archive)] = []
            for (order, archive) in opened.enumerated() {
                found += try archive.storiesRecorded(since: since).map { (order, $0, archive) }
            }
            // The most recently recorded first; ties in the order the archives were given, then by id.
            found.sort { a, b in
                if a.recent.recorded != b.recent.recorded { return a.recent.recorded > b.recent.recorded }
                if a.order != b.order { return a.order < b.order }
                return a.recent.story.value < b.recent.story.value
            }
            var stories: [ChangedStory] = []
            for (_, recent, archive) in found {
                let timeline = try archive.timeline(story: recent.story)
                if let changed = ChangedStory(timeline: timeline, archive: archives.isSeveral ? archive.path : nil,
                                              since: since, undeclaredOnly: undeclaredOnly) {
                    stories.append(changed)
                }
            }
            emit(ChangesReport.render(stories, since: since, undeclaredOnly: undeclaredOnly, format: output.format,
                                      style: color.style))
        }
    }
}
