import ArgumentParser
import Foundation
import StoryText
import Writethru
import WritethruRender

struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find words and phrases across every version of every story, including text later removed.",
        discussion: """
            Each hit is a sentence that holds QUERY (case, accents, quote styles and spacing do not \
            matter), with its story, the first and last versions that printed it, its paragraph, and \
            whether the latest version still prints it. --in current keeps sentences of the latest \
            versions, removed those no longer printed word for word, added those an update brought, all \
            everything (the default). Uses the derived word index (`writethru reindex` rebuilds it).
            """)

    @OptionGroup var archive: ArchiveOption
    @OptionGroup var output: FormatOption
    @OptionGroup var color: ColorOption

    @Option(name: .customLong("in"), help: "Which sentences: current, removed, added or all.")
    var scope: SearchScope = .all

    @Option(name: .long, help: ArgumentHelp("Search only this story.", valueName: "id"))
    var story: String?

    @Option(name: .long, help: ArgumentHelp(
        "Only sentences printed by a version of this time or later (ISO 8601 or a date).", valueName: "date"))
    var since: String?

    @Argument(help: ArgumentHelp("The word or phrase.", valueName: "query"))
    var query: [String]

    func run() throws {
        try reporting { () throws(WritethruError) in
            let archive = try archive.open()
            let storyID = try story.map { text throws(WritethruError) in try StoryID(validating: text) }
            let date = try since.map { text throws(WritethruError) in
                guard let date = TimeParsing.parse(text, options: archive.config.reading) else {
                    throw .usage("--since '\(text)' is not a date or time (use ISO 8601, such as 2021-03-11)")
                }
                return date
            }
            let result = try archive.search(query.joined(separator: " "), in: scope, story: storyID, since: date)
            emit(SearchReport.render(result, format: output.format, style: color.style))
        }
    }
}

struct Reindex: ParsableCommand {
    static let configuration = CommandConfiguration(
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
