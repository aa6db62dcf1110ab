import Foundation

/// Writes text to standard output as it is, with no newline added.
func emit(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}
