import ArgumentParser
import Foundation
import StoryText
import Writethru
import WritethruRender

struct Stories: DirectlyParsed {
    static let baseConfiguration = CommandConfiguration(
        commandName: "stories",
        abstract: "List the stories: id, versions, first and last time, latest headline.",
        discussion: """
            Read from the derived index and written as each story is read, so the listing of a large archive \
            starts at once. With several --archive options, the archives' stories are merged in one order, \
            each named after its archive. --format jsonl writes one story object a line, as it is read.
            """)

    @OptionGroup var archives: ArchivesOption
    @OptionGroup var output: ListFormatOption

    @Option(name: .long, help: ArgumentHelp(
        "Only stories updated at or after this time: ISO 8601, a date, or before now (45m, 2h, 3d, 1w).",
        valueName: "time"))
    var since: String?

    @Option(name: .long, help: "The order: id (the default), updated (latest first) or versions (most first).")
    var sort: StorySort = .id

    @Option(name: .long, help: ArgumentHelp("List at most this many stories.", valueName: "n"))
    var limit: Int?

    func run() throws {
        try reporting { () throws(WritethruError) in
            let opened = try archives.open()
            if let limit, limit < 0 { throw .usage("--limit must be 0 or more") }
            let query = StoryListQuery(since: try TimeOption.parse(since, option: "--since", archive: opened.first),
                                       sort: sort, limit: limit)
            var standardOutput = StandardOutput()
            try StoryListing.stream(format: output.format, from: { body throws(WritethruError) in
                try Archive.forEachStory(in: opened, query, body)
            }, to: &standardOutput)
        }
    }
}

struct Log: DirectlyParsed {
    static let baseConfiguration = CommandConfiguration(
        commandName: "log",
        abstract: "List the versions of a story: number, tag, time, commit, headline and advisory line.",
        discussion: "--format jsonl writes one version object a line (the items of the JSON form's `versions`).")

    @OptionGroup var archive: ArchiveOption
    @OptionGroup var output: ListFormatOption

    @Argument(help: ArgumentHelp("The story id.", valueName: "story"))
    var story: String

    func run() throws {
        try reporting { () throws(WritethruError) in
            let id = try StoryID(validating: story)
            let opened = try archive.open()
            let versions = try opened.versions(of: id)
            let events = output.format == .jsonl ? [:] : try opened.captureEvents(on: versions.map(\.commit))
            emit(ArchiveReports.log(versions, events: events, story: id, format: output.format))
        }
    }
}

struct Show: DirectlyParsed {
    static let baseConfiguration = CommandConfiguration(
        commandName: "show",
        abstract: "Print the recorded text of a version.",
        discussion: """
            VERSION is a number (1 is the first), a tag such as "UPDATE 3", or a commit id prefix; the latest \
            by default.
            """)

    @OptionGroup var archive: ArchiveOption
    @OptionGroup var output: FormatOption

    @Flag(name: .long, help: "Print the input exactly as it was received instead of the normalized text.")
    var source = false

    @Flag(name: .long, help: """
        Read the recorded input again with the archive's current rules and print that text (history is not \
        changed).
        """)
    var reparse = false

    @Argument(help: ArgumentHelp("The story id.", valueName: "story"))
    var story: String

    @Argument(help: ArgumentHelp("The version (default: latest).", valueName: "version"))
    var version: String?

    func validate() throws {
        if source, reparse { throw ValidationError("--source and --reparse cannot be used together") }
    }

    func run() throws {
        try reporting { () throws(WritethruError) in
            let id = try StoryID(validating: story)
            let archive = try archive.open()
            let entry = try archive.version(version, of: id)
            if source {
                emit(bytes: try archive.source(of: entry))
            } else if reparse {
                emit(ArchiveReports.show(entry, text: try archive.reparsedArticle(of: entry), format: output.format))
            } else {
                emit(ArchiveReports.show(entry, text: try archive.article(of: entry), format: output.format))
            }
        }
    }
}

struct Parse: DirectlyParsed {
    static let baseConfiguration = CommandConfiguration(
        commandName: "parse",
        abstract: "Show what the reader understands of an input, without recording it.",
        discussion: """
            Prints the tag, headline, advisory line and its items, byline, dateline, times, URL, the \
            paragraphs with their sentences, and what was set aside as furniture and by which rule. \
            Uses the settings (and learned furniture) of the archive named by --archive or \
            $WRITETHRU_ARCHIVE; with neither, the settings a new archive starts with.
            """)

    @OptionGroup var reading: ReadingInputOptions
    @OptionGroup var output: FormatOption

    @Flag(name: .long, help: """
        List the claims of each sentence (figures, dates, attributions, quotes, names, negation, hedges) \
        instead.
        """)
    var claims = false

    @Argument(help: ArgumentHelp("The file to read (`-` for standard input).", valueName: "file"))
    var file: String

    func run() throws {
        try reporting { () throws(WritethruError) in
            let revisions = try reading.read(file)
            if claims {
                emit(ClaimReport.claims(of: revisions, format: output.format))
            } else {
                emit(ParseReport.render(revisions, format: output.format))
            }
        }
    }
}

struct Sentences: DirectlyParsed {
    static let baseConfiguration = CommandConfiguration(
        commandName: "sentences",
        abstract: "Split the story text of an input into sentences: one a line, a blank line between paragraphs.",
        discussion: """
            Reads the input exactly as `parse` (and `record`) do: format detected or given with --input, \
            the page or text reader, the boilerplate rules, wire metadata set apart; then prints the \
            sentences of the story's paragraphs (not the headline, tag, advisory, byline, dateline or \
            furniture). Uses the settings (and learned furniture) of the archive named by --archive or \
            $WRITETHRU_ARCHIVE; with neither, the settings a new archive starts with. Reads standard input \
            when no file is given. An input holding several revisions (JSON) prints each in turn, a line \
            `==` between them (JSON: an array per revision).
            """)

    @OptionGroup var reading: ReadingInputOptions
    @OptionGroup var output: FormatOption

    @Argument(help: ArgumentHelp("The file to read (default: standard input).", valueName: "file"))
    var file: String?

    func run() throws {
        try reporting { () throws(WritethruError) in
            let revisions = try reading.read(file ?? "-")
            emit(ParseReport.sentences(of: revisions, format: output.format))
        }
    }
}
