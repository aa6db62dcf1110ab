import Foundation
import Testing
@testable import Writethru

/// The journal's first line is written by hand (for start-up time) and read with JSONDecoder:
/// both must agree on every value, quotes and control characters included.
@Suite struct WriterJournalTests {
    @Test(arguments: ["writethru import", "writethru \"odd\" name\\with\tcontrols\u{1}"])
    func theHeaderLineReadsBackAsWritten(command: String) throws {
        let header = WriterJournal.Header(
            writer: ProcessIdentity(pid: 4242, host: "desk \"3\"", boot: "b00t-1d", start: 2_722_494),
            command: command, started: "2026-12-01T18:02:11Z")
        let decoded = try JSONDecoder().decode(WriterJournal.Header.self, from: Data(header.line.utf8))
        #expect(decoded == header)
        #expect(!header.line.contains("\n"))
    }

    @Test func aHeaderWithoutProcFieldsReadsBack() throws {
        let header = WriterJournal.Header(writer: ProcessIdentity(pid: 7, host: "h", boot: nil, start: nil),
                                          command: "writethru record", started: "2026-12-01T18:02:11Z")
        #expect(try JSONDecoder().decode(WriterJournal.Header.self, from: Data(header.line.utf8)) == header)
    }

    /// This process is running; a process id that no process has is not.
    @Test func liveAndDeadWriters() throws {
        // The start time is field 22 of /proc/self/stat, after the name in parentheses.
        let stat = try String(contentsOfFile: "/proc/self/stat", encoding: .utf8)
        let afterName = try #require(stat.range(of: ")", options: .backwards)).upperBound
        let fields = stat[afterName...].split(separator: " ")
        #expect(ProcessIdentity.current.start == UInt64(fields[19]))
        #expect(ProcessIdentity.startTicks(of: getpid()) == UInt64(fields[19]))
        #expect(ProcessIdentity.current.boot?.count == 36)
        #expect(ProcessIdentity.current.isRunning == true)
        var gone = ProcessIdentity.current
        gone.start = (gone.start ?? 0) + 1
        #expect(gone.isRunning == false, "the same pid with another start time is another process")
        var other = ProcessIdentity.current
        other.host = "another-host.invalid"
        #expect(other.isRunning == nil)
    }
}
