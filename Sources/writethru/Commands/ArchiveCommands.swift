import ArgumentParser
import Foundation
import StoryText
import Writethru
import WritethruRender
import WritethruSupport

struct Init: DirectlyParsed {
    static let baseConfiguration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new, empty archive.",
        discussion: """
            Creates a bare git repository whose main branch holds the archive's README, .gitattributes and \
            writethru.json.
            """)

    @OptionGroup var archive: ArchiveOption

    func run() throws {
        try reporting { () throws(WritethruError) in
            let created = try Archive.create(at: archive.path)
            emit("created archive \(created.path)\n")
        }
    }
}

struct Record: DirectlyParsed {
    static let baseConfiguration = CommandConfiguration(
        commandName: "record",
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

    @Option(name: .long,
            help: ArgumentHelp("The story id for every file (default: found as described above).", valueName: "id"))
    var story: String?

    @Option(name: .long, help: ArgumentHelp(
        "The revision's time, ISO 8601 (default: the input's Updated or Published time, else now).", valueName: "time"))
    var at: String?

    @Flag(name: .long, help: "Also match revisions to recent stories by the similarity of their first paragraphs.")
    var match = false

    @Option(name: .long, help: ArgumentHelp("""
        Also record the files listed in this file, one path a line (`-`: standard input). For large batches: no \
        argument-length limit.
        """, valueName: "list"))
    var filesFrom: String?

    @Argument(help: ArgumentHelp("Files to record.", valueName: "file"))
    var files: [String] = []

    func validate() throws {
        if files.isEmpty, filesFrom == nil {
            throw ValidationError("give at least one file to record, or --files-from")
        }
        if filesFrom == "-", files.contains("-") {
            throw ValidationError("standard input cannot hold both the file list and a file")
        }
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
            let options = RecordOptions(story: storyID, revisionTime: revisionTime,
                                        recordedAt: try Self.recordingTime(), format: inputFormat.input,
                                        matchSimilar: match)
            // Ctrl-C and SIGTERM stop a long record between revisions, keeping what it wrote.
            Interruption.install()
            let report = try archive.recordReporting(inputs, options: options)
            // The archive's post-record hook, once per recorded revision, now that all of them
            // are committed and indexed; the record stands whatever it does (docs/hooks.md).
            let hooks = Self.runHooks(archive, report.outcomes, stopped: report.stopped)
            // What a stopped run kept is printed before its error line.
            if !report.outcomes.isEmpty || report.stopped == nil {
                emit(ArchiveReports.record(report.outcomes, hooks: hooks, format: output.format))
            }
            if let stopped = report.stopped { throw stopped }
        }
    }

    /// Runs the post-record hook for what was recorded, unless there is no hook or the run was
    /// interrupted (Ctrl-C asks to stop, not to start programs): then nothing is computed.
    static func runHooks(_ archive: Archive, _ outcomes: [RecordOutcome], stopped: WritethruError?) -> [HookOutcome?] {
        guard let hooks = PostRecordHooks(archive: archive) else { return [] }
        if case .interrupted = stopped {
            let recorded = outcomes.filter { $0.status == .recorded }.count
            if recorded > 0 { writeWarning("hook \(hooks.hook.name) not run for the \(recorded) revisions kept: interrupted") }
            return []
        }
        return hooks.run(outcomes)
    }

    /// Now, or `WRITETHRU_RECORDED_AT` for reproducible archives (tests, re-imports).
    static func recordingTime() throws(WritethruError) -> Date {
        guard let fixed = ProcessEnvironment.value("WRITETHRU_RECORDED_AT"), !fixed.isEmpty else {
            return Date()
        }
        guard let date = Timestamp.parse(fixed) else {
            throw .usage("WRITETHRU_RECORDED_AT '\(fixed)' is not an ISO 8601 time with zone")
        }
        return date
    }
}

