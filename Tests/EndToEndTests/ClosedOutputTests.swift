import Foundation
import Testing

/// A reader that goes away (`writethru log STORY | head -1`) ends the command as it ends a
/// filter, by SIGPIPE, with nothing on stderr, even when the command inherited SIGPIPE ignored
/// (as under some supervisors and CI runners); an output that cannot be written (a full disk)
/// is one error line and exit code 74. Foundation's `FileHandle.write` stopped the command with
/// a fatal error and a backtrace in both cases.
@Suite struct ClosedOutputTests {
    /// Runs `writethru arguments` through sh with standard output `output`; `ignoringPipe` runs
    /// it with SIGPIPE ignored (kept across exec, as sh's `trap '' PIPE` leaves it).
    private func run(_ arguments: [String], output: FileHandle, ignoringPipe: Bool) throws
        -> (reason: Process.TerminationReason, status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        let script = (ignoringPipe ? "trap '' PIPE; " : "") + "exec \"$0\" \"$@\""
        process.arguments = ["-c", script, CommandRunner.writethru] + arguments
        process.environment = CommandRunner.baseEnvironment
        let err = Pipe()
        process.standardOutput = output
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationReason, process.terminationStatus, String(decoding: stderr, as: UTF8.self))
    }

    /// A pipe whose reading end is already closed: the first write fails with EPIPE.
    private func closedPipe() throws -> Pipe {
        let pipe = Pipe()
        try pipe.fileHandleForReading.close()
        return pipe
    }

    @Test(arguments: [true, false])
    func aReaderThatWentAwayEndsTheCommandBySIGPIPE(ignoringPipe: Bool) throws {
        let workspace = try Workspace.withSeedChain()
        for arguments in [["log", "us-china-alaska-talks"], ["stories"], ["show", "us-china-alaska-talks", "--source"]] {
            let pipe = try closedPipe()
            let result = try run(arguments + ["--archive", workspace.archive], output: pipe.fileHandleForWriting,
                                 ignoringPipe: ignoringPipe)
            #expect(result.reason == .uncaughtSignal, "\(arguments): \(result.status) \(result.stderr)")
            #expect(result.status == SIGPIPE, "\(arguments): \(result.stderr)")
            #expect(result.stderr.isEmpty, "\(arguments)")
        }
    }

    @Test func anOutputThatCannotBeWrittenIsOneLineAndExitCode74() throws {
        let workspace = try Workspace.withSeedChain()
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let result = try run(["log", "us-china-alaska-talks", "--archive", workspace.archive], output: full,
                             ignoringPipe: false)
        #expect(result.reason == .exit)
        #expect(result.status == 74)
        #expect(result.stderr == "writethru: error: cannot write standard output: No space left on device\n")
    }
}
