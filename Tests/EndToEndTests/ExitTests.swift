import Foundation
import TestSupport
import Testing

/// Short commands end cleanly, every time. Until the libgit2 warm-up thread went, about one
/// `writethru --version` in twenty crashed as the process exited (SIGSEGV or abort after the
/// right output) while that thread was still initialising libgit2 (issue 16).
@Suite struct ExitTests {
    @Test func shortCommandsNeverCrashAtExit() throws {
        var failures: [Int32] = []
        for _ in 0..<300 {
            let result = try CommandRunner.writethru(["--version"])
            if result.status != 0 || result.stdout != "0.1.0\n" { failures.append(result.status) }
        }
        #expect(failures.isEmpty, "\(failures.count) of 300 runs failed: \(failures.prefix(5))")
    }
}

/// `writethru --version` alone is answered before the parser runs (it skips the parser's
/// completion-script check); what it prints must be what the parser prints for it.
@Suite struct VersionTests {
    @Test func theVersionIsWhatTheParserPrints() throws {
        let alone = try CommandRunner.writethru(["--version"])
        // A second --version sends the command line through the parser, which answers it.
        let parsed = try CommandRunner.writethru(["--version", "--version"])
        #expect(alone.status == 0)
        #expect(alone.stderr.isEmpty)
        #expect(alone.stdout == "0.1.0\n")
        #expect(alone.stdoutBytes == parsed.stdoutBytes, "parser: \(parsed.stdout) \(parsed.stderr)")
        #expect(alone.status == parsed.status)
    }
}
