import ArgumentParser
import Foundation
import Writethru
import WritethruRender

struct Timeline: DirectlyParsed {
    static let baseConfiguration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Read a story as a timeline: what each update brought, when, and what its advisory line left out.",
        discussion: """
            One block per version: number, tag, time and the time since the version before, the headline \
            (with its change), the advisory line, paragraphs added/removed/changed/moved, claims \
            added/removed/changed, the most significant claim changes, and the audit's findings. \
            With --since, only the versions updated at or after TIME (each still compared with the version \
            before it); the header says how many of all. --format post writes post-ready text about one \
            update (the latest, or --version), a numbered thread when longer than --limit characters \
            (graphemes; default 300); with --since, one thread per update shown; post-json gives the posts \
            as JSON (schema writethru.posts/1).
            """)

    @OptionGroup var archive: ArchiveOption

    @Option(name: .long, help: "Output format: text, json, markdown, html, post or post-json.")
    var format: TimelineFormat = .text

    @OptionGroup var since: SinceOption
    @OptionGroup var post: PostOptions
    @OptionGroup var color: ColorOption

    @Argument(help: ArgumentHelp("The story id.", valueName: "story"))
    var story: String

    func run() throws {
        try reporting { () throws(WritethruError) in
            let id = try StoryID(validating: story)
            try post.check(isPost: format.report == nil)
            let writer = try post.writer()
            let archive = try archive.open()
            let since = try since.date(archive: archive)
            if format == .html, since != nil {
                throw .usage("--since does not apply to --format html (the page holds every version)")
            }
            let timeline = try archive.timeline(story: id)
            if let report = format.report {
                emit(TimelineReport.render(timeline, format: report, style: color.style, since: since))
                return
            }
            let digests = try post.digests(timeline, since: since, focus: .update)
            emit(format == .post ? PostReport.text(digests, writer: writer, focus: .update)
                    : PostReport.json(digests, story: id, writer: writer, focus: .update))
        }
    }
}

struct Blame: DirectlyParsed {
    static let baseConfiguration = CommandConfiguration(
        commandName: "blame",
        abstract: """
            Show, for each paragraph (or sentence) of a version, the version that introduced it and the one \
            that last changed it.
            """,
        discussion: """
            VERSION is a number, a tag or a commit prefix (default: the latest). A paragraph split off \
            another keeps the version its text first appeared in; text that was removed and came back is \
            marked with the version it came back in (column `back`).
            """)

    @OptionGroup var archive: ArchiveOption
    @OptionGroup var output: ReportFormatOption
    @OptionGroup var color: ColorOption

    @Flag(name: .long, help: "One row per sentence instead of per paragraph.")
    var sentences = false

    @Argument(help: ArgumentHelp("The story id.", valueName: "story"))
    var story: String

    @Argument(help: ArgumentHelp("The version (default: latest).", valueName: "version"))
    var version: String?

    func run() throws {
        try reporting { () throws(WritethruError) in
            let id = try StoryID(validating: story)
            let timeline = try archive.open().timeline(story: id)
            let entry = try Archive.version(version, among: timeline.versions.map(\.entry), story: id)
            emit(BlameReport.render(timeline, version: entry.number, sentences: sentences, format: output.format,
                                    style: color.style))
        }
    }
}

struct History: DirectlyParsed {
    static let baseConfiguration = CommandConfiguration(
        commandName: "history",
        abstract: "Follow one claim or sentence through every version: introduced, each change, removed, reintroduced.",
        discussion: """
            Finds every sentence that, in some version, contains TEXT (ignoring case, accents, quote \
            styles and spacing); when none does, the most similar sentences. Exits 67 when nothing matches.
            """)

    @OptionGroup var archive: ArchiveOption
    @OptionGroup var output: ReportFormatOption
    @OptionGroup var color: ColorOption

    @Option(name: .long, help: ArgumentHelp("Words of the claim or sentence to follow.", valueName: "text"))
    var claim: String

    @Argument(help: ArgumentHelp("The story id.", valueName: "story"))
    var story: String

    func validate() throws {
        if claim.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError("--claim needs some text")
        }
    }

    func run() throws {
        try reporting { () throws(WritethruError) in
            let id = try StoryID(validating: story)
            let timeline = try archive.open().timeline(story: id)
            let history = timeline.history(of: claim)
            guard !history.lineages.isEmpty else {
                throw .notFound("no sentence of any version of '\(id)' contains or resembles “\(claim)”")
            }
            emit(HistoryReport.render(timeline, history: history, format: output.format, style: color.style))
        }
    }
}

struct Report: DirectlyParsed {
    static let baseConfiguration = CommandConfiguration(
        commandName: "report",
        abstract: """
            Write one self-contained HTML report of a story: timeline, any two versions compared, claims, \
            audit, blame.
            """,
        discussion: """
            The file needs no server and fetches nothing: open it in any browser. Pick two versions to \
            compare, inline or side by side (a few lines of inline JavaScript; without JavaScript every \
            update is shown against the version before). Every pair of versions is held, each as the \
            diff `writethru diff` prints.
            """)

    @OptionGroup var archive: ArchiveOption

    @Option(name: .shortAndLong,
            help: ArgumentHelp("The HTML file to write (`-`: standard output).", valueName: "file"))
    var output: String

    @Argument(help: ArgumentHelp("The story id.", valueName: "story"))
    var story: String

    func run() throws {
        try reporting { () throws(WritethruError) in
            let timeline = try archive.open().timeline(story: try StoryID(validating: story))
            let html = StoryPage.report(timeline)
            if output == "-" {
                emit(html)
            } else {
                try ReportFile.write(html, to: output)
                emitError("wrote \(output) (\(html.utf8.count) bytes)\n")
            }
        }
    }
}

struct Site: DirectlyParsed {
    static let baseConfiguration = CommandConfiguration(
        commandName: "site",
        abstract: "Write a static site for the whole archive: an index of stories, one report per story, Atom feeds.",
        discussion: """
            DIR/index.html lists every story (latest update first) with its number of versions and its \
            undeclared changes and flags; DIR/stories/<id>.html is its report and DIR/stories/<id>.xml its \
            Atom feed; DIR/feed.xml is the feed of the latest \(AtomFeed.defaultLimit) updates of every story, \
            DIR/undeclared.xml of those with audit findings. Each file is written whole (to a temporary file, \
            then renamed). Any static web server can serve DIR.
            """)

    @OptionGroup var archive: ArchiveOption

    @Option(name: .long, help: ArgumentHelp("""
        The URL the site will be served from: the feeds' links are absolute under it (default: relative \
        to each feed).
        """, valueName: "url"))
    var baseURL: String?

    @Argument(help: ArgumentHelp("The directory to write (created when missing).", valueName: "dir"))
    var directory: String

    func run() throws {
        try reporting { () throws(WritethruError) in
            let started = Date()
            let base = try baseURL.map { url throws(WritethruError) in try FeedLinks.baseURL(validating: url) }
            let written = try StaticSite.write(try archive.open(), to: directory, baseURL: base)
            emit(StoryPage.siteWritten(directory: directory, pages: written.pages, bytes: written.bytes,
                                       seconds: Date().timeIntervalSince(started)))
            emit(AtomFeed.siteFeedsWritten(directory: directory, stories: written.pages, bytes: written.feedBytes))
        }
    }
}
