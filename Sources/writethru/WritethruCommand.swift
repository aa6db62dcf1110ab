import ArgumentParser
import Foundation
import StoryDiff
import StoryText
import Writethru
import WritethruRender

@main
struct WritethruCommand: ParsableCommand {
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exit(withError: error)
        }
    }

    static let configuration = CommandConfiguration(
        commandName: "writethru",
        abstract: "Keep the full edit history of news stories in git, and explain every update.",
        discussion: """
            The archive is a bare git repository: --archive PATH, else $WRITETHRU_ARCHIVE, else \
            $XDG_DATA_HOME/writethru/archive.git (~/.local/share/writethru/archive.git).
            Exit codes: 0 success, 64 invalid arguments, 65 unusable input, 66 unreadable input, \
            67 unknown story or version, 68 not an archive, 69 remote unreachable or refused, \
            73 cannot create or write, 74 storage error, 75 contention (retry).
            """,
        version: "0.1.0",
        subcommands: [Init.self, Record.self, Import.self, Stories.self, Log.self, Show.self, Diff.self, Claims.self, Audit.self, Timeline.self,
                      Blame.self, History.self, Report.self, Site.self, Remote.self, Push.self, Pull.self, Clone.self,
                      Verify.self, GC.self, Search.self, Reindex.self, Parse.self, Sentences.self])
}

struct ArchiveOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The archive (a bare git repository).", valueName: "path"))
    var archive: String?

    var path: String { Archive.location(option: archive) }

    func open() throws(WritethruError) -> Archive { try Archive.open(at: path) }
}

struct FormatOption: ParsableArguments {
    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text
}

extension OutputFormat: ExpressibleByArgument {}
extension InputFormat: ExpressibleByArgument {}

struct InputOption: ParsableArguments {
    @Option(name: .long, help: "Input format: text, html or json (default: detected from the content).")
    var input: InputFormat?
}

/// Runs a command body, turning a Writethru error into one line on stderr and its exit code.
func reporting(_ body: () throws(WritethruError) -> Void) throws {
    do {
        try body()
    } catch {
        FileHandle.standardError.write(Data("writethru: error: \(error)\n".utf8))
        throw ExitCode(error.exitCode)
    }
}

func emit(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a new, empty archive.",
        discussion: "Creates a bare git repository whose main branch holds the archive's README, .gitattributes and writethru.json.")

    @OptionGroup var archive: ArchiveOption

    func run() throws {
        try reporting { () throws(WritethruError) in
            let created = try Archive.create(at: archive.path)
            emit("created archive \(created.path)\n")
        }
    }
}

