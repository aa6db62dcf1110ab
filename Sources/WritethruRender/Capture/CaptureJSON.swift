import Foundation
import Writethru
import StoryText
import WritethruSupport

/// `capture --format json` and `watch list --format json` (docs/capture.md; schemas
/// `writethru.capture/1` and `writethru.watch/1`).
public enum CaptureJSON {
    struct Fetch: Encodable {
        let url: String
        let kind: String
        let outcome: String
        @Nullable var status: Int?
        @Nullable var story: String?
        @Nullable var version: Int?
        @Nullable var detail: String?
        let newURLs: Int
        @Nullable var nextDue: String?
        let requested: Bool
        let bytes: Int

        init(_ fetch: CaptureFetch) {
            url = fetch.url
            kind = fetch.kind.rawValue
            outcome = fetch.outcome.rawValue
            status = fetch.status
            story = fetch.story?.value
            version = fetch.version
            detail = fetch.detail
            newURLs = fetch.newURLs
            nextDue = fetch.nextDue.map(Timestamp.format)
            requested = fetch.requested
            bytes = fetch.bytes
        }
    }

    struct Pass: Encodable {
        let schema = "writethru.capture/1"
        let started: String
        let requests: Int
        let recorded: Int
        @Nullable var nextDue: String?
        let fetches: [Fetch]
    }

    public static func pass(_ report: CaptureReport) -> String {
        JSONCoding.render(Pass(started: Timestamp.format(report.started), requests: report.requests,
                               recorded: report.recorded.count, nextDue: report.nextDue.map(Timestamp.format),
                               fetches: report.fetches.map(Fetch.init)))
    }

    struct Watched: Encodable {
        let url: String
        let kind: String
        @Nullable var story: String?
        @Nullable var feed: String?
        let added: String
        @Nullable var lastFetch: String?
        @Nullable var lastStatus: Int?
        @Nullable var lastChange: String?
        @Nullable var nextDue: String?
        let failures: Int
        @Nullable var lastError: String?
        @Nullable var gone: Int?
        @Nullable var finalURL: String?
        @Nullable var etag: String?
        @Nullable var lastModified: String?
    }

    struct List: Encodable {
        let schema = "writethru.watch/1"
        let watch: [Watched]
    }

    public static func watchList(_ rows: [(entry: WatchEntry, state: WatchedURLState?)]) -> String {
        func time(_ seconds: Int64?) -> String? {
            seconds.map { Timestamp.format(Date(timeIntervalSince1970: Double($0))) }
        }
        return JSONCoding.render(List(watch: rows.map { entry, state in
            Watched(url: entry.url, kind: entry.kind.rawValue, story: state?.story ?? entry.story, feed: entry.feed,
                    added: entry.added, lastFetch: time(state?.lastFetch), lastStatus: state?.lastStatus,
                    lastChange: state.flatMap { $0.lastFetch == nil ? nil : time($0.lastChange) },
                    nextDue: time(state?.nextDue), failures: state?.failures ?? 0, lastError: state?.lastError,
                    gone: state?.gone, finalURL: state?.finalURL, etag: state?.etag, lastModified: state?.lastModified)
        }))
    }
}

extension CaptureJSON {
    struct Change: Encodable {
        let schema = "writethru.watch-change/1"
        let added: [String]
        let unchanged: [String]
        let removed: [String]
    }

    /// What `watch add` or `watch remove` changed.
    public static func watchChange(added: [String], unchanged: [String], removed: [String]) -> String {
        JSONCoding.render(Change(added: added, unchanged: unchanged, removed: removed))
    }
}
