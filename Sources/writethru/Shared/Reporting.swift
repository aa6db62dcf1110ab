import ArgumentParser
import Foundation
import Writethru

/// Runs a command body, turning a Writethru error into one line on stderr and its exit code.
func reporting(_ body: () throws(WritethruError) -> Void) throws {
    do {
        try body()
    } catch {
        writeError(error.description)
        throw ExitCode(error.exitCode)
    }
}

/// Every error the tool prints: one line on stderr, `writethru: error: ...` (README, "Exit codes").
func writeError(_ message: String) {
    let line = message.split(whereSeparator: \.isNewline).joined(separator: " ")
    FileHandle.standardError.write(Data("writethru: error: \(line)\n".utf8))
}