struct Record: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record files as the next revisions of their stories.",
        discussion: """
            Each file becomes the next version of its story, in the order given (JSON Lines give one \
            revision per line); `-` reads standard input. Without --story, a revision joins the story \
            with the same URL, else a recent story with the same headline, else (with --match) a recent \
            story whose first paragraphs it shares, else a new story named after its headline. A revision \
            whose normalized text and metadata equal the story's latest version is reported `unchanged` \
            and makes no commit. Every file is read and checked before anything is written.
            """)

    @OptionGroup var archive: ArchiveOption
    @OptionGroup var output: FormatOption
    @OptionGroup var inputFormat: InputOption

    @Option(name: .long, help: ArgumentHelp("The story id for every file (default: found as described above).", valueName: "id"))
    var story: String?

    @Option(name: .long, help: ArgumentHelp("The revision's time, ISO 8601 (default: the input's Updated or Published time, else now).", valueName: "time"))
    var at: String?

    @Flag(name: .long, help: "Also match revisions to recent stories by the similarity of their first paragraphs.")
    var match = false

    @Option(name: .long, help: ArgumentHelp("Also record the files listed in this file, one path a line (`-`: standard input). For large batches: no argument-length limit.", valueName: "list"))
    var filesFrom: String?

    @Argument(help: ArgumentHelp("Files to record.", valueName: "file"))
    var files: [String] = []

    func validate() throws {
        if files.isEmpty, filesFrom == nil { throw ValidationError("give at least one file to record, or --files-from") }
        if filesFrom == "-", files.contains("-") { throw ValidationError("standard input cannot hold both the file list and a file") }
    }

    func run() throws {
        try reporting { () throws(WritethruError) in
            let storyID = try story.map { text throws(WritethruError) in try StoryID(validating: text) }
            let archive = try archive.open()
            let revisionTime = try at.map { text throws(WritethruError) in
                guard let date = TimeParsing.parse(text, options: archive.config.reading) else {
                    throw .usage("--at '\(text)' is not a time (use ISO 8601, such as 2021-03-11T18:18:00Z)")
                }
                return date
            }
            let listed = try filesFrom.map { list throws(WritethruError) in try InputFile.list(list) } ?? []
            let inputs = try (files + listed).map { path throws(WritethruError) in try InputFile.load(path) }
            let options = RecordOptions(story: storyID, revisionTime: revisionTime, recordedAt: try Self.recordingTime(),
                                        format: inputFormat.input, matchSimilar: match)
            emit(ArchiveReports.record(try archive.record(inputs, options: options), format: output.format))
        }
    }

    /// Now, or `WRITETHRU_RECORDED_AT` for reproducible archives (tests, re-imports).
    static func recordingTime() throws(WritethruError) -> Date {
        guard let fixed = ProcessInfo.processInfo.environment["WRITETHRU_RECORDED_AT"], !fixed.isEmpty else { return Date() }
        guard let date = Timestamp.parse(fixed) else {
            throw .usage("WRITETHRU_RECORDED_AT '\(fixed)' is not an ISO 8601 time with zone")
        }
        return date
    }
}

struct Stories: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the stories: id, versions, first and last time, latest headline.",
        discussion: "Written as each story is read, so the listing of a large archive starts at once.")

    @OptionGroup var archive: ArchiveOption
    @OptionGroup var output: FormatOption

    func run() throws {
        try reporting { () throws(WritethruError) in
            let archive = try archive.open()
            // The first stories set the width of the id column; after them, rows stream.
            var first: [StorySummary] = []
            var listing: StoryListing?
            var buffer = ""
            var count = 0
            func write(_ summary: StorySummary, with listing: StoryListing) {
                buffer += listing.row(summary, position: count)
                count += 1
                if buffer.utf8.count > 1 << 16 {
                    emit(buffer)
                    buffer = ""
                }
            }
            func start() -> StoryListing {
                let started = StoryListing(format: output.format, idWidth: first.map(\.story.value.count).max() ?? 0)
                buffer = started.start
                for summary in first { write(summary, with: started) }
                listing = started
                return started
            }
            try archive.forEachStory { summary in
                if let listing {
                    write(summary, with: listing)
                } else {
                    first.append(summary)
                    if first.count == StoryListing.widthSample { _ = start() }
                }
            }
            let finished = listing ?? start()
            emit(buffer + finished.end(count: count))
        }
    }
}

struct Log: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the versions of a story: number, tag, time, commit, headline and advisory line.")

    @OptionGroup var archive: ArchiveOption
    @OptionGroup var output: FormatOption

    @Argument(help: ArgumentHelp("The story id.", valueName: "story"))
    var story: String

    func run() throws {
        try reporting { () throws(WritethruError) in
            let id = try StoryID(validating: story)
            emit(ArchiveReports.log(try archive.open().versions(of: id), story: id, format: output.format))
        }
    }
}

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the recorded text of a version.",
        discussion: "VERSION is a number (1 is the first), a tag such as \"UPDATE 3\", or a commit id prefix; the latest by default.")

    @OptionGroup var archive: ArchiveOption
    @OptionGroup var output: FormatOption

    @Flag(name: .long, help: "Print the input exactly as it was received instead of the normalized text.")
    var source = false

    @Flag(name: .long, help: "Read the recorded input again with the archive's current rules and print that text (history is not changed).")
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
                FileHandle.standardOutput.write(Data(try archive.source(of: entry)))
            } else if reparse {
                emit(ArchiveReports.show(entry, text: try archive.reparsedArticle(of: entry), format: output.format))
            } else {
                emit(ArchiveReports.show(entry, text: try archive.article(of: entry), format: output.format))
            }
        }
    }
}

