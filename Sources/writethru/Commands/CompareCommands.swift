import ArgumentParser
import StoryDiff
import Writethru
import WritethruRender

/// `diff --format`.
enum DiffFormat: String, NamedArgument {
    case text, json, markdown, html
}

struct Diff: DirectlyParsed {
    static let baseConfiguration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two versions paragraph by paragraph, with word diffs, moves, splits and merges.",
        discussion: """
            `writethru diff STORY [FROM] [TO]` compares two versions of a story (by default the one \
            before the latest with the latest; FROM and TO are numbers, tags or commit prefixes). \
            `writethru diff --files OLD NEW` compares two files read as `record` reads them. Text \
            output marks [-removed-] and {+added+} words, or colours them on a terminal \
            (--color, NO_COLOR, FORCE_COLOR and CLICOLOR_FORCE are respected).
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
                let style = DiffStyle(color: color.enabled, width: Terminal.width, sideBySide: sideBySide)
                emit(DiffReport.text(comparison, style: style))
            }
        }
    }
}

/// `claims --significance`.
enum SignificanceChoice: String, NamedArgument {
    case cosmetic, style, substantive
}

struct Claims: DirectlyParsed {
    static let baseConfiguration = CommandConfiguration(
        commandName: "claims",
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

struct Audit: DirectlyParsed {
    static let baseConfiguration = CommandConfiguration(
        commandName: "audit",
        abstract: "Check every version's advisory line against what really changed.",
        discussion: """
            Each advisory item is matched to the claim changes that fulfil it, or reported NOT FOUND; every \
            substantive change no item covers is UNDECLARED; a CORRECTED or REFILE tag with no visible \
            correction, and a removal with no advisory line, are flagged. Exits 0 when nothing is \
            undeclared or flagged, 2 when something is (for newsroom pipelines). With --since, only the \
            versions updated at or after TIME, and the exit status is theirs. --format post writes \
            post-ready text about one update's audit (the latest, or --version; with --since, one thread \
            per update shown), post-json the same as JSON.
            """)

    @OptionGroup var archive: ArchiveOption

    @Option(name: .long, help: "Output format: text, json, markdown, post or post-json.")
    var format: AuditFormat = .text

    @OptionGroup var since: SinceOption
    @OptionGroup var post: PostOptions

    @Argument(help: ArgumentHelp("The story id.", valueName: "story"))
    var story: String

    func run() throws {
        var found = false
        try reporting { () throws(WritethruError) in
            let id = try StoryID(validating: story)
            let isPost = format == .post || format == .postJSON
            try post.check(isPost: isPost)
            let writer = try post.writer()
            let archive = try archive.open()
            let since = try since.date(archive: archive)
            let timeline = try archive.timeline(story: id)
            if isPost {
                let digests = try post.digests(timeline, since: since, focus: .audit)
                emit(format == .post ? PostReport.text(digests, writer: writer, focus: .audit)
                        : PostReport.json(digests, story: id, writer: writer, focus: .audit))
                found = digests.contains { digest in
                    digest.audit.map { !$0.undeclared.isEmpty || !$0.flags.isEmpty } ?? false
                }
            } else {
                let audit = timeline.audit
                emit(AuditReport.render(audit, format: format, since: since))
                found = AuditReport.foundSomething(audit, since: since)
            }
        }
        if found { throw ExitCode(2) }
    }
}
