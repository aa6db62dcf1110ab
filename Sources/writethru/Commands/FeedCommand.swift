import ArgumentParser
import Foundation
import Writethru
import WritethruRender

struct Feed: DirectlyParsed {
    static let baseConfiguration = CommandConfiguration(
        commandName: "feed",
        abstract: "Write an Atom feed of a story's updates, or of the latest updates of the whole archive.",
        discussion: """
            One entry per version, newest first: its title says what the update did ("UPDATE 3: 12 -> 15; \
            adds 2 claims"), its content is the timeline's block (headline change, advisory line, counts, the \
            most significant claim changes, the audit's findings). Without STORY, the latest updates across \
            every story. Entry ids are tag: URIs that never change once the entry exists. The feed's \
            `updated` is its newest entry's time, so the same archive gives the same bytes. Links to the \
            reports (`<base-url>/stories/<id>.html`, as `writethru site` lays them out) are written only \
            with --base-url.
            """)

    @OptionGroup var archive: ArchiveOption

    @Flag(name: .long, help: "Only updates with audit findings: undeclared changes, advisory items not found, flags.")
    var undeclaredOnly = false

    @Option(name: .shortAndLong,
            help: ArgumentHelp("The file to write, whole (default: standard output; `-` too).", valueName: "file"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("At most this many entries, the newest.", valueName: "n"))
    var limit = AtomFeed.defaultLimit

    @Option(name: .long, help: ArgumentHelp("The URL the site is served from, for the links to reports.",
                                            valueName: "url"))
    var baseURL: String?

    @Argument(help: ArgumentHelp("The story id (default: every story).", valueName: "story"))
    var story: String?

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be 1 or more") }
    }

    func run() throws {
        try reporting { () throws(WritethruError) in
            let base = try baseURL.map { url throws(WritethruError) in try FeedLinks.baseURL(validating: url) }
            let opened = try archive.open()
            let feed: AtomFeed
            if let story {
                let id = try StoryID(validating: story)
                let links = base.map { FeedLinks.site(base: $0, location: undeclaredOnly ? nil : FeedLinks.feed(of: id)) }
                feed = AtomFeed.story(try opened.timeline(story: id), undeclaredOnly: undeclaredOnly, limit: limit,
                                      links: links ?? .none, author: opened.config.recorderName)
            } else {
                let location = undeclaredOnly ? FeedLinks.undeclaredFeed : FeedLinks.archiveFeed
                feed = try AtomFeed.archive(opened, undeclaredOnly: undeclaredOnly, limit: limit,
                                            links: base.map { FeedLinks.site(base: $0, location: location) } ?? .none)
            }
            let xml = feed.xml
            guard let output, output != "-" else { return emit(xml) }
            try ReportFile.write(xml, to: output)
            let entries = feed.entries.count == 1 ? "1 entry" : "\(feed.entries.count) entries"
            emitError("wrote \(output) (\(xml.utf8.count) bytes, \(entries))\n")
        }
    }
}