struct Parse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what the reader understands of an input, without recording it.",
        discussion: """
            Prints the tag, headline, advisory line and its items, byline, dateline, times, URL, the \
            paragraphs with their sentences, and what was set aside as furniture and by which rule. \
            Uses the settings (and learned furniture) of the archive named by --archive or \
            $WRITETHRU_ARCHIVE; with neither, the settings a new archive starts with.
            """)

    @Option(name: .long, help: ArgumentHelp("Read settings from this archive.", valueName: "path"))
    var archive: String?

    @OptionGroup var output: FormatOption
    @OptionGroup var inputFormat: InputOption

    @Flag(name: .long, help: "List the claims of each sentence (figures, dates, attributions, quotes, names, negation, hedges) instead.")
    var claims = false

    @Argument(help: ArgumentHelp("The file to read (`-` for standard input).", valueName: "file"))
    var file: String

    func run() throws {
        try reporting { () throws(WritethruError) in
            let input = try InputFile.load(file)
            let named = archive ?? ProcessInfo.processInfo.environment["WRITETHRU_ARCHIVE"].flatMap { $0.isEmpty ? nil : $0 }
            let revisions: [ReadRevision]
            if let named {
                revisions = try Archive.open(at: named).parse(input, format: inputFormat.input)
            } else {
                revisions = try Archive.parse(input, format: inputFormat.input, config: .standard)
            }
            if claims {
                emit(revisions.map { ClaimReport.claims(of: $0.revision.paragraphs, format: output.format) }.joined())
            } else {
                emit(ParseReport.render(revisions, format: output.format))
            }
        }
    }
}

struct Sentences: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Split text into sentences: one a line, a blank line between paragraphs.",
        discussion: "Paragraphs are separated by blank lines; the short lines of a hard-wrapped paragraph are joined, long lines stay paragraphs of their own. Reads standard input when no file is given.")

    @OptionGroup var output: FormatOption

    @Argument(help: ArgumentHelp("The file to read (default: standard input).", valueName: "file"))
    var file: String?

    func run() throws {
        try reporting { () throws(WritethruError) in
            let input = try InputFile.load(file ?? "-")
            let text: String
            do throws(ReadingError) {
                text = try InputText.decode(input.bytes)
            } catch {
                throw .badInput(file: input.name, reason: error.description)
            }
            emit(ParseReport.sentences(Paragraphs.split(text).map(SentenceSegmenter.sentences), format: output.format))
        }
    }
}

enum DiffFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown, html
}

enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare two versions paragraph by paragraph, with word diffs, moves, splits and merges.",
        discussion: """
            `writethru diff STORY [FROM] [TO]` compares two versions of a story (by default the one \
            before the latest with the latest; FROM and TO are numbers, tags or commit prefixes). \
            `writethru diff --files OLD NEW` compares two files read as `record` reads them. Text \
            output marks [-removed-] and {+added+} words, or colours them on a terminal \
            (NO_COLOR and --color are respected).
            """)

    @OptionGroup var archive: ArchiveOption
    @OptionGroup var compared: ComparedVersions

    @Option(name: .long, help: "Output format: text, json, markdown or html.")
    var format: DiffFormat = .text

    @Flag(name: .long, help: "Only the summary line: paragraphs added, removed, changed, moved, split, merged.")
    var stat = false

    @Flag(name: .long, help: "Old and new text side by side, sized to the terminal.")
    var sideBySide = false

    @Flag(name: .long, help: "Read both versions again from their recorded inputs with the current rules.")
    var reparse = false

    @OptionGroup var color: ColorOption

    func run() throws {
        try reporting { () throws(WritethruError) in
            let comparison = try compared.comparison(archive: archive, reparse: reparse)
            if stat {
                emit(DiffReport.stat(comparison) + "\n")
                return
            }
            switch format {
            case .json: emit(DiffReport.json(comparison))
            case .markdown: emit(DiffReport.markdown(comparison))
            case .html: emit(DiffReport.html(comparison))
            case .text:
                emit(DiffReport.text(comparison, style: DiffStyle(color: color.enabled, width: Terminal.width, sideBySide: sideBySide)))
            }
        }
    }
}

