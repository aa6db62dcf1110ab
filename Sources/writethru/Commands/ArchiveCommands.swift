import ArgumentParser
import Foundation
import Writethru
import WritethruRender

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Record many captured versions at once: directories, files, JSON Lines, or a git scraping repository's history.",
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

    @Option(name: .long, help: ArgumentHelp("With --git: the files to take (fnmatch; * also crosses /).", valueName: "glob"))
    var path: String?

    @Option(name: .long, help: ArgumentHelp("With --git: the files are JSON and this field holds the text.", valueName: "name"))
    var jsonField: String?

    @Option(name: .long, help: ArgumentHelp("With --git and --json-field: the field that tells stories apart (such as the URL).", valueName: "field"))
    var groupBy: String?

    @Flag(name: .long, help: "No progress line, even on a terminal.")
    var quiet = false

    @Argument(help: ArgumentHelp("Files and directories to import.", valueName: "path"))
    var paths: [String] = []

    func validate() throws {
        if git == nil {
            if paths.isEmpty { throw ValidationError("give files or directories to import, or --git REPO --path GLOB") }
            if path != nil || jsonField != nil || groupBy != nil { throw ValidationError("--path, --json-field and --group-by go with --git") }
        } else {
            if !paths.isEmpty { throw ValidationError("--git imports one repository; give no other paths") }
            if path == nil { throw ValidationError("--git needs --path GLOB: the files to take from its history") }
            if groupBy != nil, jsonField == nil { throw ValidationError("--group-by needs --json-field") }
        }
    }

    func run() throws {
        var rejected = false
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
            let summary = try archive.importRevisions(plan, recordedAt: try Record.recordingTime()) { done, total in
                guard showProgress, done != drawn.done, done == total || Date().timeIntervalSince(drawn.time) > 0.1 else { return }
                drawn = (Date(), done)
                FileHandle.standardError.write(Data(ImportReport.progress(done: done, total: total,
                                                                          seconds: drawn.time.timeIntervalSince(started)).utf8))
            }
            if showProgress { FileHandle.standardError.write(Data("\n".utf8)) }
            emit(ImportReport.render(summary, format: output.format))
            rejected = !summary.rejected.isEmpty
        }
        if rejected { throw ExitCode(2) }
    }
}
