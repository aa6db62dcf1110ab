import ArgumentParser
import Foundation
import Writethru
import WritethruRender

/// Runs a command body, turning a Writethru error into one line on stderr and its exit code.
func reporting(_ body: () throws(WritethruError) -> Void) throws {
    do {
        try body()
    } catch {
        writeError(error.description, code: error.exitCode)
        throw ExitCode(error.exitCode)
    }
}

/// Every error the tool prints: one line on stderr (README, "Exit codes"). As text,
/// `writethru: error: ...`, line breaks and control characters (from a file name, say) printed
/// as visible escapes (`TerminalSafe`), so the line stays one line and cannot act on the
/// terminal; when the command line asks for `--format json` or `jsonl` (`ErrorFormat`), one JSON
/// object, `{"error": {"code": 67, "message": "..."}}`, keys in that order.
func writeError(_ message: String, code: Int32) {
    var message = Substring(message)
    while message.last?.isNewline == true { message.removeLast() }
    let line = ErrorFormat.isJSON
        ? ErrorJSON.line(code: code, message: String(message))
        : "writethru: error: \(TerminalSafe.escape(String(message)))"
    emitError(line + "\n")
}

/// A warning: one line on stderr, `writethru: warning: ...`, escaped as errors are; the command
/// goes on and its exit code does not change. Warnings stay text lines with `--format json` (so
/// does what a hook prints, on the same stream): only the error line is JSON.
func writeWarning(_ message: String) {
    emitError("writethru: warning: \(TerminalSafe.escape(message))\n")
}