enum Terminal {
    static var isInteractive: Bool { isatty(STDOUT_FILENO) == 1 }

    /// COLUMNS, else the terminal's width, else 100.
    static var width: Int {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 20 { return columns }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 { return Int(size.ws_col) }
        return 100
    }
}

enum SignificanceChoice: String, ExpressibleByArgument, CaseIterable {
    case cosmetic, style, substantive
}

struct Claims: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List what changed in the claims: figures, dates, attributions, quotes, names, negation, hedges.",
        discussion: """
            `writethru claims STORY [FROM] [TO]` (by default the version before the latest against the latest), or \
            `writethru claims --files OLD NEW`. Each change has a kind, a significance (cosmetic, style, \
            substantive) and a reason.
            """)

    @OptionGroup var archive: ArchiveOption
    @OptionGroup var output: FormatOption
    @OptionGroup var compared: ComparedVersions

    @Option(name: .long, help: "List changes of at least this significance: cosmetic, style or substantive.")
    var significance: SignificanceChoice = .cosmetic

    func run() throws {
        try reporting { () throws(WritethruError) in
            let comparison = try compared.comparison(archive: archive, reparse: false)
            let minimum = ClaimChange.Significance(rawValue: significance.rawValue) ?? .cosmetic
            emit(ClaimReport.render(comparison, format: output.format, minimum: minimum))
        }
    }
}

extension AuditFormat: ExpressibleByArgument {}

struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check every version's advisory line against what really changed.",
        discussion: """
            Each advisory item is matched to the claim changes that fulfil it, or reported NOT FOUND; every \
            substantive change no item covers is UNDECLARED; a CORRECTED or REFILE tag with no visible \
            correction, and a removal with no advisory line, are flagged. Exits 0 when nothing is \
            undeclared or flagged, 2 when something is (for newsroom pipelines).
            """)

    @OptionGroup var archive: ArchiveOption

    @Option(name: .long, help: "Output format: text, json or markdown.")
    var format: AuditFormat = .text

    @Argument(help: ArgumentHelp("The story id.", valueName: "story"))
    var story: String

    func run() throws {
        var found = false
        try reporting { () throws(WritethruError) in
            let audit = try archive.open().audit(story: try StoryID(validating: story))
            emit(AuditReport.render(audit, format: format))
            found = audit.foundSomething
        }
        if found { throw ExitCode(2) }
    }
}

/// What `diff` and `claims` compare: STORY [FROM] [TO], or two files with --files.
struct ComparedVersions: ParsableArguments {
    @Flag(name: .long, help: "Compare two files instead of two versions of a story.")
    var files = false

    @Argument(help: ArgumentHelp("STORY [FROM] [TO], or OLD NEW with --files.", valueName: "argument"))
    var arguments: [String] = []

    func validate() throws {
        if files, arguments.count != 2 { throw ValidationError("--files takes two files: OLD NEW") }
        if !files, !(1...3).contains(arguments.count) { throw ValidationError("give STORY [FROM] [TO]") }
    }

    /// The two versions (by default the one before the latest and the latest), or the two files.
    func comparison(archive: ArchiveOption, reparse: Bool) throws(WritethruError) -> Comparison {
        if files {
            return try Archive.compare(files: try InputFile.load(arguments[0]), try InputFile.load(arguments[1]), config: .standard)
        }
        return try archive.open().compare(story: try StoryID(validating: arguments[0]),
                                          from: arguments.count == 3 ? arguments[1] : nil,
                                          to: arguments.count >= 2 ? arguments.last : nil, reparse: reparse)
    }
}
