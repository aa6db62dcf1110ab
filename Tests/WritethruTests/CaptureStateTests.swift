import Foundation
import GitStore
import SQLiteStore
import TestSupport
import Testing
@testable import Writethru

/// The pieces of capture that need no network: URL spelling, the schedule, the watch list kept
/// in git, the capture state's claims and the events noted on a story's history.
@Suite struct CaptureStateTests {
    let now = Date(timeIntervalSince1970: 1_764_000_000)

    @Test func aURLHasOneSpelling() throws {
        #expect(try WatchURL.normalized(" HTTPS://Example.COM:443/World/Story?id=7#comments ").get()
                    == "https://example.com/World/Story?id=7")
        #expect(try WatchURL.normalized("http://example.com").get() == "http://example.com/")
        #expect(try WatchURL.normalized("http://127.0.0.1:8080/a").get() == "http://127.0.0.1:8080/a")
        for bad in ["ftp://example.com/x", "example.com/story", "https://user:secret@example.com/", "", "https:///x"] {
            guard case .failure = WatchURL.normalized(bad) else {
                Issue.record("'\(bad)' was accepted")
                continue
            }
        }
        #expect(WatchURL.hostKey("http://127.0.0.1:8080/a") == "127.0.0.1:8080")
        // Dot segments are the same page (RFC 3986 5.2.4); the query is the site's own.
        #expect(try WatchURL.normalized("https://example.com/world/../world/./floods").get()
                    == "https://example.com/world/floods")
        #expect(try WatchURL.normalized("https://example.com/a/b/..").get() == "https://example.com/a/")
        #expect(try WatchURL.normalized("https://example.com/../x").get() == "https://example.com/x")
        #expect(try WatchURL.normalized("https://example.com/a?id=1&x=..").get() == "https://example.com/a?id=1&x=..")
        guard case .failure(let port) = WatchURL.normalized("http://127.0.0.1:99999/x") else {
            return #expect(Bool(false), "port 99999 was accepted")
        }
        #expect(port.reason == "its port 99999 is not 1-65535")
    }

    @Test func theDefaultScheduleIsNewsDiffs() throws {
        let schedule = try ArchiveConfig.standard.capture.checked().get()
        #expect(schedule == ArchiveConfig.standard.captureSchedule)
        let changed = now
        #expect(schedule.interval(lastChange: changed, now: now + 2 * 3_600) == 900.0)
        #expect(schedule.interval(lastChange: changed, now: now + 5 * 3_600) == 3_600.0)
        #expect(schedule.interval(lastChange: changed, now: now + 3 * 86_400) == 10_800.0)
        #expect(schedule.interval(lastChange: changed, now: now + 20 * 86_400) == 86_400.0)
        #expect(schedule.interval(lastChange: changed, now: now + 31 * 86_400) == nil)
        #expect(schedule.wait(afterFailures: 1) == 300.0)
        #expect(schedule.wait(afterFailures: 3) == 1_200.0)
        #expect(schedule.wait(afterFailures: 30) == 86_400.0)
    }

    @Test func oneDurationSpellingForSettingsAndSince() {
        #expect(DurationText.seconds("90s") == 90.0)
        #expect(DurationText.seconds("15m") == 900.0)
        #expect(DurationText.seconds("1w") == 604_800.0)
        for bad in ["+5m", "-5m", "5", "m", "1.5h", "1000000m", "5 m", "5M", ""] {
            #expect(DurationText.seconds(bad) == nil, "'\(bad)'")
        }
    }

    @Test func scheduleSettingsAreChecked() throws {
        var settings = CaptureSettings()
        settings.schedule = [.init(changedWithin: "1d", every: "1h"), .init(changedWithin: "3h", every: "15m")]
        guard case .failure(let problem) = settings.checked() else { return #expect(Bool(false)) }
        #expect(problem.reason.contains("must grow"))
        settings = CaptureSettings()
        settings.feedEvery = "soon"
        guard case .failure = settings.checked() else { return #expect(Bool(false)) }
        let bytes = Array(#"{"format": 1, "capture": {"schedule": [{"changedWithin": "2h", "every": "10m"}], "contact": "desk@example.com"}}"#.utf8)
        let config = try ArchiveConfig.parse(bytes)
        #expect(config.captureSchedule.steps == [.init(changedWithin: 7_200, every: 600)])
        #expect(config.capture.contact == "desk@example.com")
        #expect(config.capture.hostInterval == 1)
        #expect(config.capture.userAgent(product: "Writethru/0.1.0") == "Writethru/0.1.0 (+desk@example.com)")
        #expect(throws: WritethruError.self) {
            try ArchiveConfig.parse(Array(#"{"format": 1, "capture": {"perHost": 0}}"#.utf8))
        }
        #expect(ArchiveConfig.standard.capture == CaptureSettings())
        // A fraction where a whole number belongs names the key (it used to say "not JSON").
        do {
            _ = try ArchiveConfig.parse(Array(#"{"format": 1, "capture": {"perHost": 1.5}}"#.utf8))
            Issue.record("perHost 1.5 was accepted")
        } catch {
            #expect(error.description.hasSuffix("its writethru.json is not valid: capture.perHost must be a whole number"),
                    "\(error.description)")
        }
        // The contact goes into a header line: no line break can smuggle another header in.
        #expect(throws: WritethruError.self) {
            try ArchiveConfig.parse(Array(#"{"format": 1, "capture": {"contact": "a\r\nX-Evil: 1"}}"#.utf8))
        }
    }

    @Test func theWatchListIsKeptInGitAndTwoChangesBothLand() throws {
        let temp = try TemporaryArchive()
        #expect(try temp.archive.watchList().isEmpty)
        let a = WatchEntry(url: "https://example.com/a", kind: .page, added: Timestamp.format(now))
        let b = WatchEntry(url: "https://example.com/b", kind: .feed, added: Timestamp.format(now))
        try temp.archive.changeWatchList("watch: add a", at: now) { $0 + [a] }
        // A second writer that read the list before the first moved it retries on the new list.
        let other = try Archive.open(at: temp.path)
        var calls = 0
        try other.changeWatchList("watch: add b", at: now) { current throws(WritethruError) in
            calls += 1
            if calls == 1 {
                try temp.archive.changeWatchList("watch: add c", at: now) {
                    $0 + [WatchEntry(url: "https://example.com/c", kind: .page, added: Timestamp.format(now))]
                }
            }
            return current + [b]
        }
        #expect(calls == 2)
        #expect(try temp.archive.watchList().map(\.url)
                    == ["https://example.com/a", "https://example.com/b", "https://example.com/c"])
        // The same list again writes nothing.
        let tip = try temp.archive.repository.reference(Archive.watchReference)
        try temp.archive.changeWatchList("nothing", at: now) { $0 }
        #expect(try temp.archive.repository.reference(Archive.watchReference) == tip)
        let commit = try #require(tip)
        let blob = try #require(try temp.archive.repository.entry(at: "watch.json", inCommit: commit))
        let file = String(decoding: try temp.archive.repository.blob(blob), as: UTF8.self)
        #expect(file.contains(#""url": "https://example.com/b""#))
        #expect(file.contains(#""story": null"#))
    }

    @Test func claimsKeepTwoRunsApartAndLapseWithTheirProcess() throws {
        let temp = try TemporaryArchive()
        let entries = (1...3).map {
            WatchEntry(url: "https://example.com/\($0)", kind: .page, added: Timestamp.format(now))
        }
        let first = try CaptureState(archivePath: temp.path)
        try first.follow(entries, tip: "a1", now: now)
        let claimed = try first.claim(.page, dueAt: now, all: false).states
        #expect(claimed.map(\.url) == entries.map(\.url))
        // Another connection of this process is the same owner; a claim by a live process of
        // another id holds, one by a dead process lapses.
        let me = ProcessIdentity.current
        let live = ProcessIdentity(pid: 1, host: me.host, boot: me.boot, start: ProcessIdentity.startTicks(of: 1))
        let dead = ProcessIdentity(pid: 999_999, host: me.host, boot: me.boot, start: 1)
        for (identity, url) in [(live, "https://example.com/1"), (dead, "https://example.com/2")] {
            let holder = String(decoding: try JSONEncoder().encode(identity), as: UTF8.self)
            try first.database.statement("UPDATE url_state SET claimed_by = ? WHERE url = ?")
                .bind(.text(holder), .text(url)).run()
        }
        try first.database.execute("UPDATE url_state SET claimed_by = NULL WHERE url = 'https://example.com/3'")
        let second = try CaptureState(archivePath: temp.path)
        #expect(try second.claim(.page, dueAt: now, all: false).states.map(\.url)
                    == ["https://example.com/2", "https://example.com/3"])
        // Not due yet: not claimed, unless all.
        var state = try #require(try second.all()["https://example.com/3"])
        state.nextDue = Int64(now.timeIntervalSince1970) + 900
        try second.finish(state)
        #expect(try second.claim(.page, dueAt: now, all: false).states.map(\.url) == ["https://example.com/2"])
        #expect(try second.nextDue() == now)
        // Unwatched URLs leave the state.
        try second.follow(Array(entries.prefix(1)), tip: "b2", now: now)
        #expect(try second.all().keys.sorted() == ["https://example.com/1"])
        #expect(try second.followedTip() == "b2")
    }

    @Test func claimsComeInBatchesAfterACursor() throws {
        let temp = try TemporaryArchive()
        let entries = (10...16).map {
            WatchEntry(url: "https://example.com/\($0)", kind: .page, added: Timestamp.format(now))
        }
        let state = try CaptureState(archivePath: temp.path)
        try state.follow(entries, tip: nil, now: now)
        var seen: [String] = []
        var cursor = ""
        var batches = 0
        while true {
            let batch = try state.claim(.page, dueAt: now, all: true, after: cursor, limit: 3)
            seen += batch.states.map(\.url)
            guard let last = batch.cursor else { break }
            cursor = last
            batches += 1
        }
        #expect(seen == entries.map(\.url))
        #expect(batches == 3)
        // A story given to a watched page later reaches its row.
        var withStory = entries
        withStory[0].story = "valley-floods"
        try state.follow(withStory, tip: "c3", now: now)
        #expect(try state.all()["https://example.com/10"]?.story == "valley-floods")
    }

    @Test func aCaptureEventIsANoteOnTheStorysLatestVersion() throws {
        let temp = try TemporaryArchive()
        let outcome = try #require(try temp.archive.record([try temp.input(Fixtures.chain[0])],
                                                           options: RecordOptions(story: talks, recordedAt: recordedAt)).first)
        let event = CaptureEvent(kind: .gone, status: 410, url: "https://example.com/talks", at: now)
        try temp.archive.note(event, on: outcome.commit.object)
        try temp.archive.note(CaptureEvent(kind: .back, status: 200, url: "https://example.com/talks", at: now + 60),
                              on: outcome.commit.object)
        let events = try temp.archive.captureEvents(on: [outcome.commit])
        #expect(events[outcome.commit] == [event, CaptureEvent(kind: .back, status: 200,
                                                               url: "https://example.com/talks", at: now + 60)])
        // The story itself is untouched.
        #expect(try temp.archive.versions(of: talks).count == 1)
        #expect(CaptureEvent(line: Substring(event.line)) == event)
    }
}
