import ArgumentParser
import Foundation
import Writethru

/// Runs a command body, turning a Writethru error into one line on stderr and its exit code.
func reporting(_ body: () throws(WritethruError) -> Void) throws {
    do {
        try body()
    } catch {
        FileHandle.standardError.write(Data("writethru: error: \(error)\n".utf8))
        throw ExitCode(error.exitCode)
    }
}
