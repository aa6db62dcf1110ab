import ArgumentParser
import Fetch
import Foundation
import Writethru
import WritethruRender

/// `capture`: one pass over the watch list (docs/capture.md).
struct Capture: DirectlyParsed {
    static let baseConfiguration = CommandConfiguration(
        commandName: "capture",
        abstract: "Fetch the watched URLs that are due and record every page that changed.",
        discussion: """
            One pass: feeds first (their new items become watched pages), then pages, politely (robots.txt, \
            one request a second and one at a time per host by default, Retry-After), with conditional \
            requests so an unchanged page costs a 304. A changed page is read as `record` reads it and \
            recorded with the URL, final URL, HTTP status and fetch time in meta.json. A page that answers \
            404 or 410 is noted in its story's history; nothing recorded is removed. A line per URL, then a \
            summary. Exit 0 when the pass ran, whatever single URLs answered. Settings: `capture` in \
            writethru.json.
            """)

    @OptionGroup var archive: ArchiveOption
    @OptionGroup var output: FormatOption

    @Flag(name: .long, help: "Fetch every watched URL, due or not.")
    var all = false

    func run() throws {
        Interruption.install()
        try reporting { () throws(WritethruError) in
            let opened = try archive.open()
            _ = try CaptureRun.pass(opened, client: try CaptureRun.client(opened), all: all, format: output.format)
        }
    }
}

/// What `capture` and `watch run` share: the client, a pass, its output and its hooks.
enum CaptureRun {
    static var product: String { "Writethru/" + (WritethruCommand.configuration.version) }

    static func client(_ archive: Archive) throws(WritethruError) -> HTTPClient {
        do {
            return try HTTPClient(maximumConnections: archive.config.capture.connections)
        } catch {
            throw .remote(error.description)
        }
    }

    /// Runs one pass, printing a line per URL as it finishes (text) or the whole pass (JSON),
    /// then runs the post-record hooks for what it recorded. Returns whether it was stopped.
    static func pass(_ archive: Archive, client: HTTPClient, all: Bool, format: OutputFormat) throws(WritethruError) -> Bool {
        if archive.config.capture.contact.isEmpty, archive.config.capture.userAgent == nil {
            writeWarning("capture.contact is not set in writethru.json: sites cannot tell who to reach "
                             + "(docs/capture.md, \"Watching responsibly\")")
        }
        let text = format != .json
        let options = CaptureOptions(all: all, now: try TimeOption.now(), product: product, keepsFetches: !text)
        var stopped = false
        let report: CaptureReport
        do {
            report = try archive.capture(options, client: client) { fetch in
                if text { emit(CaptureText.line(fetch)) }
            }
        } catch {
            guard case .interrupted = error else { throw error }
            emitError("capture stopped between fetches; the rest stay due\n")
            stopped = true
            return stopped
        }
        if report.watched == 0 {
            // Read from the capture state, not the list: a pass over a large list never decodes it.
            emitError("nothing is watched (add with `writethru watch add URL`)\n")
            if text { return stopped }
        }
        emit(text ? CaptureText.summary(report) : CaptureJSON.pass(report))
        if !report.recorded.isEmpty, let hooks = PostRecordHooks(archive: archive) { _ = hooks.run(report.recorded) }
        return stopped
    }
}
