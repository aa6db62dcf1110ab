import Foundation

/// How `capture` and `watch run` fetch (`capture` in writethru.json, docs/capture.md): who they
/// say they are, how often they come back to a page, and how gently they treat each site.
public struct CaptureSettings: Sendable, Equatable, Codable {
    /// An email address or URL a site's operators can reach the archive's keeper at; it goes
    /// in the User-Agent. Empty: `capture` warns once a run.
    public var contact: String = ""
    /// The whole User-Agent header instead of `Writethru/<version> (+<contact>)`.
    public var userAgent: String?
    /// How often a page is fetched again, by how long ago its story last changed: the first
    /// step whose `changedWithin` covers that age gives the interval. Past the last step the
    /// page is no longer fetched (`capture --all` still fetches it).
    public var schedule: [ScheduleStep] = CaptureSettings.newsDiffsSchedule
    /// How often a watched feed is read for new items.
    public var feedEvery: String = "15m"
    /// The shortest time, in seconds, between the starts of two requests to one host.
    public var hostInterval: Double = 1
    /// At most this many requests to one host at once.
    public var perHost: Int = 1
    /// At most this many requests at once, over every host.
    public var connections: Int = 8
    /// The longest a request may take, in seconds, before it counts as failed.
    public var timeoutSeconds: Double = 30
    /// Redirects followed before a fetch counts as failed.
    public var maximumRedirects: Int = 5
    /// Whether robots.txt is read and obeyed (RFC 9309).
    public var robots: Bool = true
    /// The wait after the first failure; it doubles with each failure in a row, up to
    /// `backoffLimit`.
    public var backoff: String = "5m"
    public var backoffLimit: String = "1d"

    /// One step of the schedule: while the story changed within `changedWithin`, fetch `every`.
    public struct ScheduleStep: Sendable, Equatable, Codable {
        public var changedWithin: String
        public var every: String

        public init(changedWithin: String, every: String) {
            self.changedWithin = changedWithin
            self.every = every
        }
    }

    /// NewsDiffs' schedule: every 15 minutes while the story changed in the last 3 hours,
    /// hourly within a day, every 3 hours within a week, daily within a month, then stop.
    public static let newsDiffsSchedule = [
        ScheduleStep(changedWithin: "3h", every: "15m"), ScheduleStep(changedWithin: "1d", every: "1h"),
        ScheduleStep(changedWithin: "7d", every: "3h"), ScheduleStep(changedWithin: "30d", every: "1d"),
    ]

    public init() {}

    /// The schedule and waits in seconds, or the first setting that is not a duration or out of
    /// order, as a one-line reason.
    public func checked() -> Result<CaptureSchedule, SettingsProblem> {
        var steps: [CaptureSchedule.Step] = []
        for step in schedule {
            guard let within = DurationText.seconds(step.changedWithin),
                  let every = DurationText.seconds(step.every), every > 0 else {
                return .failure(SettingsProblem("capture.schedule steps need durations such as \"3h\" and "
                                                + "\"15m\", not \"\(step.changedWithin)\" / \"\(step.every)\""))
            }
            if let last = steps.last, within <= last.changedWithin {
                return .failure(SettingsProblem("capture.schedule steps must grow: \"\(step.changedWithin)\" "
                                                + "comes after a longer or equal one"))
            }
            steps.append(CaptureSchedule.Step(changedWithin: within, every: every))
        }
        guard let feed = DurationText.seconds(feedEvery), feed >= 60 else {
            return .failure(SettingsProblem("capture.feedEvery must be a duration of a minute or more, not \"\(feedEvery)\""))
        }
        guard let base = DurationText.seconds(backoff), base > 0,
              let limit = DurationText.seconds(backoffLimit), limit >= base else {
            return .failure(SettingsProblem("capture.backoff and capture.backoffLimit must be durations, "
                                            + "the limit at least the first wait"))
        }
        guard hostInterval >= 0, hostInterval <= 3_600 else {
            return .failure(SettingsProblem("capture.hostInterval must be between 0 and 3600 seconds"))
        }
        guard (1...64).contains(perHost), (1...256).contains(connections) else {
            return .failure(SettingsProblem("capture.perHost must be 1-64 and capture.connections 1-256"))
        }
        guard timeoutSeconds > 0, timeoutSeconds <= 600 else {
            return .failure(SettingsProblem("capture.timeoutSeconds must be more than 0 and at most 600"))
        }
        guard (0...20).contains(maximumRedirects) else {
            return .failure(SettingsProblem("capture.maximumRedirects must be 0-20"))
        }
        // They go into a header line: printable ASCII only, so no setting can add a header.
        for (key, value) in [("contact", contact), ("userAgent", userAgent ?? "")]
        where !value.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) {
            return .failure(SettingsProblem("capture.\(key) must be printable ASCII (it goes in the User-Agent header)"))
        }
        return .success(CaptureSchedule(steps: steps, feedEvery: feed, backoff: base, backoffLimit: limit))
    }
}

/// One line saying which setting is wrong and why.
public struct SettingsProblem: Error, Sendable, Equatable {
    public let reason: String
    public init(_ reason: String) { self.reason = reason }
}
