import Fetch
import Foundation
import Testing

/// HostPacer's spacing, concurrency limit and holds, timed on the monotonic clock.
@Suite struct HostPacerTests {
    static func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    @Test func twoStartsOnOneHostAreAnIntervalApart() {
        let pacer = HostPacer(minimumInterval: 0.3, perHost: 4)
        let start = DispatchTime.now()
        pacer.acquire(host: "www.example.org")
        pacer.release(host: "www.example.org")
        #expect(Self.seconds(since: start) < 0.1)
        pacer.acquire(host: "WWW.Example.ORG")  // the same host
        let second = Self.seconds(since: start)
        pacer.release(host: "www.example.org")
        #expect(second >= 0.29 && second < 1.0, "second start after \(second) s")
    }

    @Test func aHostsOwnSpacingWidensOnlyItsInterval() {
        let pacer = HostPacer(minimumInterval: 0, perHost: 4)
        pacer.space(host: "slow.example", by: 0.3)
        let start = DispatchTime.now()
        for _ in 0..<3 {
            pacer.acquire(host: "fast.example")
            pacer.release(host: "fast.example")
        }
        #expect(Self.seconds(since: start) < 0.1)
        pacer.acquire(host: "slow.example")
        pacer.release(host: "slow.example")
        pacer.acquire(host: "Slow.Example")
        let second = Self.seconds(since: start)
        pacer.release(host: "slow.example")
        #expect(second >= 0.29 && second < 1.0, "second start after \(second) s")
    }

    @Test func otherHostsAreNotDelayed() {
        let pacer = HostPacer(minimumInterval: 5, perHost: 1)
        pacer.acquire(host: "apnews.com")
        let start = DispatchTime.now()
        pacer.acquire(host: "reuters.com")
        pacer.acquire(host: "bbc.co.uk")
        #expect(Self.seconds(since: start) < 0.1)
        for host in ["apnews.com", "reuters.com", "bbc.co.uk"] { pacer.release(host: host) }
    }

    @Test func holdPushesTheNextStartBack() {
        let pacer = HostPacer(minimumInterval: 0, perHost: 2)
        let start = DispatchTime.now()
        pacer.hold(host: "busy.example", until: Date(timeIntervalSinceNow: 0.4))
        pacer.hold(host: "busy.example", until: Date(timeIntervalSinceNow: 0.1))  // earlier: changes nothing
        pacer.acquire(host: "other.example")
        #expect(Self.seconds(since: start) < 0.1)
        pacer.acquire(host: "busy.example")
        let waited = Self.seconds(since: start)
        #expect(waited >= 0.39 && waited < 1.2, "waited \(waited) s")
        pacer.release(host: "busy.example")
        pacer.release(host: "other.example")
    }

    @Test func atMostPerHostRequestsAreInFlight() {
        let pacer = HostPacer(minimumInterval: 0, perHost: 2)
        let host = "feeds.example"
        let inFlight = Counter()
        onThreads(8) { _ in
            pacer.acquire(host: host)
            inFlight.enter()
            Thread.sleep(forTimeInterval: 0.05)
            inFlight.leave()
            pacer.release(host: host)
        }
        #expect(inFlight.peak == 2)
    }

    @Test func aWaiterStartsWhenASlotIsReleased() {
        let pacer = HostPacer(minimumInterval: 0, perHost: 1)
        pacer.acquire(host: "one.example")
        let start = DispatchTime.now()
        let started = DispatchSemaphore(value: 0)
        let waited = Counter()
        Thread {
            pacer.acquire(host: "one.example")
            waited.record(Self.seconds(since: start))
            pacer.release(host: "one.example")
            started.signal()
        }.start()
        Thread.sleep(forTimeInterval: 0.3)
        pacer.release(host: "one.example")
        started.wait()
        #expect(waited.value >= 0.29 && waited.value < 1.0, "waited \(waited.value) s")
    }

    @Test func manyThreadsOnOneHostAreSpacedOut() {
        let pacer = HostPacer(minimumInterval: 0.05, perHost: 3)
        let origin = DispatchTime.now()
        let starts = Counter()
        onThreads(10) { _ in
            // The instant the pacer granted, not when this thread next ran: under load a thread
            // can be descheduled between the two, which made the gaps look shorter than they were.
            let granted = pacer.acquire(host: "one.example")
            starts.record(Double(granted.uptimeNanoseconds - origin.uptimeNanoseconds) / 1e9)
            pacer.release(host: "one.example")
        }
        let sorted = starts.values.sorted()
        #expect(sorted.count == 10)
        let gaps = zip(sorted.dropFirst(), sorted).map { $0 - $1 }
        #expect(gaps.allSatisfy { $0 >= 0.049 }, "gaps \(gaps)")
        #expect((sorted.last ?? 0) >= 0.44)
    }
}
