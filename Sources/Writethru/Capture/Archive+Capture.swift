import Foundation
import Fetch
internal import GitStore
import StoryText
import WritethruSupport

extension Archive {
    /// One capture pass (docs/capture.md): reads the watched feeds that are due and watches
    /// their new items, then fetches the pages that are due, politely (robots.txt, a minimum
    /// interval and a connection limit per host, Retry-After), and records each page that
    /// changed through the same reader as `record`. Every URL's state is written as soon as it
    /// is handled, so a pass stopped at any point (Ctrl-C, a kill) loses nothing and the next
    /// one goes on from there; `progress` hears each URL as it finishes.
    /// - Complexity: O(u) for u watched URLs, plus per fetched page the reading and recording of
    ///   one revision; at most `capture.connections` requests at once.
    public func capture(_ options: CaptureOptions, client: HTTPClient,
                        progress: @escaping (CaptureFetch) -> Void = { _ in }) throws(WritethruError) -> CaptureReport {
        let pass = try CapturePass(archive: self, options: options, client: client, progress: progress)
        defer { pass.close() }
        return try pass.run()
    }

    /// When the next watched URL is due, from the capture state (nil: none is), for `watch run`.
    public func nextCaptureDue() throws(WritethruError) -> Date? {
        try CaptureState(archivePath: path).nextDue()
    }

    /// The watch list with each URL's state, for `watch list`.
    public func watchedURLs() throws(WritethruError) -> [(entry: WatchEntry, state: WatchedURLState?)] {
        let list = try watchList()
        let states = try CaptureState(archivePath: path).all()
        return list.map { ($0, states[$0.url]) }
    }

    /// Records one fetched page as the next revision of its story, with how it was fetched in
    /// meta.json.
    func recordCaptured(_ item: RecordItem, at now: Date, index: DerivedIndex) throws(WritethruError) -> RecordOutcome? {
        let generation = index.furnitureGeneration
        let checked = try CheckedInput(reading: item, format: nil, options: config.reading, furniture: index)
        let report = try record([checked], options: RecordOptions(recordedAt: now), index: index, readAt: generation,
                                packed: false, stopsOnInterruption: false)
        if let stopped = report.stopped { throw stopped }
        return report.outcomes.first
    }
}
