import Foundation
import Writethru

/// `capture`'s and `watch`'s terminal text (docs/capture.md): a line per URL handled, a
/// summary, and the watch list as a table.
public enum CaptureText {
    /// One URL: what happened, the URL, and the detail (`→ story v3`, `HTTP 429, Retry-After 120 s`).
    public static func line(_ fetch: CaptureFetch) -> String {
        let label: String
        switch fetch.outcome {
        case .recorded: label = "recorded"
        case .unchanged: label = "unchanged"
        case .notModified: label = "not modified"
        case .feedRead: label = "feed"
        case .gone: label = "gone"
        case .deferred: label = "deferred"
        case .blocked: label = "blocked"
        case .failed: label = "failed"
        }
        var line = label.padding(toLength: 13, withPad: " ", startingAt: 0) + fetch.url
        if fetch.outcome == .recorded, let story = fetch.story, let version = fetch.version {
            line += " → \(story.value) v\(version)"
        } else if fetch.outcome == .feedRead {
            line += " (\(fetch.detail ?? "read"), \(fetch.newURLs) new)"
        } else if let detail = fetch.detail {
            line += " (\(detail))"
        }
        if fetch.outcome == .failed || fetch.outcome == .deferred, let next = fetch.nextDue {
            line += "; next try \(Timestamp.format(next))"
        }
        // URLs and details come from the network: no control character reaches the terminal.
        return TerminalSafe.escape(line) + "\n"
    }

    /// The last line: counts by outcome, requests, and when the next URL is due.
    public static func summary(_ report: CaptureReport) -> String {
        let order: [CaptureFetch.Outcome] = [.recorded, .unchanged, .notModified, .feedRead, .gone, .deferred,
                                             .blocked, .failed]
        let names: [CaptureFetch.Outcome: String] = [.recorded: "recorded", .unchanged: "unchanged",
                                                     .notModified: "not modified", .feedRead: "feeds read",
                                                     .gone: "gone", .deferred: "deferred", .blocked: "blocked",
                                                     .failed: "failed"]
        let parts = order.compactMap { outcome -> String? in
            let count = report.count(outcome)
            return count == 0 ? nil : "\(count) \(names[outcome] ?? outcome.rawValue)"
        }
        let urls = report.handled == 1 ? "1 URL" : "\(report.handled) URLs"
        var line = "capture: \(urls)"
        if !parts.isEmpty { line += ": " + parts.joined(separator: ", ") }
        line += "; \(report.requests) request\(report.requests == 1 ? "" : "s")"
        line += report.nextDue.map { "; next due \(Timestamp.format($0))" } ?? "; nothing is due again"
        return line + "\n"
    }

    /// The watch list: a row per URL with its kind, last status, next due time, story and URL.
    public static func watchList(_ rows: [(entry: WatchEntry, state: WatchedURLState?)]) -> String {
        guard !rows.isEmpty else { return "" }
        let table = rows.map { entry, state -> [String] in
            let status: String
            if let gone = state?.gone {
                status = "gone \(gone)"
            } else if let last = state?.lastStatus, last == 429 || last == 503 {
                status = "deferred"
            } else if state?.lastFetch == nil, state?.lastError != nil {
                status = "blocked"
            } else if let failures = state?.failures, failures > 0 {
                status = "\(failures) failed"
            } else {
                status = state?.lastStatus.map(String.init) ?? "new"
            }
            let due = state?.nextDue.map { Timestamp.format(Date(timeIntervalSince1970: Double($0))) }
                ?? (state?.lastFetch == nil ? "now" : "stopped")
            return [entry.kind.rawValue, status, due, state?.story ?? entry.story ?? "-", entry.url]
        }
        return Columns.render([["kind", "status", "next due", "story", "url"]] + table)
    }
}
