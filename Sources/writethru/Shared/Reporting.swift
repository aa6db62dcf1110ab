import ArgumentParser
import Foundation
import Writethru
import WritethruRender

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
/// Line breaks and control characters (from a file name, say) are printed as visible escapes
/// (`TerminalSafe`), so the line stays one line and cannot act on the terminal.
func writeError(_ message: String) {
    var message = Substring(message)
    while message.last?.isNewline == true { message.removeLast() }
    FileHandle.standardError.write(Data("writethru: error: \(TerminalSafe.escape(String(message)))\n".utf8))
}