struct Import: DirectlyParsed {
    static let baseConfiguration = CommandConfiguration(
        commandName: "import",
        abstract: """
            Record many captured versions at once: directories, files, JSON Lines, or a git scraping \
            repository's history.
            """,
        discussion: """
            `writethru import PATH...`: a file is one input (JSON Lines: one revision a line) placed by its \
            own metadata; a directory holds such files and one folder per story (the folder's name is the \
            story id, its files are the versions in name order). `writethru import --git REPO --path GLOB \
            [--json-field NAME] [--group-by FIELD]` reads every version of the matching files from the \
            repository's history, oldest commit first. Inputs that cannot be used are rejected with their \
            reason and the rest is recorded; an input its story already holds is skipped, so the same \
            import can be run again. Shows progress on a terminal. Exits 2 when something was rejected; \
            Ctrl-C stops it between revisions (exit 130), keeping what it wrote.
            """)

    @OptionGroup var archive: ArchiveOption
    @OptionGroup var output: FormatOption

    @Option(name: .long, help: ArgumentHelp("Import the history of this git repository.", valueName: "repo"))
    var git: String?

    @Option(name: .long,
            help: ArgumentHelp("With --git: the files to take (fnmatch; * also crosses /).", valueName: "glob"))
    var path: String?

    @Option(name: .long,
            help: ArgumentHelp("With --git: the files are JSON and this field holds the text.", valueName: "name"))
    var jsonField: String?

    @Option(name: .long, help: ArgumentHelp(
        "With --git and --json-field: the field that tells stories apart (such as the URL).", valueName: "field"))
    var groupBy: String?

    @Flag(name: .long, help: "No progress line, even on a terminal.")
    var quiet = false

    @Flag(name: .long, help: "Run the archive's post-record hook for each recorded revision, in order, once all are recorded.")
    var hooks = false

    @Argument(help: ArgumentHelp("Files and directories to import.", valueName: "path"))
    var paths: [String] = []

    func validate() throws {
        if git == nil {
            if paths.isEmpty { throw ValidationError("give files or directories to import, or --git REPO --path GLOB") }
            if path != nil || jsonField != nil || groupBy != nil {
                throw ValidationError("--path, --json-field and --group-by go with --git")
            }
        } else {
            if !paths.isEmpty { throw ValidationError("--git imports one repository; give no other paths") }
            if path == nil { throw ValidationError("--git needs --path GLOB: the files to take from its history") }
            if groupBy != nil, jsonField == nil { throw ValidationError("--group-by needs --json-field") }
        }
    }

    func run() throws {
        var rejected = false
        var skipped = false
        try reporting { () throws(WritethruError) in
            let archive = try archive.open()
            Interruption.install()
            let plan: ImportPlan
            if let git, let path {
                plan = try Archive.importPlan(gitRepository: git, pattern: path, jsonField: jsonField, groupBy: groupBy)
            } else {
                plan = Archive.importPlan(paths: paths)
            }
            let showProgress = !quiet && isatty(STDERR_FILENO) == 1
            let started = Date()
            var drawn = (time: Date.distantPast, done: -1)
            // With --hooks, the revisions recorded, for their events once the import is complete.
            var recorded: [RecordOutcome] = []
            let keep: ((RecordOutcome) -> Void)? = hooks ? { if $0.status == .recorded { recorded.append($0) } } : nil
            let progress = { (done: Int, total: Int) in
                // Redrawn at most ten times a second, and once at the end.
                guard showProgress, done != drawn.done,
                      done == total || Date().timeIntervalSince(drawn.time) > 0.1 else { return }
                drawn = (Date(), done)
                let seconds = drawn.time.timeIntervalSince(started)
                let line = ImportReport.progress(done: done, total: total, seconds: seconds)
                emitError(line)
            }
            let summary = try archive.importRevisions(plan, recordedAt: try Record.recordingTime(),
                                                      progress: progress, outcome: keep)
            if showProgress { emitError("\n") }
            if hooks { _ = Record.runHooks(archive, recorded, stopped: summary.stopped) }
            emit(ImportReport.render(summary, format: output.format))
            // What stopped the import early is reported after what it recorded.
            if let stopped = summary.stopped { throw stopped }
            rejected = !summary.rejected.isEmpty
            skipped = !summary.skipped.isEmpty
        }
        // Skipped stories need a re-run (once their lock is gone): a temporary failure.
        if skipped { throw ExitCode(75) }
        if rejected { throw ExitCode(2) }
    }
}
