import ArgumentParser
import Foundation
import Writethru
import WritethruRender

/// `watch add|list|remove|run`: the list of story pages and feeds `capture` fetches
/// (docs/capture.md).
struct Watch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Keep the list of story pages and feeds to capture, or capture them until stopped.",
        discussion: """
            The watch list is kept in the archive (refs/writethru/watch, a commit per change); each URL's \
            state (validators, next due time, failures) in writethru-capture.sqlite beside it. \
            See docs/capture.md.
            """,
        subcommands: [WatchAdd.self, WatchList.self, WatchRemove.self, WatchRun.self])
}

struct WatchAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Watch story pages (or, with --feed, feeds whose new items become watched pages).",
        discussion: """
            Only http and https URLs; each is kept in one spelling (scheme and host in lower case, no \
            default port, no fragment), so a URL already watched is not added twice. Nothing is fetched \
            until `writethru capture` or `writethru watch run`.
            """)

    @OptionGroup var archive: ArchiveOption
    @OptionGroup var output: FormatOption

    @Flag(name: .long, help: "The URLs are RSS or Atom feeds: each new item becomes a watched page.")
    var feed = false

    @Option(name: .long, help: ArgumentHelp("Record every version of the page in this story (one URL only).",
                                            valueName: "id"))
    var story: String?

    @Argument(help: ArgumentHelp("The URLs to watch.", valueName: "url"))
    var urls: [String] = []

    func run() throws {
        try reporting { () throws(WritethruError) in
            guard !urls.isEmpty else { throw .usage("give at least one URL to watch") }
            if story != nil, urls.count > 1 { throw .usage("--story names the story of one page; give one URL") }
            if story != nil, feed { throw .usage("--story is for a page; a feed's items each get their own story") }
            let storyID = try story.map { id throws(WritethruError) in try StoryID(validating: id) }
            var normalized: [String] = []
            var given = Set<String>()
            for url in urls {
                switch WatchURL.normalized(url) {
                case .success(let clean): if given.insert(clean).inserted { normalized.append(clean) }
                case .failure(let problem): throw .usage("cannot watch '\(url)': \(problem.reason)")
                }
            }
            let opened = try archive.open()
            let now = try TimeOption.now()
            let kind: WatchEntry.Kind = feed ? .feed : .page
            var added: [String] = []
            var already: [String] = []
            var otherKind: [String: WatchEntry.Kind] = [:]
            let what = feed ? "feed" : "page"
            let message = "watch: add \(normalized.count) \(what)\(normalized.count == 1 ? "" : "s")"
            try opened.changeWatchList(message, at: now) { current throws(WritethruError) in
                added = []
                already = []
                otherKind = [:]
                var list = current
                var positions: [String: Int] = [:]
                for (index, entry) in list.enumerated() { positions[entry.url] = index }
                for url in normalized {
                    if let index = positions[url] {
                        if let storyID, list[index].story != storyID.value, list[index].kind == .page {
                            list[index].story = storyID.value
                            added.append(url)
                        } else {
                            already.append(url)
                            if list[index].kind != kind { otherKind[url] = list[index].kind }
                        }
                        continue
                    }
                    positions[url] = list.count
                    list.append(WatchEntry(url: url, kind: kind, story: storyID?.value, added: Timestamp.format(now)))
                    added.append(url)
                }
                return list
            }
            switch output.format {
            case .json:
                emit(CaptureJSON.watchChange(added: added, unchanged: already, removed: []))
            default:
                for url in added { emit("watching \(what) \(url)\n") }
                for url in already {
                    emit("already watched: \(url)" + (otherKind[url].map { " (as a \($0.rawValue))" } ?? "") + "\n")
                }
            }
        }
    }
}

struct WatchList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the watched URLs with their state: last status, next due time, story.")

    @OptionGroup var archive: ArchiveOption
    @OptionGroup var output: FormatOption

    func run() throws {
        try reporting { () throws(WritethruError) in
            let rows = try archive.open().watchedURLs()
            switch output.format {
            case .json: emit(CaptureJSON.watchList(rows))
            default:
                if rows.isEmpty {
                    emitError("nothing is watched (add with `writethru watch add URL`)\n")
                }
                emit(CaptureText.watchList(rows))
            }
        }
    }
}

struct WatchRemove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Stop watching URLs. What was recorded from them stays.",
        discussion: "Every URL must be watched (exit 67 otherwise, and nothing is removed).")

    @OptionGroup var archive: ArchiveOption
    @OptionGroup var output: FormatOption

    @Argument(help: ArgumentHelp("The URLs to stop watching.", valueName: "url"))
    var urls: [String] = []

    func run() throws {
        try reporting { () throws(WritethruError) in
            guard !urls.isEmpty else { throw .usage("give at least one URL to stop watching") }
            var normalized: [String] = []
            for url in urls {
                switch WatchURL.normalized(url) {
                case .success(let clean): normalized.append(clean)
                case .failure(let problem): throw .usage("cannot stop watching '\(url)': \(problem.reason)")
                }
            }
            let opened = try archive.open()
            let message = "watch: remove \(normalized.count) URL\(normalized.count == 1 ? "" : "s")"
            try opened.changeWatchList(message, at: try TimeOption.now()) { current throws(WritethruError) in
                let known = Set(current.map(\.url))
                if let missing = normalized.first(where: { !known.contains($0) }) {
                    throw .notFound("\(missing) is not watched (see `writethru watch list`)")
                }
                let removing = Set(normalized)
                return current.filter { !removing.contains($0.url) }
            }
            switch output.format {
            case .json: emit(CaptureJSON.watchChange(added: [], unchanged: [], removed: normalized))
            default: for url in normalized { emit("stopped watching \(url)\n") }
            }
        }
    }
}

struct WatchRun: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Capture in a loop: a pass whenever a watched URL is due, until Ctrl-C or SIGTERM.",
        discussion: """
            Each pass is `writethru capture`. Between passes it sleeps until the next URL is due (at most a \
            minute, so URLs added meanwhile are seen). Ctrl-C or SIGTERM stops it between fetches: the \
            fetch under way finishes and is recorded, the rest stay due. Exit 0 after a stop.
            """)

    @OptionGroup var archive: ArchiveOption
    @OptionGroup var output: FormatOption

    @Option(name: .long, help: ArgumentHelp("Stop after this many passes (default: never).", valueName: "n"))
    var passes: Int?

    func validate() throws {
        if let passes, passes < 1 { throw ValidationError("--passes must be 1 or more") }
    }

    func run() throws {
        Interruption.install()
        try reporting { () throws(WritethruError) in
            let opened = try archive.open()
            let client = try CaptureRun.client(opened)
            var done = 0
            while !Interruption.isRequested {
                let stopped = try CaptureRun.pass(opened, client: client, all: false, format: output.format)
                done += 1
                if stopped || passes.map({ done >= $0 }) == true { break }
                let next = try opened.nextCaptureDue()
                let wait = min(max(next?.timeIntervalSinceNow ?? 60, 1), 60)
                let until = Date().addingTimeInterval(wait)
                while !Interruption.isRequested, Date() < until { usleep(200_000) }
            }
        }
    }
}
