import ArgumentParser
import Foundation
import StoryText
import Writethru
import WritethruRender

struct Search: DirectlyParsed {
    static let baseConfiguration = CommandConfiguration(
        commandName: "search",
        abstract: "Find words and phrases across every version of every story, including text later removed.",
        discussion: """
            Each hit is a sentence that matches QUERY (case, accents and punctuation do not matter), with \
            its story, the first and last versions that printed it, its paragraph, and whether the latest \
            version still prints it, best match first (bm25). Plain words are one phrase; with double \
            quotes, `migra*`, AND, OR, NOT, NEAR(...) or parentheses the query is SQLite FTS5 syntax. \
            --in current keeps sentences of the latest versions, removed those no longer printed word for \
            word, added those an update brought, all everything (the default). Answered from the derived \
            index alone (`writethru reindex` rebuilds it). --format jsonl writes one hit a line (without the \
            JSON form's total and stories count).
            """)

    @OptionGroup var archives: ArchivesOption
    @OptionGroup var output: ListFormatOption
    @OptionGroup var color: ColorOption

    @Option(name: .customLong("in"), help: "Which sentences: current, removed, added or all.")
    var scope: SearchScope = .all

    @Option(name: .long, help: ArgumentHelp("Search only this story.", valueName: "id"))
    var story: String?

    @Option(name: .long, help: ArgumentHelp(
        "Only sentences printed by a version of this time or later (ISO 8601, a date, or before now: 2h, 3d).",
        valueName: "date"))
    var since: String?

    @Option(name: .long, help: ArgumentHelp(
        "Only sentences printed by a version of this time or earlier (ISO 8601 or a date).", valueName: "date"))
    var until: String?

    @Option(name: .long, help: ArgumentHelp("Show at most this many hits, best first (0: all).", valueName: "n"))
    var limit: Int = 100

    @Argument(help: ArgumentHelp("The word or phrase.", valueName: "query"))
    var query: [String]

    func run() throws {
        try reporting { () throws(WritethruError) in
            let opened = try archives.open()
            let storyID = try story.map { text throws(WritethruError) in try StoryID(validating: text) }
            guard limit >= 0 else { throw .usage("--limit must be 0 or more") }
            let search = SearchQuery(query.joined(separator: " "), scope: scope, story: storyID,
                                     since: try TimeOption.parse(since, option: "--since", archive: opened.first),
                                     until: try TimeOption.parse(until, option: "--until", archive: opened.first, endOfDay: true),
                                     limit: limit)
            let result = try Archive.search(search, in: opened)
            emit(SearchReport.render(result, format: output.format, style: color.style))
        }
    }
}

struct Reindex: DirectlyParsed {
    static let baseConfiguration = CommandConfiguration(
        commandName: "reindex",
        abstract: """
            Rebuild the derived index (search words, learned furniture, story identity) from the story \
            branches.
            """,
        discussion: """
            The index is derived data beside the archive, never the record; record, import and pull keep it \
            up to date. The new index replaces the old one whole.
            """)

    @OptionGroup var archive: ArchiveOption

    func run() throws {
        try reporting { () throws(WritethruError) in
            let (stories, revisions) = try archive.open().reindex()
            emit(SearchReport.reindexed(stories: stories, revisions: revisions))
        }
    }
}
